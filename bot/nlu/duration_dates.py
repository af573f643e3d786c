"""Starting points in a patient's words, counted up to today.

"Since March", "last Tuesday", "since Christmas", "since I was a teenager", vague spans
("for years"), and the day the patient says it is now ("it's Tuesday now"). Part of the duration parser (bot/nlu/duration.py).
The weeks since each date are counted in duration_calendar.py.
"""
from __future__ import annotations

import datetime
import re

from bot.nlu.duration_calendar import (
    _LONG_AGO_WEEKS,
    _SEASONS,
    _WEEKDAYS,
    _point_weeks,
    _recent,
    _weeks_since,
)
from bot.nlu.duration_units import _MISSPELT_DAYS, _UNIT_WEEKS, _WORDNUM, DAY, MONTH, WEEK, YEAR, _number
from bot.nlu.holidays import holiday_pattern

_MONTH_RE = (r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?"
             r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DAY_NAMES = _WEEKDAYS + sorted(_MISSPELT_DAYS, key=len, reverse=True)  # "since wensday"

_HOLIDAY_RE = holiday_pattern()  # vocab/holidays.yml

# Points that cannot be anything but a time, so they may follow a few words after the cue
# ("since my car accident in 2019", "I hurt my back yesterday").
_SAFE_POINT = (
    r"(?P<ybefore>(?:the\s+)?(?:day|night)\s+before\s+(?:yesterday|last))"
    r"|(?P<yesterday>yesterday|yday|y'day|yesterdy|yesteday|yesturday|yestarday)"
    r"|(?P<today>this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|today)"
    r"|(?P<lastnight>last\s+night)"
    r"|(?:the\s+|last\s+|previous\s+)?(?P<weekend>weekend)"
    r"|(?:the\s+|last\s+|previous\s+|past\s+)(?P<lastunit>week|wk|month|mth|year|yr|fortnight)\b"
    # "since she moved into assisted living on May 1st": a month and its day after "on"
    r"|on\s+(?P<omonth>%s)\s+(?P<omday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    r"|(?:last\s+|on\s+)?(?P<weekday>%s|mon|tues?|weds?|thu|thurs?|fri)\b"
    r"|(?:the\s+(?P<hweek>week|weekend|day)\s+(?:before|after)\s+)?(?P<holiday>%s)"
    r"(?:'s|’s)?(?:\s+(?:day|eve|long\s+weekend|weekend|holidays?))?"
    r"(?:'s|’s)?(?:\s+(?:day|eve|long\s+weekend|weekend|holidays?))?(?:\s+(?P<hbl>before\s+last))?"
    r"|(?:(?P<mlast>last)|in|(?P<mpart>early|late|mid|the\s+(?:start|beginning|end|middle)\s+of))[\s-]+"
    r"(?P<month>%s)\b(?:\s+(?:of\s+)?(?P<myear>(?:19|20)\d\d))?"
    r"|the\s+(?P<dday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+(?:(?P<ddmonth>%s)|(?P<ddlast>last|this)\s+month))?"
    r"(?!\s+(?:time|one|floor|day|week|month|year|child|baby|pregnancy|go|attempt|session|injection))"
    r"|(?P<year>(?:19|20)\d\d)(?![\d,.]*\s*(?:mg|lbs?|kg|pounds|steps|calories|people))"
    # "the start of the month", "the end of last year", "late last year", "early this month"
    r"|(?P<rpart>start|beginning|end|middle)\s+of\s+(?P<rwhich>the|this|last)\s+(?P<runit>week|month|year)\b"
    r"|(?P<rpart2>early|late|mid)[\s-]+(?P<rwhich2>last|this)\s+(?P<runit2>week|month|year)\b"
    # "the first week of November", "the last week in August"
    r"|(?P<wnth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+(?:of|in)\s+(?P<wmonth>%s)\b"
    # "early spring", "the end of summer", "last fall" ("the fall" alone may be an injury)
    r"|(?:(?P<spart>early|late|mid|(?:the\s+)?(?:start|beginning|end|middle)\s+of)[\s-]+(?:the\s+|last\s+)?"
    r"|last\s+|this\s+past\s+)(?P<season3>spring|summer|winter|autumn|fall)\b"
    # "since my grandson's christening in the spring" ("in the fall" may be an injury)
    r"|in\s+the\s+(?P<season2>spring|summer|winter|autumn)\b"
    % (_MONTH_RE, "|".join(_DAY_NAMES), _HOLIDAY_RE, _MONTH_RE, _MONTH_RE, _MONTH_RE)
)
# Points that only count straight after the cue ("since March", "since the summer",
# "since I was a teenager"): "may", "march" and "fall" are also ordinary words.
_DIRECT_POINT = (
    # "since January 2nd", "since Jan 2, 2024"
    r"(?P<dmonth>%s)\b(?:\s+(?P<dmday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:.])"
    r"(?!\s*(?:-|to|or)?\s*\d*\s*(?:days?|weeks?|wks?|months?|years?|yrs?)\b))?"
    r"(?:,?\s+(?:of\s+)?(?P<dyear>(?:19|20)\d\d))?"
    r"|(?:the\s+|last\s+|this\s+past\s+)?(?P<season>summer|spring|winter|autumn)"
    # "since sat", "since sun": straight after the cue only ("since I sat down" is no day)
    r"|(?P<wkday>sat|sun)\b(?!\s*(?:down|up|on|in|at|for|around|there|still|with|back|and\s+\w+ed))"
    r"|(?P<life>i\s+was\s+(?:a\s+|in\s+(?:my\s+)?|at\s+)?(?:teenager|teen|teens|kid|child|boy|girl"
    r"|baby|young|little|small|student|school|high\s+school|college|university|uni|twenties|20s"
    r"|thirties|30s)|(?:my\s+)?(?:childhood|teens|school\s+days|twenties)"
    r"|my\s+(?:thirties|forties|fifties|sixties|[2-6]0'?s)\b"  # "since my 40s"
    r"|uni\b|university|college"  # "since uni": years, not "since school started"
    r"|(?:high|secondary|middle|grammar)\s+school)"  # "on n off since high school"
    % _MONTH_RE
)
# "sinse monday", "scince march": the cue misspelt as patients type it
# (the patient's own plan is no onset: "I start a new job on monday", "we're starting on Friday")
_OWN_PLAN = r"(?<!\bi\s)(?<!\bwe\s)(?<!\bi'm\s)(?<!\bim\s)(?<!\bi\sam\s)(?<!\bwe're\s)(?<!\bi'll\s)(?<!\bto\s)"
_ONSET = (r"ever\s+s(?:ince|inse|cince)|s(?:ince|inse|cince)|started|" + _OWN_PLAN + r"(?:starts|start|starting)|began|begun|"
          + _OWN_PLAN + r"(?:begin|beginning)"
          r"|came\s+on|kicked\s+in|happened|onset|woke\s+up\s+(?:with|w/?)")  # "woke up w it this morning"
# how an injury is told, which dates the pain's start ("knocked off my bike yesterday",
# "got rear-ended at the lights last week"). Measured: adding "tackled", "thrown", "came off",
# "a fall", "a crash" dated injuries the patient tied to no pain ("a horse threw me on Sunday")
_INJURY = (r"hurt|injured|pulled|strained|tweaked|twisted|fell|slipped|did\s+it|put\s+it\s+out"
           r"|knocked|rear[\s-]?ended|shunted"
           # the back itself giving way: "my back went out around spring break"
           r"|went\s+out|gave\s+out|seized\s+up|locked\s+up|flared\s+up|(?:back|neck)\s+went")
# the back giving way dates the pain with the day straight after it ("seized up Monday morning")
_GAVE_WAY = r"(?:went|gave)\s+out|seized\s+up|locked\s+up|flared\s+up"
_DIRECT_RE = re.compile(
    r"\b(?P<cue>%s|%s)\s+(?:(?:on|in|at|around|about|during|the|back\s+in|like)\s+)?(?:%s|%s)(?![\w])"
    % (_ONSET, _GAVE_WAY, _SAFE_POINT, _DIRECT_POINT), re.I)
_FILLER_RE = re.compile(
    r"\b(?P<cue>%s|%s)\b(?:,?\s+[\w'’]+){1,7}?,?\s+(?:(?:on|in|at|around|about|during|back\s+in)\s+)?"
    r"(?:%s)(?![\w])" % (_ONSET, _INJURY, _SAFE_POINT), re.I)
# An injury told in more words ("came off my mountain bike on Sunday", "took a tumble getting
# out of the bath on Monday") dates the pain only when the message then ties the pain to it
# ("ever since", "been sore since", "still hurts", "now very painful"): `_PAIN_AFTER`.
_INJURY_TOLD_RE = re.compile(
    r"\b(?P<cue>fell|came\s+off|come\s+off|took\s+a\s+tumble|tumbled|slid|slipped|tripped|landed"
    r"|copped|crashed|knocked|thrown|rear[\s-]?ended|hurt|injured|(?:had|took)\s+a\s+(?:bad\s+|nasty\s+)?fall"
    r"|(?:car|road|bike|work)\s+(?:accident|crash)|speared|tackled)\b(?:,?\s+[\w'’&]+){0,12}?,?\s+"
    r"(?:(?:on|at|around|about|during)\s+)?(?:%s)(?![\w])" % _SAFE_POINT, re.I)
# A sentence that opens on when, then tells of the back or the pain ("Last night I bent down
# and my back went", "On Sunday I was gardening and my neck locked") or is followed by "since
# then": that time is the pain's start.
_LEADING_POINT_RE = re.compile(
    r"(?:^|[.!?\n]\s*)\W*(?:(?:so|well|ok|okay|hi|hello|um+|basically)\W+)?(?P<cue>(?:on|at|over|around|during)?)\s*"
    r"(?:%s)\b,?(?![^.!?\n]{0,60}\b(?:said|says|told|asked|reckons|thinks)\b)"
    r"(?=[^.!?\n]{0,100}?(?:\b(?:my|the)\s+(?:[\w-]+\s+)?(?:back|neck|spine)"
    r"(?:'s|’s)?\s+(?:just\s+)?(?:went|gave|locked|seized|popped|twinged|started|began|has|is|was|been|hurt|felt|goes)\b"
    r"|\b(?:pain|hurt|hurts|hurting|sore|ache|aching|agony|sciatica)\b"
    r"|[.!?]\s*(?:and\s+)?(?:since\s+then|ever\s+since|from\s+then)\b))" % _SAFE_POINT, re.I)
_PAIN_AFTER = re.compile(r"\b(?:ever\s+since|since|still|now|that'?s\s+when\s+it\s+(?:all\s+)?(?:started|began)"
                         # "a car crash yesterday, ... my neck is so stiff and sore today"
                         r"|sore|stiff|hurts?|hurting|aching|painful|agony)\b", re.I)
_ALONE_RE = re.compile(  # the whole message is a starting point: "yesterday", "since Monday"
    r"^\W*(?:(?:since|about|around|roughly|maybe|probably|from|it\s+started|started)\s+)?"
    r"(?:%s|%s)\W*$" % (_SAFE_POINT, _DIRECT_POINT), re.I)
_NIGHTS_AGO_RE = re.compile(
    r"\b(?:(?P<n>\d{1,2}|%s|a\s+couple\s+of|a\s+few)\s+(?P<u>nights?|weekends?|summers|winters|springs|autumns|falls)\s+(?:ago|back)"
    r"|(?P<wbl>the\s+weekend\s+before\s+last))\b" % _WORDNUM, re.I)
_PAST_SPAN_RE = re.compile(  # "for the past week", "over the last month", "this past fortnight"
    r"\b(?:for|over|in|during|within|only|just|this)\s+(?:the\s+)?(?:last|past|previous)\s+"
    r"(?P<unit>week|month|year|fortnight)\b", re.I)
_VAGUE_RE = re.compile(
    r"(?:\bon\s+and\s+off\s+)?\b(?:for|over)\s+(?:the\s+)?(?P<unit>days|weeks|months|years|decades)\b"
    r"|\b(?:years\s+and\s+years|decades)\b|\b(?P<unit2>days|weeks|months|years)\s+now\b"
    r"|\bfor\s+ages\b|\b(?:a\s+)?(?:very\s+)?long\s+time\b|\b(?:had\s+(?:it|this)|been|since|like)\s+forever\b"
    r"|\ball\s+my\s+(?:adult\s+)?life\b|\bmy\s+whole\s+(?:adult\s+)?life\b"
    # "been years", and a message that starts by answering in a plural unit ("years, a good
    # while really"; "years. at least 10" is read as a number of them first)
    r"|\b(?:been|it'?s\s+been)\s+(?P<unit3>months|years|decades)\b"
    # ("hmm years i guess", "oh years probably": a hedge after it)
    # ... or opens a clause of its own after one that hedges ("a good long while, years really")
    r"|(?:^|(?<=[,;:]))\W*(?:(?:hmm+|um+|uh+|oh|well|idk|honestly|gosh)\W+)?(?P<unit4>months|years|decades)\b"
    r"(?=\s*(?:[.,!;:]|$|now\b|really\b|honestly\b|i\s+(?:guess|think|reckon|believe)\b|i'?d\s+say\b"
    r"|probably\b|maybe\b|at\s+least\b|or\s+so\b|easily\b|lol\b))"
    r"|\bas\s+long\s+as\s+i\s+can\s+remember\b", re.I)
# "it hurts when I stand for a long time" describes a trigger, not how long it has lasted
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:stand|sit|walk|driv|drive|lie|lying|bend|lift|stay|wait|work|sleep|run|carry|hold"
    r"|garden|kneel|stood|sat)\w*(?:(?:\s+[\w']+){0,2}|\s+(?:on|in|at)\s+(?:the|a|my)\s+\w+)\s+(?:for\s+)?$",
    re.I)  # "sitting on the toilet for ages"
