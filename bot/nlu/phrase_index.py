"""The clinical vocabularies as a phrase index: every phrase normalised into spaCy matchers.

Built once from the YAML files under `vocab/` (locations.yml, treatments.yml, red_flags.yml;
context.yml's placeholders, `same_as` words and patient forms), and read by
`bot/nlu/clinical.py`, which judges each match in its message:

1. The text is lower-cased and tokenised again, then normalised ("can't", "cannot", "cant" and
   "CAN'T": "can not") and lemmatised: "legs gave way" ~ "leg gives way". Phrases marked "=" match only as written.
2. Each vocabulary file resolves its own overlaps: the longest phrase wins ("slipped on the
   ice" is trauma, and heat_ice separately ignores it). `ignore` phrases win and vanish.
   Medicines the drug dictionary knows and misspelt long treatment names join the matches.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from bot.nlu.anchored_matcher import AnchoredMatcher
from bot.nlu.clinical_vocab import Term, load_vocabulary
from bot.nlu.drugs import NOT_FOR_PAIN, english_words, find_medicines, spanish_words
from bot.nlu.spacing import unbroken
from bot.nlu.spelling import by_ear, deletion_index, misspelt_words
from bot.nlu.spelling import unaccented as _unaccented

_INJECTED = {"shot", "injection", "jab", "infusion", "block", "epidural", "injected"}
_MIN_BY_EAR = 5  # "coxis"
_MIN_MISSPELT = 7  # shorter words are too near too many others ("fisio" is listed as written)


class PhraseIndex:
    """The vocabularies' phrases in matchers, and a message's matches with overlaps resolved."""

    def __init__(self, nlp, vocab_dir: Path | None = None):
        self.nlp = nlp
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        pairs, self._extras, context = load_vocabulary(vocab_dir)
        self.context = context  # context.yml: the cues the reader takes from it
        # A language written with or without its accents ("caí", "cai"): words are compared
        # without them, lemmas looked up with them; each phrase also stands without them.
        self._fold_accents = bool(context.get("fold_accents"))
        self._injected = set(context.get("injected") or _INJECTED)
        self._placeholders = context.get("placeholders") or {}
        self._same_as = {str(k): str(v) for k, v in (context.get("same_as") or {}).items()}
        # A relative's words read as the patient's ("se le duermen" as "se me duermen"): the
        # mention's owner is decided by the other-person cues, not by the pronoun
        self._patient_forms = {tuple(said.lower().split()): meant.lower().split()
                               for said, meant in (context.get("patient_forms") or {}).items()}

        attr = "LEMMA" if self._lemmatizer else "LOWER"
        self._lemma_matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self._exact_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._token_matcher = AnchoredMatcher(nlp.vocab)  # its matches in any order: a set below
        self._terms: dict[int, Term] = {}
        self._one_word: dict[str, Term] = {}  # long one-word treatments, for misspellings
        for term, phrase in pairs:
            self._add_phrase(term, phrase)
            if (context.get("read_misspellings") and term.label == "treatment"
                    and phrase.isalpha() and len(phrase) >= _MIN_MISSPELT):
                self._one_word[phrase.lower()] = term
            if self._fold_accents and _unaccented(phrase) != phrase:
                self._add_phrase(term, _unaccented(phrase))
        self._spelling = deletion_index(self._one_word)
        # a one-word place typed by ear ("la rabadiya", "el coxix"): Spanish, where words are
        # read without their accents
        self._by_ear = {by_ear(p): t for t, p in pairs if self._fold_accents and t.label == "pain_location" and t.rank == 0
                        and p.isalpha() and len(p) >= _MIN_BY_EAR}

    def _norm_word(self, word: str) -> str:
        doc = self._normalize(self.nlp.make_doc(str(word)))
        return " ".join(t.text for t in doc)

    def _normalize(self, doc) -> Doc:
        """A token-aligned copy of `doc`: lower-case norms ("ca"+"n't" -> "can"+"not"), lemmas."""
        words = [(t.norm_ or t.lower_).lower().replace("’", "'") or t.lower_ for t in doc]
        words = [self._same_as.get(w, w) for w in words]
        for said, meant in self._patient_forms.items():
            for i in range(len(words) - len(said) + 1):
                if tuple(words[i:i + len(said)]) == said:
                    words[i:i + len(said)] = meant
        spaces = [bool(t.whitespace_) for t in doc]
        ndoc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        ndoc = self._lemmatizer(ndoc) if self._lemmatizer else ndoc
        if not self._fold_accents:
            return ndoc
        return Doc(self.nlp.vocab, words=[_unaccented(w) for w in words], spaces=spaces,
                   lemmas=[_unaccented(t.lemma_ or t.text) for t in ndoc])

    def _add_phrase(self, term: Term, phrase: str) -> None:
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

    def _resolve(self, ndoc, capitals: list[bool] | None = None) -> list[tuple[int, int, Term]]:
        """Matches of every vocabulary file; within a file the longest wins (then the lower
        rank, then the earliest) and `ignore` phrases vanish with whatever they cover."""
        whole, at = unbroken(self.nlp.vocab, ndoc)  # "lower\nback": read without the break
        found = {(s, e, self._terms[m]) for matcher in
                 (self._lemma_matcher, self._exact_matcher, self._token_matcher)
                 for m, s, e in matcher(whole)}
        found |= self._medicines(whole, capitals and [capitals[i] for i in at])
        found |= {(s, e, self._one_word[name]) for s, e, name in misspelt_words(
            [t.text for t in whole], found, self._spelling, _MIN_MISSPELT,
            spanish_words() if self._fold_accents else english_words())}
        found |= self._heard(whole, found)
        found = {(at[s], at[e - 1] + 1, term) for s, e, term in found}
        taken: dict[str, set[tuple[int, int]]] = {}  # spans kept, per file
        occupied: dict[str, set[int]] = {}  # their tokens
        ignored, ignored_at = set(), set()  # (file, start, end) of ignored phrases; (file, token)
        kept = []
        for s, e, term in sorted(found, key=lambda x: (x[2].group == "location" and x[2].rank == 1,  # "mid back"
                                                       -(x[1] - x[0]), x[2].rank, x[0])):  # beats "back is sore"
            spans = taken.setdefault(term.group, set())
            tokens = occupied.setdefault(term.group, set())
            if (term.group, s, e) in ignored:
                continue
            if (s, e) not in spans and any(i in tokens and (term.mode != "ignore" or (term.group, i) not in ignored_at)
                                           for i in range(s, e)):  # ignored ones overlap: "he tomado de todo y nada"
                continue  # overlaps a longer phrase of the same file
            if term.rank == 2 and (s, e) in spans:
                continue  # the dictionary's drug where the vocabulary said the same words
            spans.add((s, e))
            tokens.update(range(s, e))
            if term.mode == "ignore":
                ignored.add((term.group, s, e)), ignored_at.update((term.group, i) for i in range(s, e))
            else:
                kept.append((s, e, term))
        return sorted(kept, key=lambda x: (x[0], x[1]))

    def _heard(self, ndoc, found) -> set:
        """Places typed by ear (`by_ear`): a word no phrase matched, no ordinary Spanish word."""
        if not self._by_ear:
            return set()
        taken = {i for s, e, _ in found for i in range(s, e)}
        heard = {(i, i + 1, self._by_ear.get(by_ear(t.text))) for i, t in enumerate(ndoc)
                 if i not in taken and t.text.isalpha() and len(t.text) >= _MIN_BY_EAR}
        return {h for h in heard if h[2] is not None and ndoc[h[0]].text not in spanish_words()}

    def _medicines(self, ndoc, capitals: list[bool] | None = None) -> set:
        """Drugs the dictionary knows (bot/nlu/drugs.py); the vocabulary wins overlaps, a drug
        given as a shot ("a Kenalog shot") is the injection, not a medicine, and a shot of one
        never for pain ("the Wegovy jab") is no treatment at all."""
        shots = [{t.text.rstrip("s"), t.lemma_} & self._injected for t in ndoc] + [set()]
        return {(s, e + 1, Term("treatment", "", "", "ignore", rank=-1)) if value == NOT_FOR_PAIN
                else (s, e, Term("treatment", "treatment", value, rank=2))
                for s, e, value in find_medicines([t.text for t in ndoc], True, capitals, self._told)
                if (value == NOT_FOR_PAIN) == bool(shots[e])}
