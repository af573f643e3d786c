"""The PEG scale (Krebs et al. 2009): pain, enjoyment of life, general activity, each 0-10."""
from __future__ import annotations

import re
from typing import Dict, Iterable, Optional

from bot.booking import name_beside_contact, parse_contact, parse_name

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


def booking_details_instead(text: str) -> Dict[str, str]:
    """The booking details a patient gives where a 0-10 answer was asked ("Dale Whitcomb",
    "555 014 2233"): they took the question for the booking's. A name counts when written as
    one (two or more words, each capitalised), never a score or a word such as "Not Sure"."""
    if parse_score(text) is not None:
        return {}
    contact = parse_contact(text)
    if contact:
        name = name_beside_contact(text)
        return {"booking_contact": contact, **({"booking_name": name} if name else {})}
    words = (text or "").split()
    name = parse_name(text)
    if name and len(words) >= 2 and all(w[:1].isupper() for w in words):
        return {"booking_name": name}
    return {}
