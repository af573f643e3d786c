"""Clinical mentions in a patient's message: pain location, treatments tried, red flags.

Pure spaCy, no Rasa: `ClinicalMatcher(nlp)(doc)` returns every `Mention` in text order. The
words live in YAML files under `vocab/` (clinicians edit those, not this code):

* locations.yml, treatments.yml, red_flags.yml: phrase -> canonical contract value;
* context.yml: cue words for denial ("no fever", "my bladder is fine"), for treatments not
  tried ("I don't want surgery") and for other people ("my mother had cancer").

How a message is read:

1. The text is lower-cased and tokenised again, then normalised ("can't", "cannot", "cant"
   and "CAN'T" all become "can not") and lemmatised, so one phrase matches its plurals and verb forms ("legs gave way" ~ "leg
   gives way"). Phrases marked "=" match only as written.
2. Each vocabulary file resolves its own overlaps: the longest phrase wins ("slipped on the
   ice" is trauma, and heat_ice separately ignores it). `ignore` phrases win and vanish.
3. A cue counts only inside the mention's clause and never inside the matched phrase itself,
   so "I can't control my bladder" is a positive flag while "no fever but my leg keeps
   getting weaker" denies only the fever (NegEx-style scopes, simplified).

Everything is compiled once in `__init__` (about 0.1 s); a call costs about 0.1 ms.
"""
from __future__ import annotations

import datetime
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from bot.contract import LOCATIONS, RED_FLAGS, TREATMENTS
from bot.nlu.drugs import find_medicines, named_at_prescription_strength

VOCAB_DIR = Path(__file__).parent / "vocab"


_END_PUNCT = {".", ";", "?", "!", "...", "…", ":", "\n"}
_SEPARATORS = {",", "and", "so", "then", "&", "-", "–"}
_MAX_WALK = 60  # tokens a cue search may look through, lists included
_INJECTED = {"shot", "injection", "jab", "infusion", "block", "epidural", "injected"}
_NEAR_BREAKS = {".", "!", "?", ";", ",", ":", "but", "though", "although", "except", "…", "..."}
_LIST_WORDS = {",", "or", "and", "/", "&", "any", "a", "an", "the", "my"}


@dataclass(frozen=True)
class Mention:
    label: str  # pain_location | treatment | treatment_none | red_flag | red_flag_unsure
    #             | body_part_other
    value: str  # contract value ("lower_back", "otc_medication", "fever"); a body part
    start: int  # character offsets into doc.text
    end: int
    text: str
    negated: bool = False  # denied; for treatments: not tried ("I don't want surgery")
    experiencer: str = "patient"  # "other": "my mother had cancer"
    # red_flag_unsure: why the sign may not be present now (hypothetical, question,
    # historical); pain_location: "focus" for the place the patient is asking about
    reason: str = ""


@dataclass(frozen=True)
class _Term:
    group: str  # vocabulary file: overlaps are resolved within one file
    label: str
    value: str
    mode: str = "positive"  # positive | if_denied | absent | unsure | ignore
    rank: int = 0  # equal lengths: lower rank wins (ignore -1, named places 0, bare "back" 1)


def _load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _phrases(path: Path, where: str, phrases) -> list[str]:
    if phrases is None:
        return []
    if not isinstance(phrases, list):
        raise ValueError(f"{path.name}: {where} must be a list of phrases")
    bad = [p for p in phrases if not isinstance(p, str)]
    if bad:  # YAML reads a bare no / yes / on / off as a boolean
        raise ValueError(f"{path.name}: {where}: quote these phrases: {bad}")
    return phrases


