"""The day the patient says it is now, which dates in the message count back from.

"it's Tuesday now", "today's the 24th", "it's nearly Christmas". Part of the duration parser
(bot/nlu/duration.py), beside the starting points of duration_dates.py."""
from __future__ import annotations

import datetime
import re

from bot.nlu.duration_calendar import _MONTH_PART_DAY, _WEEKDAYS, _latest_date, _month_number, _weekday
from bot.nlu.duration_dates import _HOLIDAY_RE, _MONTH_RE
from bot.nlu.duration_units import _UNIT_RE
from bot.nlu.holidays import nearest_holiday

# "Now" as the patient states it: "it's Tuesday now", "today's the 24th", "and now it's the end
# of March", "we're in early October now", "now is end of September". Dates in the message count back from that day.
_ANCHOR_RE = re.compile(
    r"(?:[,;.]?\s*(?:and|but|so|now)\s+|[,;.]\s*)?(?:now\s+)?"
    r"(?:(?P<lead>today'?s|today\s+is|today\s+being|now\s+is|now'?s)|it'?s|its|it\s+is|we'?re|we\s+are)\s+"
    r"(?:now\s+)?(?:in\s+)?(?:the\s+)?"
    r"(?:(?P<weekday>%s|mon|tues?|weds?|thu|thurs?|fri|sat|sun)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<amonth>%s)\s+(?P<aday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    r"|(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s+of\s+(?P<dmonth>%s))?"
    r"|(?:(?P<part>start|beginning|end|middle|early|late|mid)(?:\s+of)?[\s-]+)?(?P<month>%s))\b"
    r"(?P<now>\s+(?:now|again|today|already))?" % ("|".join(_WEEKDAYS), _MONTH_RE, _MONTH_RE, _MONTH_RE), re.I)


# ... or near a holiday: "it's nearly Christmas now", "here we are a week out from Halloween"
_HOLIDAY_ANCHOR_RE = re.compile(
    r"(?:[,;.]?\s*(?:and|but|so|now)\s+|[,;.]\s*)?(?:now\s+)?(?:here\s+we\s+are|it'?s|its|it\s+is|we'?re|we\s+are)"
    r"\s+(?:now\s+)?(?:(?P<near>nearly|almost|just\s+about|coming\s+up\s+to|close\s+to)"
    r"|(?P<off>a|one|two|three|\d)\s+(?P<unit>days?|weeks?)\s+(?P<dir>out\s+from|away\s+from|from|before"
    r"|until|till|to|after|past))\s+(?P<holiday>%s)\b(?:\s+now)?" % _HOLIDAY_RE, re.I)
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}
# ... or on one: "it's Valentine's Day today", "today is Labor Day", "and it's Easter now"
_HOLIDAY_TODAY_RE = re.compile(
    r"(?:[,;.]?\s*(?:and|but|so|now)\s+|[,;.]\s*)?(?:now\s+)?"
    r"(?:(?P<lead>today'?s|today\s+is|today\s+being)|it'?s|its|it\s+is|we'?re\s+(?:at|on)|we\s+are\s+(?:at|on))"
    r"\s+(?:now\s+)?(?:the\s+)?(?P<holiday>%s)\b(?:\s+(?:weekend|eve))?(?P<now>\s+(?:today|now|already))?"
    % _HOLIDAY_RE, re.I)
# "Since Saturday's game. It's Tuesday.": a weekday said as a sentence of its own is today
_SENTENCE_END = re.compile(r"\s*(?:[.!?]|lol\b|haha\b|$)", re.I)


def _holiday_anchor(text: str, today: datetime.date) -> tuple[datetime.date, int, int] | None:
    """The day near a holiday the patient says it is: its nearest occurrence to today
    (Christmas in early December is this month's, Halloween then was October's)."""
    m = _HOLIDAY_ANCHOR_RE.search(text)
    if not m:
        m = next((t for t in _HOLIDAY_TODAY_RE.finditer(text) if t.group("lead") or t.group("now")), None)
        if not m:
            return None
    day = nearest_holiday(m.group("holiday"), today)
    if day is None:
        return None
    if m.groupdict().get("off"):
        count = _COUNT.get(m.group("off").lower()) or int(m.group("off"))
        days = count * (7 if m.group("unit").lower().startswith("week") else 1)
        day += datetime.timedelta(days=days if m.group("dir").lower() in ("after", "past") else -days)
    return day, m.start(), m.end()


def _anchor(text: str, today: datetime.date) -> tuple[datetime.date, int, int] | None:
    """The day the patient says it is now, and the span that says it."""
    for m in _ANCHOR_RE.finditer(text):
        if not (m.group("lead") or m.group("now") or re.search(r"\bnow\b", m.group(0), re.I)
                or (m.group("weekday") and _SENTENCE_END.match(text, m.end()))):
            continue  # "it's March" alone may be when it started
        if m.group("day") and re.match(r"\s*(?:(?:-|to|or)\s*\d+\s*)?(?:%s)\b" % _UNIT_RE,
                                        text[m.end("day"):], re.I):
            continue  # "now it is 3 weeks" is a length, not the 3rd
        if m.group("weekday"):
            back = (today.weekday() - _weekday(m.group("weekday"))) % 7
            return today - datetime.timedelta(days=back), m.start(), m.end()
        month_name = m.group("dmonth") or m.group("month") or m.group("amonth")
        month = _month_number(month_name) if month_name else None
        if m.group("aday"):  # "today is February 20th"
            return _latest_date(today, int(m.group("aday")), month), m.start(), m.end()
        if m.group("day"):
            return _latest_date(today, int(m.group("day")), month), m.start(), m.end()
        part = _MONTH_PART_DAY.get((m.group("part") or "mid").lower(), 15)
        day = _latest_date(today, part, month)
        return day, m.start(), m.end()
    return _holiday_anchor(text, today)
