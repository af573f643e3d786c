"""One message's clauses and cues as the context reader found them, and the walk that reads them.

`MentionContext` is what bot/nlu/mention_context.py's `ContextReader` found in a message; its walk
asks whether a cue governs a mention; bot/nlu/clinical.py decides.
"""
from __future__ import annotations

from dataclasses import dataclass

_MAX_WALK = 60  # tokens a cue search may look through, lists included
# words that join a list's items, and the few that may follow them ("and some naproxen", "y unas")
_JOINERS = frozenset({",", "and", "or", "plus", "&", "/", "y", "e", "o", "u"})
_FILLERS = frozenset({"some", "also", "then", "unas", "unos", "un", "una", "el", "la", "los", "las"})


def runs(words: list[str], longest: int = 3) -> set[str]:
    """Every run of one to `longest` consecutive words, joined by spaces (for phrase cues)."""
    return {" ".join(words[j:j + n]) for n in range(1, longest + 1) for j in range(len(words) - n + 1)}


@dataclass
class MentionContext:
    """One message's clauses and cues, and the NegEx-style walk that reads them."""
    words: list[str]
    boundary: list[bool]  # a clause ends at this token
    clause: list[int]  # clause number of each token
    covered: set[int]  # tokens inside a mention
    before: dict[int, list[tuple[str, int]]]  # last token -> [(cue kind, first token)]
    after: dict[int, list[tuple[str, int]]]  # first token -> [(cue kind, end)]
    asking: list[bool]  # token inside a question
    topic: list[bool]  # token in a bare topic of a question ("epidurals, do they work?")
    sentence_asks: list[bool]  # token in a sentence with a question mark
    skin_clauses: set[int]
    window: dict
    list_words: set[str]  # "or", "and", "the": free to walk over in a list
    # a message typed for the patient: the relatives it names as the patient ("typing for
    # my dad": {"dad"}, "typing for him": empty); None when the writer is the patient
    proxy_named: set[str] | None = None
    proxy_words: frozenset = frozenset()  # who may be the patient in such a message
    pronouns: frozenset = frozenset()  # "he", "she": the patient in such a message
    relative_owners: frozenset = frozenset()  # "his", "her": "his mum" is someone else
    writer_speaks: bool = True  # the writer tells of themself ("I", "my back")
    relative_is_patient: bool = False  # the message is about a relative's pain (mention_owner.py)
    not_now: list = ()  # where a `not_now` cue starts ("... a fever? I don't have one")
    growths: frozenset = frozenset()  # "tumour", "lump": a cancer only if not said benign
    recent: frozenset = frozenset()  # "last week", "ayer": a sign that began then is no old one

    def benign_growth(self, s: int, e: int) -> bool:
        """A growth said benign later in its sentence ("a tumour off my spine in 2016, it was
        benign"): no cancer history; never a cancer named ("breast cancer, a benign lump")."""
        return bool(self.growths.intersection(self.words[s:e])) and self.cue_in_sentence(e, "benign", 1)

    def unchanged_after(self, start: int, end: int) -> bool:
        """Later in the sign's sentence or the next, it has long been so and is no worse ("weak
        leg. same as it's been for years since my stroke, not worse"): asked whether it is new,
        never dropped; never a sign begun lately ("my leg went weak last week, no change")."""
        if self.recent.intersection(self.sentence_phrases(start)):
            return False
        i, stops = end, 0
        while i < len(self.words) and stops < 2:
            stops += self.words[i] in (".", "?", "!")
            if any(k == "unchanged" for k, _ in self.after.get(i, ())):
                return True
            i += 1
        return False

    def answered_no(self, end: int) -> bool:
        """A bare "no" straight after a sign, closing its clause: "Cancer no.", "fever - no"."""
        i = end + (end < len(self.words) and self.words[end] in (",", "-", ":"))
        return (i < len(self.words) and self.words[i] in ("no", "nope", "nah", "none")
                and (i + 1 == len(self.words) or self.boundary[i + 1] or self.words[i + 1] == ","))

    def denied_by_inability(self, s: int, e: int, inability: set) -> bool:
        """Is the only denial of the mention at s:e a "can't" ("not" next to an `inability`
        word), with nothing after it that denies ("bladder's fine")?"""
        hit = self.cue_before_at(s, ("neg_before",))
        if not hit or self.words[hit[1]] not in ("not", "no") or self.cue_after(e, ("neg_after", "neg_after_weak")):
            return False
        return bool(inability & set(self.words[max(hit[1] - 1, 0):hit[1] + 2]))

    def _sentence(self, i: int) -> list[str]:
        start, end = i, i
        while start > 0 and self.words[start - 1] not in (".", "?", "!"):
            start -= 1
        while end < len(self.words) and self.words[end] not in (".", "?", "!"):
            end += 1
        return self.words[start:end]

    def sentence_phrases(self, i: int, longest: int = 3) -> set:
        """Every run of one to `longest` words in token i's sentence (for sentence-wide cues)."""
        return runs(self._sentence(i), longest)

    def clause_phrases(self, i: int) -> set:
        """Every run of one to three words in token i's clause ("I fell last week | and also
        fell in 2009": each fall has its own time)."""
        return runs([w for j, w in enumerate(self.words) if self.clause[j] == self.clause[i]])

    def cue_in_sentence(self, i: int, kind: str, step: int) -> bool:
        """A cue of `kind` from token i to the end (step 1) or the start (step -1) of its
        sentence, across clauses ("a fever with the flu in March, but I am quite well now")."""
        i = i if step > 0 else i - 1
        while 0 <= i < len(self.words) and self.words[i] not in (".", "?", "!"):
            if any(k == kind for k, _ in self.after.get(i, ())):
                return True
            i += step
        return False

    def not_now_after(self, end: int, reason: str) -> bool:
        """A `not_now` cue anywhere after token `end`, across sentences, for a sign asked about
        or feared ("can back pain give you a fever? I don't have one") or one long past ("that
        was 6 years ago. nothing like that now"); a recent one stays ("my leg gave way once
        last week, hasn't happened since" is a red flag)."""
        long_past = reason == "historical" and (
            self.cue_in_sentence(end, "long_ago_said", 1) or self.cue_in_sentence(end, "long_ago", 1)
            or self.cue_in_sentence(end, "long_ago", -1))
        # a relative's sign, the writer then setting themselves apart ("my husband is the one
        # with it; me, no problems there"), unless the message is typed for that relative
        others = reason == "other" and not self.relative_is_patient
        return (reason in ("hypothetical", "question") or long_past or others) and any(i >= end for i in self.not_now)

    def cue_right_after(self, end: int, kind: str) -> bool:
        """A cue of `kind` straight after a mention ("upper back really"), nothing between."""
        return any(k == kind for k, _ in self.after.get(end, ()))

    def cue_before(self, start, kinds, limit=None, stop=()):
        """The kind of the nearest cue of `kinds` governing a mention from before, or None."""
        return (self.cue_before_at(start, kinds, limit, stop) or (None,))[0]

    def cue_before_at(self, start, kinds, limit=None, stop=()):
        """(kind, first token) of that cue, or None: who "she" or "dad" is depends on it."""
        return self._walk(start - 1, -1, kinds, self.before, limit or self.window["before"], stop)

    def cue_after_at(self, end, kinds, limit=None, stop=()):
        """(kind, first token) of the nearest cue of `kinds` after a mention, or None."""
        return self._walk(end, 1, kinds, self.after, limit or self.window["after"], stop)

    def cue_after(self, end, kinds, limit=None, stop=()):
        return (self._walk(end, 1, kinds, self.after, limit or self.window["after"], stop) or (None,))[0]

    def prescribed_after(self, end: int, bought) -> bool:
        """A prescribing cue after a medicine ("parches de lidocaína que me recetó la doctora")."""
        i = end + (end < len(self.words) and self.words[end] in ("que", "which", "that"))
        hit = self._walk(end, 1, ("prescribed",), self.after, self.window["after"], bought)
        nearer = next((j for j in range(end, hit[1]) if j in self.covered), None) if hit else None
        # "tomé Tapsin y un relajante que me dio el doctor": a relative clause is the nearer one's
        hit = hit and not (nearer is not None and {"que", "which", "that"} & set(self.words[hit[1] - 1:hit[1] + 1]))
        # "paracetamol and some naproxen the GP gave me": a cue after a list is its last item's
        between = self.words[end:nearer] if nearer is not None else []
        hit = hit and not (_JOINERS.intersection(between)
                           and all(w in self.list_words or w in _JOINERS or w in _FILLERS for w in between))
        return bool(hit or self.cue_right_after(i, "prescribed"))

    def _walk(self, i, step, kinds, cues, limit, stop):
        """Walk from token i in direction `step` inside the clause; the first cue of one of `kinds`
        wins. Other mentions and list words are skipped for free; other words and cues cost one."""
        words, boundary, count = self.words, self.boundary, 0
        stop_at = i + step * _MAX_WALK  # long lists are free, but not endless
        past_comma, first = False, i  # walking back across a comma; the mention's neighbour
        while 0 <= i < len(words) and i != stop_at:
            if i in self.covered and not (i == first and "prescribed" in kinds and any(  # a mention's
                    k == "prescribed" for k, _ in cues.get(i, ()))):  # words are its own ("me recetó" prescribes)
                # "my son kicked me in the back": the back is the patient's; walking back, a sign
                # that ends a clause ("no fever | cant hold my pee") ends the walk
                if words[i] in stop or (step < 0 and boundary[i]):
                    return None
                past_comma = False
                i += step
                continue
            if step < 0 and words[i] == ",":
                past_comma = True
            elif past_comma and not cues.get(i) and words[i] not in self.list_words:
                # "I can't sleep, fever at night": the cue negated "sleep", and the comma
                # ended its scope; "no fever, chills or weight loss" is a list and goes on.
                return None
            here = cues.get(i, ())
            hit = next(((kind, at) for kind, at in here if kind in kinds), None)
            if hit and (step > 0 or not boundary[i]):  # "fever? no" starts at the "?"
                return hit if step < 0 else (hit[0], i)
            if boundary[i]:
                return None
            if here:  # someone else's cue ("no relief" is no denial): step over it
                far = here[0][1]
                if any(boundary[j] for j in (range(far, i) if step < 0 else range(i, far))):
                    return None
                i = far - 1 if step < 0 else far
                count += 1
            else:
                if words[i] in stop:
                    return None
                count += words[i] not in self.list_words
                i += step
            if count > limit:
                return None
        return None

    def experiencer(self, s: int, e: int, patient_object: set, patient_object_after: set,
                    first_person: set, sign: bool = False) -> str:
        """Whose sign it is (ConText's experiencer): "other" when another person's cue governs
        it ("my mum had breast cancer") unless the message is typed for the patient by that
        person's carer ("this is his daughter typing, dad can't lift his leg"), or an animal
        is its subject ("my dog has cancer"); never when the sign's own words make the
        patient its object ("my dog knocked me over", "my son kicked me in the back").
        "asked": a sign of "his"/"her" in a message where the writer speaks of themself
        (a relative's, or the patient's told by a carer: confirmed, never raised at once)."""
        if patient_object.intersection(self.words[s:e]) or patient_object_after.intersection(
                self.words[e:e + 1]):
            return "patient"
        if not sign and e > s and self.words[s] in first_person:
            return "patient"  # a treatment the patient is given ("mi mamá me sobó"): theirs
        limit = self.window["other_person"]
        if sign and self.proxy_named is not None and (  # typed for dad: "I'm the one with the fever"
                self.cue_before(s, ("writer_self",), limit) or self.cue_after(e, ("writer_self",), limit)):
            return "other"
        if self.cue_before(s, ("other_before",), limit, first_person):
            return "other"
        if self.cue_after(e, ("other_after",), limit, first_person):
            return "other"
        if (sign and self.writer_speaks and self.proxy_named is None
                and self.relative_owners.intersection(self.words[max(s - 2, 0):s])):
            return "asked"  # "it started with her legs going weak": whose legs? asked
        return "other" if self.cue_before(s, ("animal",), limit, first_person) else "patient"