def _check_keys(path: Path, data: dict, allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")


def load_vocabulary(vocab_dir: Path | None = None) -> tuple[list[tuple[_Term, str]], dict, dict]:
    """All (term, phrase) pairs, the location extras, and the context cues."""
    vocab_dir = Path(vocab_dir or VOCAB_DIR)
    pairs: list[tuple[_Term, str]] = []

    def add(term: _Term, phrases) -> None:
        # `path` is the file being read (reassigned below), for error messages
        pairs.extend((term, p) for p in _phrases(path, term.value or term.mode, phrases))

    path = vocab_dir / "locations.yml"
    loc = _load_yaml(path)
    _check_keys(path, loc, {*LOCATIONS, "bare_back", "alone", "ignore", "not_spine"})
    for value in LOCATIONS:
        add(_Term("location", "pain_location", value), loc.get(value))
    add(_Term("location", "pain_location", "lower_back", rank=1), loc.get("bare_back"))
    add(_Term("location", "", "", "ignore", rank=-1), loc.get("ignore"))
    not_spine = loc.get("not_spine") or {}
    for part, phrases in (not_spine.get("body_parts") or {}).items():
        add(_Term("location", "body_part_other", str(part)), phrases)
    extras = {
        "alone": {w.lower() for w in _phrases(path, "alone", loc.get("alone"))},
        "skin": {w.lower() for w in _phrases(path, "skin", not_spine.get("skin"))},
        "pain_words": {w.lower() for w in _phrases(path, "pain_words", not_spine.get("pain_words"))},
    }

    path = vocab_dir / "treatments.yml"
    treat = _load_yaml(path)
    _check_keys(path, treat, {*TREATMENTS, "none", "ignore"})
    for value in TREATMENTS:
        add(_Term("treatment", "treatment", value), treat.get(value))
    add(_Term("treatment", "treatment_none", "none"), treat.get("none"))
    add(_Term("treatment", "", "", "ignore", rank=-1), treat.get("ignore"))

    path = vocab_dir / "red_flags.yml"
    flags = _load_yaml(path)
    _check_keys(path, flags, {*RED_FLAGS, "if_denied", "absent", "unsure", "ignore", "near"})
    for value in RED_FLAGS:
        add(_Term("red_flag", "red_flag", value), flags.get(value))
    for mode in ("if_denied", "absent", "unsure"):
        section = flags.get(mode) or {}
        _check_keys(path, section, set(RED_FLAGS))
        for value, phrases in section.items():
            add(_Term("red_flag", "red_flag", value, mode), phrases)
    add(_Term("red_flag", "", "", "ignore", rank=-1), flags.get("ignore"))
    near = flags.get("near") or {}
    _check_keys(path, near, set(RED_FLAGS))
    for value, sides in near.items():
        _check_keys(path, sides or {}, {"place", "sign"})
        for side in ("place", "sign"):
            add(_Term(f"near:{value}:{side}", "near", value, side), (sides or {}).get(side))

    path = vocab_dir / "context.yml"
    context = _load_yaml(path)
    for key, value in context.items():
        if key not in ("window", "placeholders", "fold_accents"):
            _phrases(path, key, value)
    for key in ("hypothetical_red_flags", "timeless_red_flags"):
        _check_keys(path, dict.fromkeys(context.get(key) or []), set(RED_FLAGS))
    return pairs, extras, context


class ClinicalMatcher:
    """Finds pain locations, treatments and red flags, with denial and experiencer."""

    def __init__(self, nlp, vocab_dir: Path | None = None):
        self.nlp = nlp
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        pairs, self._extras, context = load_vocabulary(vocab_dir)
        # A language written with or without its accents ("caí", "cai"): words are compared
        # without them, lemmas looked up with them; each phrase also stands without them.
        self._fold_accents = bool(context.get("fold_accents"))
        # Words that join a list or a clause, when the language's are not English's
        self._separators = set(context.get("separators") or _SEPARATORS)
        self._list_words = set(context.get("list_words") or _LIST_WORDS)
        self._injected = set(context.get("injected") or _INJECTED)
        self._window = {"before": 6, "after": 4, "other_person": 5, **(context.get("window") or {})}
        self._placeholders = context.get("placeholders") or {}

        attr = "LEMMA" if self._lemmatizer else "LOWER"
        self._lemma_matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self._exact_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._token_matcher = Matcher(nlp.vocab)
        self._terms: dict[int, _Term] = {}
        for term, phrase in pairs:
            self._add_phrase(term, phrase)
            if self._fold_accents and _unaccented(phrase) != phrase:
                self._add_phrase(term, _unaccented(phrase))

        # cue kinds: neg_before, neg_after, hypothetical, pseudo, scope_end, other_before,
        # other_after
        self._cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._cue_kinds: dict[int, str] = {}
        for kind, key in (("neg_before", "negation_before"), ("neg_after", "negation_after"),
                          ("hypothetical", "hypothetical_before"), ("pseudo", "pseudo"),
                          ("scope_end", "scope_end"), ("other_before", "other_person_before"),
                          ("other_after", "other_person_after"),
                          ("flag_hypothetical", "red_flag_hypothetical_before"),
                          ("historical", "historical"), ("resolved", "resolved"),
                          ("focus_before", "location_focus_before"),
                          ("focus_after", "location_focus_after"), ("prescribed", "prescribed"),
                          ("other_condition", "other_condition")):
            docs = [self._normalize(nlp.make_doc(str(p))) for p in context.get(key) or []]
            match_id = nlp.vocab.strings.add(f"cue:{kind}")
            self._cue_kinds[match_id] = kind
            self._cue_matcher.add(f"cue:{kind}", [d for d in docs if len(d)])
        self._starters = {self._norm_word(w) for w in context.get("clause_starters") or []}
        self._first_person = {self._norm_word(w) for w in context.get("first_person") or []}
        self._hypothetical_flags = set(context.get("hypothetical_red_flags") or [])
        self._timeless_flags = set(context.get("timeless_red_flags") or [])
        self._weight_explained, self._weight_unexplained = (
            {self._norm_word(w) for w in context.get(key) or []}
            for key in ("explained_weight_loss", "unexplained_weight_loss"))
        self._ongoing = {self._norm_word(w) for w in context.get("ongoing") or []}
        self._interjections = {self._norm_word(w) for w in context.get("interjections") or []}
        self._subjects = {self._norm_word(w) for w in context.get("subjects") or []}
        self._question_starters = {self._norm_word(w).split()[0]
                                   for w in context.get("question_starters") or []}
        self._topic_pronouns = {self._norm_word(w) for w in context.get("topic_pronouns") or []}

    # ------------------------------------------------------------------ building
    def _norm_word(self, word: str) -> str:
        doc = self._normalize(self.nlp.make_doc(str(word)))
        return " ".join(t.text for t in doc)

    def _normalize(self, doc) -> Doc:
        """A token-aligned copy of `doc`: lower-case norms ("ca"+"n't" -> "can"+"not"), lemmas."""
        words = [(t.norm_ or t.lower_).lower().replace("’", "'") or t.lower_ for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        ndoc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        ndoc = self._lemmatizer(ndoc) if self._lemmatizer else ndoc
        if not self._fold_accents:
            return ndoc
        return Doc(self.nlp.vocab, words=[_unaccented(w) for w in words], spaces=spaces,
                   lemmas=[_unaccented(t.lemma_ or t.text) for t in ndoc])

    def _add_phrase(self, term: _Term, phrase: str) -> None:
        key = f"{term.group}|{term.label}|{term.value}|{term.mode}|{term.rank}"
        match_id = self.nlp.vocab.strings.add(key)
        self._terms[match_id] = term
        exact = phrase.startswith("=")
        phrase = phrase.lstrip("=").strip()
        if "<" in phrase:
            self._token_matcher.add(key, self._token_patterns(phrase, exact))
            return
        doc = self._normalize(self.nlp.make_doc(phrase))
        if len(doc):
            (self._exact_matcher if exact else self._lemma_matcher).add(key, [doc])

    def _token_patterns(self, phrase: str, exact: bool) -> list[list[dict]]:
        """Matcher patterns for a phrase with placeholders ("lost <weight>")."""
        alternatives = []
        for part in re.split(r"(<\w+>)", phrase):
            if not part.strip():
                continue
            if part in self._placeholders:
                alternatives.append(self._placeholders[part]["patterns"])
                continue
            if part.startswith("<"):
                raise ValueError(f"unknown placeholder {part} in {phrase!r}")
            doc = self._normalize(self.nlp.make_doc(part.strip()))
            if exact or not self._lemmatizer:
                literal = [{"LOWER": t.text} for t in doc]
            else:
                literal = [{"LEMMA": t.lemma_} for t in doc]
            alternatives.append([literal])
        return [sum(combo, []) for combo in itertools.product(*alternatives)]

    # ------------------------------------------------------------------ reading
    def __call__(self, doc) -> list[Mention]:
        if not len(doc):
            return []
        # Tokenise the lower-cased text again: the tokenizer splits "can't" but not "CAN'T".
        # Offsets stay valid because lower() keeps the length (else use the doc as it is).
        text = doc.text
        lowered = text.lower()
        source = self.nlp.make_doc(lowered) if len(lowered) == len(text) else doc
        ndoc = self._normalize(source)
        spans = self._resolve(ndoc)
        parts = [x for x in spans if x[2].label == "near"]
        if parts:
            spans = [x for x in spans if x[2].label != "near"]
            near = self._near(ndoc, spans, parts)
            # a topic word inside the sign's own words is no denial ("peeing more often
            # than normal")
            spans = [x for x in spans if not (x[2].mode == "if_denied" and any(
                t.value == x[2].value and s <= x[0] and x[1] <= e for s, e, t in near))]
            spans = sorted(spans + near, key=lambda x: (x[0], x[1]))
        ctx = self._context(ndoc, spans)
        found = [m for m in (self._judge(s, e, term, ctx) for s, e, term in spans) if m]

        if any(m[2] == "treatment" and not m[4] for m in found):
            found = [m for m in found if m[2] != "treatment_none"]  # "physio, nothing else"
        if not any(m[2] == "pain_location" for m in found):
            found.extend(self._alone(ctx.words))

        result = []
        for s, e, label, value, negated, experiencer, reason in sorted(set(found)):
            start, end = source[s].idx, source[e - 1].idx + len(source[e - 1].text)
            result.append(Mention(label, value, start, end, text[start:end], negated,
                                  experiencer, reason))
        return result

    def _judge(self, s: int, e: int, term: _Term, ctx: _Context):
        """One mention as (start, end, label, value, negated, experiencer, reason), or None."""
        if (term.label == "pain_location" and ctx.clause[s] in ctx.skin_clauses
                and not self._extras["pain_words"].intersection(ctx.words[s:e])):
            return None  # "a rash on my back"; "back pain and a rash" stays
        treatment = term.label == "treatment"
        label, reason = term.label, ""
        if term.label == "treatment_none":
            negated = False
        elif treatment and ctx.asking[s]:
            negated = True  # asked about is not had: "is surgery an option?"
        elif treatment and ctx.topic[s]:
            negated = True  # "epidurals - do they help?" (never for red flags: "breast
            # cancer, does it matter?" still tells the flag)
        else:
            before = ("neg_before", "hypothetical") if treatment else ("neg_before",)
            # after-cues deny flags and places, never treatments ("physio was fine")
            after = () if treatment else ("neg_after",)
            if term.mode in ("if_denied", "absent", "near"):
                after += ("neg_after_weak",)  # "bladder fine", but not "a fall, normal x-ray"
            negated = (term.mode in ("absent", "near_denied") or bool(ctx.cue_before(s, before))
                       or bool(after and ctx.cue_after(e, after)))
        if term.mode == "if_denied" and not negated:
            return None  # "bladder" on its own says nothing
        if (treatment and term.value.endswith("medication")
                and ctx.cue_after(e, ("other_condition",))):
            return None  # "Ozempic for my sugar": taken, but not for the pain
        if term.label == "red_flag" and not negated and term.mode == "unsure":
            label, reason = "red_flag_unsure", "vague"  # "se me duermen las piernas": ask
        elif term.label == "red_flag" and not negated:
            reason = self._uncertainty(s, e, term.value, ctx)
            if reason == "resolved":
                negated, reason = True, ""  # "a fever last spring, fine since"
            elif reason:
                label = "red_flag_unsure"  # confirmed with the patient before it counts
            elif term.mode == "near":
                label, reason = "red_flag_unsure", "near"  # words near a sign: confirmed first
        if term.label == "pain_location" and not negated and (
                ctx.cue_before(s, ("focus_before",)) or ctx.cue_right_after(e, "focus_after")):
            reason = "focus"  # the place the patient is asking about: it wins over others
        value = term.value
        if value == "otc_medication" and not negated and (
                ctx.cue_before(s, ("prescribed",)) or ctx.cue_after(e, ("prescribed",))
                or (e < len(ctx.words) and ctx.words[e][:1].isdigit()
                    and named_at_prescription_strength(ctx.words[s:e], ctx.words[e]))):
            value = "prescription_medication"  # "the naproxen the GP prescribed", "Motrin 800s"
        limit, stop = self._window["other_person"], self._first_person
        other = (ctx.cue_before(s, ("other_before",), limit, stop)
                 or ctx.cue_after(e, ("other_after",), limit, stop))
        return s, e, label, value, negated, "other" if other else "patient", reason

    def _uncertainty(self, s: int, e: int, flag: str, ctx: _Context) -> str:
        """Why a red flag the patient did not deny may still not be present now (ConText's
        hypothetical, question and historical), "resolved" for a past episode that is over,
        or "" when it is simply present."""
        kinds = ("flag_hypothetical", "hypothetical") if flag in self._hypothetical_flags \
            else ("flag_hypothetical",)
        if ctx.cue_before(s, kinds):
            return "hypothetical"  # "what if my legs give way?", "scared of a tumour"
        if ctx.asking[s] and ctx.sentence_asks[s]:
            return "question"  # "is fever with back pain serious?"
        if flag == "weight_loss":
            phrases = ctx.sentence_phrases(s)
            if (self._weight_explained.intersection(phrases)
                    and not self._weight_unexplained.intersection(phrases)):
                return "resolved"  # "lost 5kg but that's deliberate": explained, no red flag
        if flag == "trauma" and _earlier_year(ctx.sentence_words(s)):
            return "resolved"  # "a car crash in 2009, this pain is new": no recent injury
        if flag == "trauma" and (ctx.cue_before(s, ("historical",)) or ctx.cue_after(e, ("historical",))) \
                and ctx.cue_in_sentence(e, "resolved", 1):
            return "resolved"  # "my dog knocked me over last year but I was all right afterwards"
        if flag in self._timeless_flags:
            return ""  # a cancer history or an injury is in the past by nature
        past = ctx.cue_before(s, ("historical",)) or ctx.cue_after(e, ("historical",))
        over = ctx.cue_before(s, ("resolved",)) or ctx.cue_after(e, ("resolved",))
        # across the clauses of its sentence: a past time before it and an end after it
        # ("after my operation last year I leaked a bit with the catheter, but it all
        # settled"); an end alone is confirmed ("a temperature yesterday, but it's gone now")
        over = over or ctx.cue_in_sentence(e, "resolved", 1)
        past = past or (over and ctx.cue_in_sentence(s, "historical", -1))
        if past and over:
            return "resolved"
        if past and not over and self._ongoing.intersection(ctx.sentence_words(s)):
            return ""  # "years ago and it's happening again"
        return "historical" if past or over else ""

    def _resolve(self, ndoc) -> list[tuple[int, int, _Term]]:
        """Matches of every vocabulary file; within a file the longest wins (then the lower
        rank, then the earliest) and `ignore` phrases vanish with whatever they cover."""
        found = {(s, e, self._terms[m]) for matcher in
                 (self._lemma_matcher, self._exact_matcher, self._token_matcher)
                 for m, s, e in matcher(ndoc)}
        found |= self._medicines(ndoc)
        taken: dict[str, set[tuple[int, int]]] = {}  # spans kept, per file
        occupied: dict[str, set[int]] = {}  # their tokens
        ignored: set[tuple[str, int, int]] = set()
        kept = []
        for s, e, term in sorted(found, key=lambda x: (-(x[1] - x[0]), x[2].rank, x[0])):
            spans = taken.setdefault(term.group, set())
            tokens = occupied.setdefault(term.group, set())
            if (term.group, s, e) in ignored:
                continue
            if (s, e) not in spans and any(i in tokens for i in range(s, e)):
                continue  # overlaps a longer phrase of the same file
            if term.rank == 2 and (s, e) in spans:
                continue  # the dictionary's drug where the vocabulary said the same words
            spans.add((s, e))
            tokens.update(range(s, e))
            if term.mode == "ignore":
                ignored.add((term.group, s, e))
            else:
                kept.append((s, e, term))
        return sorted(kept, key=lambda x: (x[0], x[1]))

    def _near(self, ndoc, spans, parts) -> list[tuple[int, int, _Term]]:
        """Place words and sign words of one flag in one clause, in either order, where the
        vocabulary's own phrases found nothing of that flag: "the bit I sit on feels dead", "a
        horse threw me". Wording nobody wrote down, so it is confirmed with the patient (mode
        "near"). The mention runs from the first to the last of those words, so a sign's own
        negation stays inside it ("can't tell if I've finished peeing"); a negation between
        them that belongs to no sign word denies it ("my legs are not weak")."""
        ctx = self._context(ndoc, spans)
        # its own clauses: between punctuation and "but" (the negation scopes' clauses are
        # finer: "the legs just | don't work")
        piece = list(itertools.accumulate(int(w in _NEAR_BREAKS or "\n" in w) for w in ctx.words))
        said = {(piece[s], term.value) for s, e, term in spans
                if term.group == "red_flag" and term.mode in ("positive", "absent")}
        groups: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        for s, e, term in parts:
            groups.setdefault((piece[s], term.value), []).append((s, e, term.mode))
        found = []
        for (clause, flag), words in groups.items():
            places = [(a, b) for a, b, m in words if m == "place"]
            signs = [(a, b) for a, b, m in words if m == "sign"]
            if (clause, flag) in said or not any(b <= c or d <= a for a, b in places
                                                 for c, d in signs):
                continue  # one word that is both ("leak") is no pair
            s, e = min(w[0] for w in words), max(w[1] for w in words)
            inside = {i for a, b, _ in words for i in range(a, b)}
            denied = any(kind == "neg_before" and end <= e and not inside & set(range(i, end))
                         for i in range(s, e) for kind, end in ctx.after.get(i, ()))
            found.append((s, e, _Term("red_flag", "red_flag", flag, "near_denied" if denied else "near")))
        return found

    def _medicines(self, ndoc) -> set:
        """Drugs the dictionary knows (bot/nlu/drugs.py); the vocabulary wins overlaps and
        a drug given as a shot ("a Kenalog shot") is the injection, not a medicine."""
        words = [t.text for t in ndoc]
        found = set()
        for s, e, value in find_medicines(words):
            if e < len(ndoc) and {ndoc[e].text.rstrip("s"), ndoc[e].lemma_} & self._injected:
                continue
            found.add((s, e, _Term("treatment", "treatment", value, rank=2)))
        return found

    def _context(self, ndoc, spans) -> _Context:
        """Clause boundaries and cue positions of one message."""
        words = [t.text for t in ndoc]
        n = len(words)
        boundary = [w in _END_PUNCT or "\n" in w for w in words]
        before: dict[int, list[tuple[str, int]]] = {}
        after: dict[int, list[tuple[str, int]]] = {}
        cue_matches = [(self._cue_kinds[m], s, e) for m, s, e in self._cue_matcher(ndoc)]
        pseudo = [(s, e) for kind, s, e in cue_matches if kind == "pseudo"]
        for kind, s, e in cue_matches:
            if kind != "pseudo" and any(a <= s and e <= b and (a, b) != (s, e) for a, b in pseudo):
                continue  # "went away" inside "never went away" is no cue
            if kind == "scope_end":
                boundary[s:e] = [True] * (e - s)
                continue
            if kind == "neg_after" and e - s == 1:
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
        # clause number of each token; a boundary token closes its own clause
        clause = [0, *itertools.accumulate(int(b) for b in boundary[:-1])]
        skin = {clause[i] for i, w in enumerate(words) if w in self._extras["skin"]}
        covered = {i for s, e, _ in spans for i in range(s, e)}
        return _Context(words, boundary, clause, covered, before, after,
                        self._questions(words, clause), self._question_topics(words, clause, covered),
                        _sentences_asking(words), skin, self._window, self._list_words)

    def _questions(self, words, clause) -> list[bool]:
        """Per token: is it inside a question (a clause ending in "?", or a sentence that
        starts with a question word)? Treatments there are asked about, not tried."""
        asked = {clause[i] for i, w in enumerate(words) if w == "?"}
        flags, in_question, sentence_start = [], False, True
        for i, w in enumerate(words):
            if sentence_start and any(c.isalnum() for c in w):
                in_question, sentence_start = w in self._question_starters, False
            flags.append(in_question or clause[i] in asked)
            if w in ("?", ".", "!") or "\n" in w:
                sentence_start = True
        return flags

    def _question_topics(self, words, clause, covered) -> list[bool]:
        """Per token: is it in a bare topic that a question then asks about ("medial branch
        blocks, how do they work?", "epidurals - do they help?")? A clause of nothing but
        mentions and list words, in a sentence whose "?" clause points back at it ("they",
        "it"). "I had 3 epidurals, do they work?" reports them: that clause says more."""
        sentence, sentences = 0, []
        for w in words:
            sentences.append(sentence)
            if w in ("?", ".", "!") or "\n" in w:
                sentence += 1
        asked = {clause[i] for i, w in enumerate(words) if w == "?"}
        pointing = {sentences[i] for i, w in enumerate(words)
                    if clause[i] in asked and w in self._topic_pronouns}
        said = {clause[i] for i, w in enumerate(words)
                if i not in covered and any(c.isalnum() for c in w)
                and w not in self._list_words and w not in self._separators}
        return [sentences[i] in pointing and clause[i] not in said and clause[i] not in asked
                for i in range(len(words))]

    def _alone(self, words) -> list[tuple]:
        """A message that is only "back" (plus punctuation) names the lower back."""
        content = [i for i, w in enumerate(words) if any(c.isalnum() for c in w)]
        if len(content) == 1 and words[content[0]] in self._extras["alone"]:
            i = content[0]
            return [(i, i + 1, "pain_location", "lower_back", False, "patient", "")]
        return []


def _unaccented(text: str) -> str:
    """"caí" -> "cai", "ñ" -> "n": how patients often type on a phone."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _earlier_year(words) -> bool:
    """A calendar year before this one among `words` ("in 2009")."""
    this_year = datetime.date.today().year
    return any(w.isdigit() and len(w) == 4 and 1940 <= int(w) < this_year for w in words)


def _sentences_asking(words) -> list[bool]:
    """Per token: does its sentence carry a "?" ("Can't feel my legs." is no question)."""
    flags, current = [], []
    for w in words:
        current.append(w)
        if w in ("?", ".", "!") or "\n" in w:
            flags.extend([w == "?"] * len(current))
            current = []
    flags.extend([False] * len(current))
    return flags


@dataclass
class _Context:
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

    def _sentence(self, i: int) -> list[str]:
        start, end = i, i
        while start > 0 and self.words[start - 1] not in (".", "?", "!"):
            start -= 1
        while end < len(self.words) and self.words[end] not in (".", "?", "!"):
            end += 1
        return self.words[start:end]

    def sentence_words(self, i: int) -> set:
        """The words of token i's sentence."""
        return set(self._sentence(i))

    def sentence_phrases(self, i: int) -> set:
        """Every run of one to three words in token i's sentence (for sentence-wide cues)."""
        words = self._sentence(i)
        return {" ".join(words[j:j + n]) for n in (1, 2, 3) for j in range(len(words) - n + 1)}

    def cue_in_sentence(self, i: int, kind: str, step: int) -> bool:
        """A cue of `kind` from token i to the end (step 1) or the start (step -1) of its
        sentence, across clauses ("a fever with the flu in March, but I am quite well now")."""
        i = i if step > 0 else i - 1
        while 0 <= i < len(self.words) and self.words[i] not in (".", "?", "!"):
            if any(k == kind for k, _ in self.after.get(i, ())):
                return True
            i += step
        return False

    def cue_right_after(self, end: int, kind: str) -> bool:
        """A cue of `kind` straight after a mention ("upper back really"), nothing between."""
        return any(k == kind for k, _ in self.after.get(end, ()))

    def cue_before(self, start, kinds, limit=None, stop=()):
        return self._walk(start - 1, -1, kinds, self.before, limit or self.window["before"], stop)

    def cue_after(self, end, kinds, limit=None, stop=()):
        return self._walk(end, 1, kinds, self.after, limit or self.window["after"], stop)

    def _walk(self, i, step, kinds, cues, limit, stop):
        """Walk from token i in direction `step` inside the clause; the first cue of one of
        `kinds` wins. Other mentions and list words ("fever, chills or sweats") are skipped
        for free; other words and other cues cost one each, up to `limit`."""
        words, boundary, count = self.words, self.boundary, 0
        stop_at = i + step * _MAX_WALK  # long lists are free, but not endless
        past_comma = False  # walking back across a comma
        while 0 <= i < len(words) and i != stop_at:
            if i in self.covered:  # another mention: part of a list; its words are its own
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
            hit = next((kind for kind, _ in here if kind in kinds), None)
            if hit and (step > 0 or not boundary[i]):  # "fever? no" starts at the "?"
                return hit
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
