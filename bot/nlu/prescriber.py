"""A medicine a doctor gave, told with words between ("the doctor at the home gives me the pills")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, FrozenSet, Mapping, Sequence

_SENTENCE_END = frozenset({".", "?", "!", ";"})


@dataclass(frozen=True)
class PrescriberGave:
    """Context vocabulary `prescriber_gave`: who prescribes, the verbs of giving, the words that
    end the link (the patient's own doing: "I bought", "then"), and how far each part reaches."""
    prescribers: FrozenSet[str]
    gives: FrozenSet[str]
    stops: FrozenSet[str]
    verb_reach: int
    prescriber_reach: int

    @classmethod
    def from_context(cls, context: Mapping, norm: Callable[[str], str]) -> "PrescriberGave":
        spec = context.get("prescriber_gave") or {}
        words = {key: frozenset(norm(w) for w in spec.get(key) or []) for key in ("prescribers", "gives", "stops")}
        return cls(words["prescribers"], words["gives"], words["stops"],
                   int(spec.get("verb_reach", 0)), int(spec.get("prescriber_reach", 0)))

    def gave(self, words: Sequence[str], start: int) -> bool:
        """Whether the medicine at token `start` is the object of a giving verb a prescriber
        says, in the same sentence: "the doctor at the home gives me the blue pills", "went to
        the doctor, him give mi some tablet", "el médico de la clínica me mandó unas pastillas"."""
        for i in range(start - 1, max(-1, start - 1 - self.verb_reach), -1):
            if words[i] in _SENTENCE_END or words[i] in self.stops:
                return False
            if words[i] in self.gives:
                return self._prescriber_before(words, i)
        return False

    def _prescriber_before(self, words: Sequence[str], verb: int) -> bool:
        for i in range(verb - 1, max(-1, verb - 1 - self.prescriber_reach), -1):
            if words[i] in _SENTENCE_END or words[i] in self.stops:
                return False
            if words[i] in self.prescribers:
                return True
        return False
