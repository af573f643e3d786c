"""The PEG scale (Krebs et al. 2009): pain, enjoyment of life, general activity, each 0-10."""
from __future__ import annotations

import re
from typing import Iterable, Optional

PEG_SLOTS = ("peg_pain", "peg_enjoyment", "peg_activity")

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
_NUMBER = re.compile(r"(?<![\d.-])(\d{1,2}(?:\.\d)?)(?:\s*(?:/|out of)\s*10)?(?![\d.])")
_SKIP = re.compile(r"\b(skip|pass|rather not|prefer not|no thanks|not now|don'?t want)\b", re.I)


def parse_score(text: str) -> Optional[float]:
    """A 0-10 answer from "7", "seven", "about a 6", "8/10"; None when there is none."""
    lowered = (text or "").lower()
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group(1))
        return value if 0 <= value <= 10 else None
    for word, value in _WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            return float(value)
    return None


def wants_to_skip(text: str) -> bool:
    return bool(_SKIP.search(text or ""))


def peg_score(answers: Iterable[Optional[float]]) -> Optional[float]:
    """The mean of the three answers, or None unless all three were given."""
    values = list(answers)
    if len(values) != 3 or any(v is None for v in values):
        return None
    return round(sum(values) / 3, 1)
