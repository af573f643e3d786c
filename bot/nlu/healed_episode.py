"""A treatment of a past episode the patient recovered from is no treatment of the pain now."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence, Tuple

_SENTENCE_END = frozenset({".", "?", "!", "\n"})

Phrases = Tuple[Tuple[str, ...], ...]


def _has(words: Sequence[str], phrases: Phrases, lo: int = 0, hi: int | None = None) -> int | None:
    """Where the first of `phrases` ends in words[lo:hi], or None."""
    hi = len(words) if hi is None else hi
    for i in range(lo, hi):
        for p in phrases:
            if tuple(words[i:i + len(p)]) == p and i + len(p) <= hi:
                return i + len(p)
    return None


@dataclass(frozen=True)
class HealedEpisode:
    """Context vocabulary `healed_episode`: `recovered` ("me operaron y quedé bien", "it came back
    fully after physio"), what after it says the recovery was only relief (`only_for`: "for a
    while"), and `pain_returned` ("volvió el dolor"): the old treatment was of this pain."""
    recovered: Phrases
    only_for: Phrases
    pain_returned: Phrases

    @classmethod
    def from_context(cls, context: Mapping, norm: Callable[[str], str]) -> "HealedEpisode":
        spec = context.get("healed_episode") or {}
        return cls(*(tuple(tuple(norm(p).split()) for p in spec.get(key) or [])
                     for key in ("recovered", "only_for", "pain_returned")))

    def past(self, words: Sequence[str], start: int, end: int) -> bool:
        """Whether the treatment at words[start:end] stands in a sentence that says the patient
        recovered from what it treated, and the message never says the pain came back."""
        if not self.recovered:
            return False
        lo = next((i + 1 for i in range(start - 1, -1, -1) if words[i] in _SENTENCE_END), 0)
        hi = next((i for i in range(end, len(words)) if words[i] in _SENTENCE_END), len(words))
        told = _has(words, self.recovered, lo, hi)
        if told is None or _has(words, self.only_for, told, min(hi, told + 3)) is not None:
            return False  # "tomé ibuprofeno y quedé bien un rato": relief, still tried
        return _has(words, self.pain_returned) is None
