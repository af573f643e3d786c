"""spaCy's token Matcher, with each pattern tried only on messages holding the words it needs.

spaCy's `Matcher` tries every pattern at every token, and each `{"IN": [...]}` word list is a
Python call per token: with the hundreds of patterns the vocabularies' placeholders expand to
(422 English, 1,020 Spanish) that was most of a message's vocabulary matching (0.35-0.65 ms).
A pattern cannot match unless each of its tokens that must be there ("se", a leg word,
"lost"; not "?" or "*" ones, not numbers or regular expressions) finds its word in the
message. `AnchoredMatcher` files the patterns by those word tests, in a Matcher per set of
tests, and runs only the Matchers whose tests all pass on the message. A pattern's matches
never depend on the other patterns (spaCy matches each on its own; no callbacks or greedy
filters are used here), so the matches are the same ones, possibly in another order: callers
must not depend on the order.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, FrozenSet, List, Tuple

from spacy.matcher import Matcher

_WORD_ATTRS = ("LEMMA", "LOWER")
WordTest = Tuple[str, FrozenSet[str]]  # (attribute, words): one token's value is one of them


def word_tests(pattern: List[dict]) -> List[WordTest]:
    """The word tests every match of `pattern` passes: one per attribute of each token that
    must be there, when it is a plain word or word list."""
    tests = []
    for token in pattern:
        if token.get("OP", "+") != "+":  # "?", "*", "!" tokens may be absent
            continue
        for attr in _WORD_ATTRS:
            value = token.get(attr)
            if isinstance(value, str):
                tests.append((attr, frozenset([value])))
            elif isinstance(value, dict) and set(value) == {"IN"} and value["IN"] and all(
                    isinstance(v, str) for v in value["IN"]):
                tests.append((attr, frozenset(value["IN"])))
    return tests


def _bits(mask: int) -> List[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


class AnchoredMatcher:
    """`Matcher(vocab)`'s `add`, `len` and call (match_id, start, end), patterns filed by
    their word tests."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._whole = Matcher(vocab)  # every pattern: spaCy's checks and errors as they were
        self._patterns: List[Tuple[str, List[dict]]] = []
        self._index = None

    def __len__(self) -> int:
        return len(self._whole)

    def add(self, key: str, patterns: List[List[dict]]) -> None:
        self._whole.add(key, patterns)
        self._patterns += [(key, pattern) for pattern in patterns]
        self._index = None

    def _build(self):
        """A bit per distinct word test; a Matcher per set of tests (its bits, a mask), looked
        up by its least shared test; which tests each word (hash) passes."""
        test_bit: Dict[WordTest, int] = {}
        by_mask: Dict[int, Matcher] = {}
        for key, pattern in self._patterns:
            mask = 0
            for test in word_tests(pattern):
                mask |= 1 << test_bit.setdefault(test, len(test_bit))
            by_mask.setdefault(mask, Matcher(self.vocab)).add(key, [pattern])
        untested = by_mask.pop(0, None)
        shared = Counter(bit for mask in by_mask for bit in _bits(mask))
        by_bit: Dict[int, List[Tuple[int, Matcher]]] = {}
        for mask, matcher in by_mask.items():
            rarest = min(_bits(mask), key=lambda bit: (shared[bit], bit))
            by_bit.setdefault(rarest, []).append((mask, matcher))
        passes: Dict[str, Dict[int, int]] = {attr: {} for attr in _WORD_ATTRS}
        for (attr, words), bit in test_bit.items():
            for word in words:
                word_hash = self.vocab.strings.add(word)
                passes[attr][word_hash] = passes[attr].get(word_hash, 0) | 1 << bit
        return untested, by_bit, passes["LEMMA"], passes["LOWER"]

    def __call__(self, doc) -> List[Tuple[int, int, int]]:
        if len(self._whole) == 0 or not doc.has_annotation("LEMMA"):
            return self._whole(doc)  # spaCy's own answer (or error) for an unlemmatised Doc
        if self._index is None:
            self._index = self._build()
        untested, by_bit, lemma_passes, lower_passes = self._index
        passed = 0
        for token in doc:
            passed |= lemma_passes.get(token.lemma, 0) | lower_passes.get(token.lower, 0)
        found = untested(doc) if untested is not None else []
        rest = passed
        while rest:
            lowest = rest & -rest
            rest ^= lowest
            for mask, matcher in by_bit.get(lowest.bit_length() - 1, ()):
                if mask & passed == mask:
                    found.extend(matcher(doc))
        return found