# an answer that names the unit first, then how many: "years. at least 10", "months, maybe 5"
_UNIT_THEN_NUMBER_RE = re.compile(
    r"^\W*(?P<unit>weeks|months|years)\W+(?:(?:at\s+least|about|around|maybe|probably|like|over"
    r"|more\s+than|roughly|nearly|almost|prob|i\s+think)\s+)*(?P<n>\d{1,2}|%s)\b"
    r"(?!\s*(?:[.,/]\d|%%|mg|kg|lbs?|am|pm|x\b|times|days?|weeks?|months?|years?))" % _WORDNUM, re.I)
_VAGUE_PLURAL = {"days": 3 * DAY, "weeks": 3 * WEEK, "months": 3 * MONTH, "years": 3 * YEAR,
                 "decades": 20 * YEAR}


def _starting_points(text: str, today: datetime.date):
    """(start, end, weeks, vague, priority) for starting points and vague spans."""
    found, future = [], []
    for regex in (_DIRECT_RE, _FILLER_RE, _INJURY_TOLD_RE, _LEADING_POINT_RE):
        for m in regex.finditer(text):
            if regex is _INJURY_TOLD_RE and not _PAIN_AFTER.search(text, m.end()):
                continue
            if _TO_COME_BEFORE.search(text, 0, _first_point_start(m)):
                continue  # "PT starting next Tuesday" is still to come
            weeks, vague = _point_weeks(m, today)
            if weeks is None:
                future.append(m.span())  # "since December 2026" in November 2026
                continue
            since = m.group("cue").lower().endswith("since")
            start = m.start() if since else _first_point_start(m)
            found.append((start, m.end(), weeks, vague, 0))
    m = _ALONE_RE.match(text)
    if m:
        weeks, vague = _point_weeks(m, today)
        if weeks is not None:
            stripped = text.strip()
            lead = len(text) - len(text.lstrip())
            found.append((lead, lead + len(stripped.rstrip(".!?,;: ")), weeks, vague, 0))
    for m in _NIGHTS_AGO_RE.finditer(text):  # "three nights ago", "two weekends ago", "two summers ago"
        n = 2 if m.group("wbl") else (_number(m.group("n")) or (None,))[0]
        if not n:
            continue
        unit = (m.group("u") or "").lower()
        if m.group("wbl") or unit.startswith("weekend"):
            weeks = ((today.weekday() - 5) % 7 or 7) * DAY + (n - 1) * WEEK
        elif unit[:-1] in _SEASONS or unit == "falls":  # "two summers ago": the latest is one
            season = "autumn" if unit == "falls" else unit[:-1]
            weeks = _weeks_since(_recent(today, *_SEASONS[season]), today) + (n - 1) * YEAR
        else:
            weeks = n * DAY
        found.append((m.start(), m.end(), weeks, False, 0))
    for m in _PAST_SPAN_RE.finditer(text):
        found.append((m.start(), m.end(), _UNIT_WEEKS[m.group("unit").lower()], False, 0))
    said = _UNIT_THEN_NUMBER_RE.match(text)
    if said and _number(said.group("n")):
        value = _number(said.group("n"))[0]
        found.append((said.start("unit"), said.end(), value * _UNIT_WEEKS[said.group("unit").lower()[:-1]], False, 0))
    for m in _VAGUE_RE.finditer(text):
        if said and m.start() < said.end():
            continue
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4") or "").lower()
        phrase = m.group(0).lower()
        if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        if unit:
            weeks = _VAGUE_PLURAL[unit]
        elif "decades" in phrase:
            weeks = _VAGUE_PLURAL["decades"]
        elif "life" in phrase or "remember" in phrase:
            weeks = _LONG_AGO_WEEKS
        elif "years and years" in phrase:
            weeks = 5 * YEAR
        else:  # "for ages", "a long time", "forever"
            weeks = YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return [f for f in found if all(f[1] <= a or f[0] >= b for a, b in future)]


_TO_COME_BEFORE = re.compile(r"\b(?:next|coming|until|till|by)\s+$", re.I)
_POINT_LEAD_RE = re.compile(r"(?:\b(?:last|previous|past|the|early|late|mid)\s+)+$", re.I)


def _first_point_start(m: re.Match) -> int:
    """Where the starting point itself begins (the cue verb is not part of the span)."""
    starts = [m.start(name) for name, value in m.groupdict().items()
              if value is not None and name != "cue"]
    start = min(starts) if starts else m.start()
    # keep a leading "last"/"the"/"in" that belongs to the point ("last March", "the weekend")
    lead = _POINT_LEAD_RE.search(m.string, m.end("cue"), start)
    return lead.start() if lead else start
