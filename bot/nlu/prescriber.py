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
        verb = self._back_to(words, start, self.verb_reach, self.gives)
        return verb is not None and self._back_to(words, verb, self.prescriber_reach, self.prescribers) is not None

    def _back_to(self, words: Sequence[str], start: int, reach: int, targets: FrozenSet[str]) -> int | None:
        """The nearest of `targets` up to `reach` words before token `start`, in its sentence
        and with no stop word between, or None."""
        for i in range(start - 1, max(-1, start - 1 - reach), -1):
            if words[i] in _SENTENCE_END or words[i] in self.stops:
                return None
            if words[i] in targets:
                return i
        return None
