"""An "accident" told with soiling or wetting in its sentence is incontinence, not an injury.

"I had an accident at work, I pooped and didn't feel it coming": the accident is the bowel
sign. When a mention of trauma holds only an `accident_as_incontinence.words` word and its
`with` words ("had an accident at work"), and the same sentence tells the patient's own
bladder or bowel sign, not denied (even one only asked, "near" words), the bladder sign is
present and the injury is asked, never silently dropped ("a work accident and I've leaked
since" still asks about the fall). An accident of a kind ("car accident") is always an injury.
Pure: works on the mention tuples of bot/nlu/clinical.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, FrozenSet, List, Sequence

_ENDS = (".", "?", "!", "\n")


@dataclass(frozen=True)
class AccidentScope:
    """context.yml `accident_as_incontinence`, normalised."""
    words: FrozenSet[str] = frozenset()
    with_words: FrozenSet[str] = frozenset()

    @classmethod
    def from_context(cls, context: dict, norm: Callable[[str], str]) -> "AccidentScope":
        section = context.get("accident_as_incontinence") or {}
        if not isinstance(section, dict) or set(section) - {"words", "with"}:
            raise ValueError("context.yml: accident_as_incontinence: only words and with")
        return cls(*(frozenset(norm(str(w)) for w in section.get(k) or []) for k in ("words", "with")))

    def _bare_accident(self, words: Sequence[str]) -> bool:
        return bool(self.words.intersection(words)) and set(words) <= self.words | self.with_words

    def read(self, found: List[tuple], words: Sequence[str]) -> List[tuple]:
        """The mentions again, an accident told as soiling or wetting read as incontinence."""
        if not self.words:
            return found
        sentence, n = [], 0
        for w in words:
            sentence.append(n)
            n += w in _ENDS
        soiled = {sentence[m[0]] for m in found if m[3] == "bladder_bowel" and m[2].startswith("red_flag")
                  and not m[4] and m[5] == "patient" and m[2] != "red_flag_denied"}
        accidents = {sentence[m[0]] for m in found if m[3] == "trauma" and not m[4] and m[5] == "patient"
                     and self._bare_accident(words[m[0]:m[1]])}
        told = soiled & accidents
        if not told:
            return found
        out = []
        for m in found:
            if sentence[m[0]] in told and not m[4] and m[5] == "patient":
                if m[3] == "bladder_bowel" and m[2] == "red_flag_unsure":
                    m = (*m[:2], "red_flag", m[3], False, m[5], "")  # "i pooped and didn't feel it"
                elif m[3] == "trauma" and m[2] == "red_flag":
                    m = (*m[:2], "red_flag_unsure", m[3], False, m[5], "accident")
            out.append(m)
        return out
