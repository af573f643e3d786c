"""Durations counted from a child's birth, from the patient's age then and now, or in a pregnancy.

Part of the duration parser (bot/nlu/duration.py): "since my daughter was born, she's four
now", "since I was 20 and I'm 45 now", "34 weeks pregnant, it started around week 31"."""
from __future__ import annotations

import re

from bot.nlu.duration_units import _DIGITS, _UNIT_WEEKS, _WORDNUM, YEAR, _number, _unit_of

_BIRTH_RE = re.compile(  # "since my daughter was born. She's four now", "since my 2nd pregnancy, she's 6",
    # "it started right after my son was born and he just turned 3"
    r"\b(?:(?:ever\s+)?since|(?:started|began|begun)\s+(?:(?:right|just|soon|shortly)\s+)?(?:when|after))"
    r"\s+(?:(?:i\s+had\s+|having\s+)?(?:my|our|the)\s+(?:[\w'’]+\s+){0,2}?(?:baby|son|daughter|child|kid|boy|girl"
    r"|twins|little\s+one|pregnancy|birth|grandson|granddaughter|grandchild|grandbaby|grandkid|niece|nephew"
    r"|youngest|eldest|oldest|first|second|third|last|first\s?born)s?(?:\s+(?:was|were)\s+born|\s+arrived|\s+came\s+along)?"
    r"|i\s+was\s+pregnant(?:\s+with\s+(?:my|our|the)\s+[\w'’]+)?)\b"
    # "since my grandson was born my back's been bad, he turned 2 in May"
    r"(?:[\s,;:-]+[\w'’]+){0,7}?[\s,.;:!-]*(?:and\s+)?"
    r"(?:she|he|they|who)\s*(?:'s|’s|'re|’re|is|are|(?:just\s+)?turned|will\s+be|'ll\s+be)"
    r"\s+(?:now\s+)?(?:nearly\s+|almost\s+|just\s+)?(?P<age>%s)(?:\s+(?P<unit>years?|months?|weeks?)(?:\s+old)?)?" % (_DIGITS + "|" + _WORDNUM),
    re.I)
_SINCE_AGE_RE = re.compile(  # "since I was 20 and I'm 45 now" -> 25 years
    r"\b(?:ever\s+)?since\s+(?:i\s+was\s+|i\s+turned\s+|my\s+)"
    r"(?:(?:about|around|maybe|roughly|nearly|almost|only|just|like)\s+)?(?P<then>\d{1,2}|%s)(?:st|nd|rd|th)?\b"
    r"(?:\s+(?:years?\s+old|yo|birthday))?"
    r"[^.?!]{0,40}?\b(?:i'?m|i\s+am|i'?ll\s+be|i\s+turned)\s+(?:now\s+)?(?:(?:about|nearly|almost|just)\s+)?(?P<now>\d{1,3}|%s)\b"
    % (_WORDNUM, _WORDNUM), re.I)


# "I'm 34 weeks pregnant and the pain started around week 31": the weeks between
_PREGNANCY_RE = re.compile(
    r"\b(?P<now>\d{1,2})\s*(?:weeks?|wks?)\s+(?:pregnant|along)\b[^.?!]{0,80}?\b(?:started|began|start"
    r"|since|from|came\s+on)\s+(?:at\s+|around\s+|about\s+|in\s+|from\s+)*(?:week|wk)\s*(?P<then>\d{1,2})\b", re.I)


def _births(text: str):
    """A duration counted from a child's birth and the child's stated age, or within a
    pregnancy from the week it started."""
    found = []
    for m in _PREGNANCY_RE.finditer(text):
        now, then = int(m.group("now")), int(m.group("then"))
        if 0 < then <= now <= 42:
            found.append((m.start(), m.end(), float(now - then), False, 0))
    for m in _BIRTH_RE.finditer(text):
        parsed = _number(m.group("age"))
        if parsed is None:
            continue
        unit = _unit_of(m.group("unit") or "years") or "year"
        found.append((m.start(), m.end(), parsed[0] * _UNIT_WEEKS[unit], False, 0))
    for m in _SINCE_AGE_RE.finditer(text):
        then, now = _number(m.group("then")), _number(m.group("now"))
        if then and now and now[0] > then[0]:
            found.append((m.start(), m.end(), (now[0] - then[0]) * YEAR, False, 0))
    return found
