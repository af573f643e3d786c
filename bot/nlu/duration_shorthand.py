"""Durations in other wordings: shorthand ("3/52"), the unit first ("years, 5 maybe"), repeats.

Part of the duration parser (bot/nlu/duration.py): "3/7" days, "years, 5 maybe", "a month and
a half", "months and months", "for ages"."""
from __future__ import annotations

import re

from bot.nlu.duration_dates import _ACTIVITY_BEFORE, _VAGUE_PLURAL
from bot.nlu.duration_units import _UNIT_RE, _UNIT_WEEKS, _WORDNUM, DAY, MONTH, WEEK, YEAR, _number, _unit_of

# Clinical shorthand: "3/7" days, "3/52" weeks, "6/12" months ("x 2/12" is "for 2 months");
# never a date ("on 3/12", "the 6/12") or a score ("7/10").
_SHORTHAND_RE = re.compile(
    r"(?:(?<![\w/.])|(?<=(?<![\w])[x×]))(?<!\bon\s)(?<!\bthe\s)(?P<n>\d{1,2}(?:\.\d)?)\s*/\s*(?P<den>7|52|12)(?![\w/.]|\.\d)", re.I)
_SHORTHAND_UNIT = {"7": DAY, "52": WEEK, "12": MONTH}
# The unit first, the number after: "years, 5 maybe", "a good few weeks, maybe 5 or 6"
_UNIT_THEN_NUMBER_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\b\s*[,:–-]?\s+(?:(?:maybe|about|around|roughly|probably"
    r"|perhaps|like|approx\.?|approximately|i\s+think|i'?d\s+say|say|so)\s+)?"
    r"(?P<qty>\d{1,2}|%s)(?:\s*(?:-|–|to|or)\s*(?P<qty2>\d{1,2}|%s))?"
    r"(?![\w/%%]|\.\d|\s*[-–/%%]|\s*(?:%s|kg|kilos?|lbs?|pounds|stone|times|of|am|pm|x)\b)"
    % (_WORDNUM, _WORDNUM, _UNIT_RE), re.I)
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:%s))\s*$" % _WORDNUM, re.I)
# A unit and a half with no number: "wk and a half", "month and a half"
_UNIT_AND_HALF_RE = re.compile(r"(?<![\w.])(?<!\d\s)(?P<unit>%s)\s+and\s+a\s+half\b" % _UNIT_RE, re.I)
# Repeated plural units and "ages": long and vague ("months and months", "it's been ages",
# "for a great many years", a bare "years" as the answer, "since before covid")
_REPEATED_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\s+(?:and|&)\s+(?P=unit)\b"
    r"|\b(?:been|for|it's|its|it\s+is)\s+ages\b|\bdonkey'?s\s+years\b|^\W*(?:ages|years|yrs)\W*$"
    r"|\bfor\s+(?:a\s+)?(?:great\s+|good\s+|so\s+|very\s+)?many\s+years\b(?!\s+(?:ago|back|before))"
    r"|\bsince\s+before\s+(?:covid|the\s+pandemic|lockdown)\b", re.I)


def _shorthand(text: str):
    """(start, end, weeks, vague, priority) for the wordings above."""
    found = []
    for m in _SHORTHAND_RE.finditer(text):
        value = float(m.group("n"))
        if 0 < value <= {"7": 7, "52": 52, "12": 12}[m.group("den")]:
            found.append((m.start(), m.end(), value * _SHORTHAND_UNIT[m.group("den")], False, 0))
    for m in _UNIT_THEN_NUMBER_RE.finditer(text):
        unit = _unit_of(m.group("unit"))
        value = _number(m.group("qty"))
        if unit is None or value is None or value[0] <= 0 or _COUNTED_BEFORE.search(text[:m.start()]):
            continue  # "for 11 years, two fusions": the years are counted already
        weeks = value[0]
        if m.group("qty2"):
            second = _number(m.group("qty2"))
            if second is None or second[0] < weeks:
                continue
            weeks = (weeks + second[0]) / 2
        found.append((m.start(), m.end(), weeks * _UNIT_WEEKS[unit], False, 0))
    for m in _UNIT_AND_HALF_RE.finditer(text):
        unit = _unit_of(m.group("unit"))
        if unit and len(m.group("unit")) > 1:
            found.append((m.start(), m.end(), 1.5 * _UNIT_WEEKS[unit], False, 0))
    for m in _REPEATED_RE.finditer(text):
        if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "after sitting on the toilet for ages": how long it sat, not the pain
        unit = (m.group("unit") or "").lower()
        weeks = 2 * _VAGUE_PLURAL[unit] if unit else YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return found
