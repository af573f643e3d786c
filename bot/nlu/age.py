"""A patient's stated age ("I'm 15", "16 years old", "14 yo here"): numbers, not guesses.

The intent classifier cannot compare numbers: it reads "I'm 52" as a teenager as easily as
"I'm 15". The service is for adults (clinic.yml `min_patient_age`), so the stated age decides.
"""
from __future__ import annotations

import re
from typing import Optional

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_AGE = [
    re.compile(rf"\b(?:i'?m|i am|im|aged?|age is|just turned)\s+(?:only\s+|just\s+)?{_NUMBER}\b"
               r"(?!\s*(?:weeks?|months?|days?|hours?|minutes?|kg|kilos?|lbs?|pounds?|stone|"
               r"cm|feet|ft|inches?|%|percent|times?|out of|/))", re.I),
    # "15 years old", "12-year-old", "14 yo" (never "6 years" alone: that is a duration)
    re.compile(rf"\b{_NUMBER}\s*(?:[- ]?(?:years?|yrs?)[- ]?old|y/?o)\b", re.I),
]


def stated_age(text: str) -> Optional[int]:
    """The age the writer gives for themselves, or None. An impossible one ("I'm 150 years
    old") is returned too: whatever it is, it is not a minor's."""
    for pattern in _AGE:
        match = pattern.search(text or "")
        if match:
            raw = match.group(1).lower()
            age = int(raw) if raw.isdigit() else _WORDS[raw]
            if age > 0:
                return age
    return None


# Any number, in digits (with separators, "1,000,000", "2^64") or as a word up to nineteen.
_ANY_NUMBER = re.compile(r"\d[\d,.^*]*|\b(?:%s)\b" % "|".join(_WORDS), re.I)
# A number counting a length of time, not an age: "for 5 years", "99999999 weeks".
_DURATION_NUMBER = re.compile(
    r"(?:\d[\d,.^*]*|\b(?:%s))\s*-?\s*(?:years?|yrs?|months?|weeks?|wks?|days?|decades?)\b"
    r"(?!\s*-?\s*old)" % "|".join(_WORDS), re.I)


def only_durations(text: str) -> bool:
    """True when the text has numbers and every one of them is a length of time: then the
    numbers say nothing about the writer's age ("for 5 years", "for 99999999 years", "years,
    5 maybe": a number next to "years old" or "aged" is an age, any other is a duration)."""
    from bot.nlu.duration import parse_durations

    numbers = [m.span() for m in _ANY_NUMBER.finditer(text or "")]
    spans = [m.span() for m in _DURATION_NUMBER.finditer(text or "")]
    spans += [(d.start, d.end) for d in parse_durations(text or "")]
    return bool(numbers) and all(any(s <= a and b <= e for s, e in spans) for a, b in numbers)
