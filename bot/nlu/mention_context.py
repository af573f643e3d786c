"""A message's clauses and cue words around each clinical mention (NegEx/ConText-style).

`ContextReader` finds the cues of vocab/context.yml (denial, hypothetical, other people,
history, questions) and the clause boundaries in a normalised Doc; `MentionContext` is what
it found, with the walk that asks whether a cue governs a mention; bot/nlu/clinical.py decides.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from bot.nlu.mention_proxy import ProxyReader
from bot.nlu.question_scope import not_knowing_after_question, question_topics, questions, sentences_asking

_END_PUNCT = {".", ";", "?", "!", "...", "…", ":", "\n"}
_SEPARATORS = {",", "and", "so", "then", "&", "-", "–"}
_MAX_WALK = 60  # tokens a cue search may look through, lists included
# cues that, straight after a sign, still speak of it: no new clause starts there
_SAID_OF_SIGN = {"neg_after", "neg_after_weak", "hedged", "other_after", "pseudo", "place_taken_back"}
_LIST_WORDS = {",", "or", "and", "/", "&", "any", "a", "an", "the", "my"}
# words that join a list's items, and the few that may follow them ("and some naproxen", "y unas")
_JOINERS = frozenset({",", "and", "or", "plus", "&", "/", "y", "e", "o", "u"})
_FILLERS = frozenset({"some", "also", "then", "unas", "unos", "un", "una", "el", "la", "los", "las"})


def runs(words: list[str], longest: int = 3) -> set[str]:
    """Every run of one to `longest` consecutive words, joined by spaces (for phrase cues)."""
    return {" ".join(words[j:j + n]) for n in range(1, longest + 1) for j in range(len(words) - n + 1)}


class ContextReader:
    """Clause boundaries and cue positions of one normalised message."""

    def __init__(self, nlp, context: dict, normalize: Callable[[Doc], Doc],
                 norm_word: Callable[[str], str], skin: set[str],
                 token_patterns: Callable[[str], list] | None = None):
        """`token_patterns` turns a cue with a placeholder ("hace <years>") into Matcher
        patterns (ClinicalMatcher's, with context.yml's placeholders)."""
        # Words that join a list or a clause, when the language's are not English's
        self._separators = set(context.get("separators") or _SEPARATORS)
        self._list_words = set(context.get("list_words") or _LIST_WORDS)
        self.window = {"before": 6, "after": 4, "other_person": 5, **(context.get("window") or {})}
        self._skin = skin
        self._deep = {norm_word(w) for w in context.get("not_skin") or []}
        # cue kinds (neg_before, neg_after, hypothetical, ...) and their context.yml keys
        self._cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._cue_token_matcher = Matcher(nlp.vocab)
        self._cue_kinds: dict[int, str] = {}
        for kind, key in (("neg_before", "negation_before"), ("neg_after", "negation_after"),
                          ("hypothetical", "hypothetical_before"), ("pseudo", "pseudo"),
                          ("scope_end", "scope_end"), ("another", "another_mention"), ("other_before", "other_person_before"),
                          ("other_after", "other_person_after"), ("historical", "historical"),
                          ("flag_hypothetical", "red_flag_hypothetical_before"),
                          ("resolved", "resolved"), ("long_ago", "long_ago"), ("writing_for", "writing_for"),
                          ("place_taken_back", "place_taken_back_after"),
                          ("focus_before", "location_focus_before"), ("prescribed", "prescribed"),
                          ("focus_after", "location_focus_after"), ("animal", "animal_before"),
                          ("other_condition", "other_condition"), ("hedged", "hedged_denial"),
                          ("hedged_topic", "hedged_topic_before"), ("long_ago_said", "long_ago_said"),
                          ("hedged_before", "hedged_before"), ("pain_limited", "limited_by_pain_after"),
                          ("neg_closing", "negation_after_closing"), ("not_now", "not_now"),
                          ("bought_otc", "bought_over_counter"), ("not_done", "treatment_not_done_after"),
                          ("not_taken", "treatment_not_taken_said"), ("borrowed", "borrowed_after"),
                          ("unchanged", "unchanged_for_long"), ("benign", "benign_after"),
                          ("carer", "carer_words"), ("writer_own", "writer_own_pain"),
                          ("writer_self", "writer_self_in_proxy"),
                          ("had_answer", "treatment_had_after_question"),
                          ("setting", "activity_as_setting_before"), ("setting_after", "activity_as_setting_after")):
            phrases = [str(p) for p in context.get(key) or []]
            phrases += not_knowing_after_question() if key == "pseudo" else []
            docs = [normalize(nlp.make_doc(p)) for p in phrases if "<" not in p]
            match_id = nlp.vocab.strings.add(f"cue:{kind}")
            self._cue_kinds[match_id] = kind
            self._cue_matcher.add(f"cue:{kind}", [d for d in docs if len(d)])
            with_placeholders = [p for p in phrases if "<" in p]
            if with_placeholders and token_patterns is None:
                raise ValueError(f"context.yml: {key}: placeholders need a matcher that knows them")
            if with_placeholders:
                self._cue_token_matcher.add(f"cue:{kind}", [pattern for p in with_placeholders
                                                            for pattern in token_patterns(p)])
        self._starters = {norm_word(w) for w in context.get("clause_starters") or []}
        self._sign_starters = {norm_word(w) for w in context.get("starters_after_sign") or []}
        # "no <word> I ...": a bare word a "no" denies ends the list too ("no tumbles I did have")
        self._bare_denied = bool(context.get("bare_denied_words"))
        self._interjections, self._subjects = ({norm_word(w) for w in context.get(key) or []}
                                               for key in ("interjections", "subjects"))
        self._question_starters = {norm_word(w).split()[0]
                                   for w in context.get("question_starters") or []}
        self._question_tags, self._tag_hedges, self._telling_frames = ({tuple(norm_word(w).split()) for w in context.get(
            key) or []} for key in ("question_tags", "question_tag_hedges", "question_telling_frames"))
        self._first_person, self._topic_pronouns = ({norm_word(w) for w in context.get(key) or []}
                                                    for key in ("first_person", "topic_pronouns"))
        self._growths, self._recent = (frozenset(norm_word(w) for w in context.get(key) or [])
                                       for key in ("growths", "recent_onset"))
        self._proxy = ProxyReader(context, norm_word)  # bot/nlu/mention_proxy.py

    def __call__(self, ndoc, spans, typed_for: bool = False) -> MentionContext:
        """Clause boundaries and cue positions of one message (`typed_for`: an earlier message
        of the conversation said it is typed for the patient)."""
        words = [t.text for t in ndoc]
        n = len(words)
        boundary = [w in _END_PUNCT or "\n" in w for w in words]
        before: dict[int, list[tuple[str, int]]] = {}
        after: dict[int, list[tuple[str, int]]] = {}
        matchers = (self._cue_matcher, self._cue_token_matcher) if len(self._cue_token_matcher) \
            else (self._cue_matcher,)
        cue_matches = [(self._cue_kinds[m], s, e) for matcher in matchers for m, s, e in matcher(ndoc)]
        ends = [b or any(k in ("scope_end", "another") and s <= i < e for k, s, e in cue_matches)
                for i, b in enumerate(boundary)]
        cue_matches, proxy_named = self._proxy(  # typed for the patient? (bot/nlu/mention_proxy.py)
            cue_matches, words, _clause_numbers(ends), typed_for)
        pseudo = [(s, e) for kind, s, e in cue_matches if kind == "pseudo"]
        not_now: list[int] = []
        for kind, s, e in cue_matches:
            if kind != "pseudo" and any(a <= s and e <= b and (a, b) != (s, e) for a, b in pseudo):
                continue  # "went away" inside "never went away" is no cue
            if kind in ("scope_end", "another"):
                boundary[s:e] = [True] * (e - s)
                if kind == "scope_end":
                    continue  # "another one" is kept: what comes after it may be recent
            if kind == "not_now":  # read across the message, never a cue a walk steps over
                not_now.append(s)  # ("I don't have any bladder problems" stays a denial)
                continue
            if kind == "neg_closing":
                if e < n and words[e] not in _END_PUNCT | {",", ";"} and (words[e] not in self._separators or words[e + 1:e + 2] in ([], [","])):
                    continue  # "la pierna tampoco me responde" (but "fiebre no tengo y de ...")
                kind = "neg_after"  # "cáncer tampoco.", "fiebre nunca": said last, a denial
            elif kind == "neg_after" and e - s == 1:
                kind = "neg_after_weak"
            before.setdefault(e - 1, []).append((kind, s))  # read backwards from its end
            after.setdefault(s, []).append((kind, e))  # read forwards from its start
        for cues in before.values():
            cues.sort(key=lambda c: c[1])  # longest first: "no relief" before "relief"
        for cues in after.values():
            cues.sort(key=lambda c: -c[1])
        for i, w in enumerate(words):
            if w in self._separators:  # ", and I ..." starts a new clause
                j = i + 1
                while j < n and words[j] in self._separators:
                    j += 1
                if j < n and words[j] in self._starters:
                    boundary[i] = True
            elif w in self._interjections and i + 1 < n and words[i + 1] in self._subjects:
                boundary[i] = True  # "No I have a fever" is "No, I have a fever"
        denials = {i for i in after if "neg_before" in {k for k, _ in after[i]}}
        sign_starts: dict[int, int] = {}  # first token -> the longest sign's end
        for s, e, _ in spans:
            sign_starts[s] = max(e, sign_starts.get(s, e))
        sign_ends = {e for s, e, _ in spans} | ({i + 2 for i in denials if words[i] == "no"}
                                                if self._bare_denied else set())
        # "no fever no falls I did have a melanoma": a clause's denied list ends at a new subject
        for i, w in enumerate(words):  # after a sign, not at words still of the sign ("no falls
            if i in sign_ends and ((w in self._sign_starters  # I know of", "fuerza ... tengo bien")
                                    and not _SAID_OF_SIGN & {k for j in (i, i + 1) for k, _ in after.get(j, ())})
                                   or _negative_sign_starts(i, sign_starts, after)):
                start = next((j for j in range(i - 1, -1, -1) if boundary[j]), -1)
                at = i - 1 if i in sign_starts else i  # the sign's own first word starts the clause
                boundary[at] = boundary[at] or bool(denials.intersection(range(start + 1, i)))
        clause = _clause_numbers(boundary)
        skin = ({clause[i] for i, w in enumerate(words) if w in self._skin}
                - {clause[i] for i, w in enumerate(words) if w in self._deep})  # "a cyst on the nerve"
        # "ninguna caída": one word read as "nothing tried" and a denial is the denial, no mention to skip
        covered = {i for s, e, term in spans if not (term.label == "treatment_none" and e - s == 1
                                                     and "neg_before" in {k for k, _ in after.get(s, ())})
                   for i in range(s, e)}
        return MentionContext(words, boundary, clause, covered, before, after,
                        questions(words, clause, self._question_starters),
                        question_topics(words, clause, covered, self._topic_pronouns, self._list_words,
                                        self._separators),
                        sentences_asking(words, self._question_tags, self._first_person, self._tag_hedges,
                                         self._telling_frames), skin, self.window, self._list_words,
                        proxy_named, self._proxy.relatives, self._proxy.pronouns,
                        self._proxy.relative_owners, not_now=not_now, growths=self._growths,
                        recent=self._recent)


def _clause_numbers(boundary: list[bool]) -> list[int]:
    """The clause number of each token; a boundary token closes its own clause."""
    return [0, *itertools.accumulate(int(b) for b in boundary[:-1])]


def _negative_sign_starts(i: int, sign_starts: dict, after: dict) -> bool:
    """Does a sign whose own words begin with a negation start at token i or the next ("no fever
    cant hold my pee", "no tengo calentura ya no aguanto la pipí", "no fiebre no siento las
    piernas")? Straight after another sign, it starts a new clause: the list's "no" ends there."""
    def own_negation(j: int) -> bool:  # a denial inside the sign's words, or "ya no" running into them
        return any(k == "neg_before" for t in (j, j + 1) if t < sign_starts[j] - 1 for k, _ in after.get(t, ())) \
            or any(k == "pseudo" and t < j < end for t in range(i, j) for k, end in after.get(t, ()))
    return any(j in sign_starts and own_negation(j) for j in (i, i + 1))


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
        return (reason in ("hypothetical", "question") or long_past) and any(i >= end for i in self.not_now)

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
