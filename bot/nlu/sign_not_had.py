"""Sign words that tell no sign had: a conditional in its own words, a feared cause, a feared fall.

A nurse asks nothing of these ("si me caigo con este dolor ... pero no, no me he caído", "I'm
scared my back pain is cancer", "I'm afraid of falling"): the warning-sign screen still asks
about every sign by name. bot/nlu/clinical.py decides with them; the words are context.yml's
(`conditional_sign_start`, `feared_cause_before`, `cancer_owned_before`, `cancer_had_said`,
`feared_event_before`, `feared_event_flags`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class SignNotHad:
    """The context.yml words of the three kinds, normalised."""

    conditional_starts: frozenset = frozenset()
    causes: tuple = ()  # word sequences right before a cancer word: "is", "getting", "que sea"
    owned: frozenset = frozenset()  # between the two, words that tell it is had: "my", "the"
    cancer_had: tuple = ()  # in its sentence, words that tell it is had: "again", "is back"
    events: tuple = ()  # right before an injury word: "afraid of", "miedo a"
    event_flags: frozenset = frozenset()  # the signs that are events, feared before they happen

    @classmethod
    def from_context(cls, context: dict, norm_word: Callable[[str], str]) -> "SignNotHad":
        def seqs(key):
            return tuple(tuple(norm_word(p).split()) for p in context.get(key) or [])
        return cls(frozenset(norm_word(w) for w in context.get("conditional_sign_start") or []),
                   seqs("feared_cause_before"),
                   frozenset(norm_word(w) for w in context.get("cancer_owned_before") or []),
                   seqs("cancer_had_said"), seqs("feared_event_before"),
                   frozenset(context.get("feared_event_flags") or []))

    def conditional(self, words: list, s: int) -> bool:
        """Do the sign's own words start with "if" ("si me caigo"): an event only imagined?"""
        return s < len(words) and words[s] in self.conditional_starts

    def feared_cause(self, words: list, s: int, e: int) -> bool:
        """A cancer named as what the pain may be or become, in a fear or a possibility ("scared
        my back pain is cancer", "miedo de que sea algo malo como un tumor", "terrified of
        getting cancer"), its sentence never telling one had ("the cancer is back again")."""
        if not any(_ends_at(words, s, seq, self.owned) for seq in self.causes):
            return False
        start, end = s, e
        while start > 0 and words[start - 1] not in (".", "!", "?"):
            start -= 1
        while end < len(words) and words[end] not in (".", "!", "?"):
            end += 1
        sentence = words[start:end]
        return not any(tuple(sentence[i:i + len(seq)]) == seq for seq in self.cancer_had
                       for i in range(len(sentence)))

    def feared_event(self, flag: str, words: list, s: int) -> bool:
        """An injury word straight after a fear of it ("afraid of falling", "miedo a caerme")."""
        return flag in self.event_flags and any(_ends_at(words, s, seq, frozenset()) for seq in self.events)


def _ends_at(words: list, s: int, seq: tuple, owned: frozenset) -> bool:
    """Does `seq` end right before token s, with at most two words between ("is a cancer",
    "sea un tumor"), none of them `owned` ("is my cancer")?"""
    n = len(seq)
    return bool(n) and any(s - k - n >= 0 and tuple(words[s - k - n:s - k]) == seq
                           and not owned.intersection(words[s - k:s]) for k in (0, 1, 2))
