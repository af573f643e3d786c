"""Dates a patient names, counted back from today: the latest March, Tuesday or summer, in weeks.

Part of the duration parsers (bot/nlu/duration_dates.py reads the starting points, the Spanish
parser bot/nlu/duration_es.py and the anchors use the same arithmetic)."""
from __future__ import annotations

import datetime
import re

from bot.nlu.duration_units import _MISSPELT_DAYS, _UNIT_WEEKS, DAY, WEEK, YEAR
from bot.nlu.holidays import latest_holiday

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_SEASONS = {"winter": (1, 15), "spring": (4, 15), "summer": (7, 15), "autumn": (10, 15)}
_MONTH_PART_DAY = {"start": 2, "beginning": 2, "early": 5, "mid": 15, "middle": 15, "late": 25,
                   "end": 28}
_LONG_AGO_WEEKS = 10 * YEAR  # "since I was a teenager", "as long as I can remember"


def _weeks_since(start: datetime.date, today: datetime.date) -> float | None:
    days = (today - start).days
    return days / 7 if days >= 0 else None


def _recent(today: datetime.date, month: int, day: int) -> datetime.date:
    """The latest date with this month and day that is not after today."""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return datetime.date(year, month, day)


def _month_number(name: str) -> int:
    """1-12 for a month's name or its short form ("Feb", "sept")."""
    return next(i + 1 for i, month in enumerate(_MONTHS) if month.startswith(name[:3].lower()))


def _weekday(name: str) -> int:
    """0-6 for a weekday's name or its short form ("wed", "thurs")."""
    name = _MISSPELT_DAYS.get(name.lower(), name.lower())  # "wensday"
    return next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(name[:3]))


def _latest_date(today: datetime.date, day: int, month: int | None) -> datetime.date:
    """The latest date not after today with this day of the month (and month, if given)."""
    year, mon = today.year, month or today.month
    for _ in range(14):
        try:
            candidate = datetime.date(year, mon, day)
        except ValueError:
            candidate = None
        if candidate and candidate <= today:
            return candidate
        if month:
            year -= 1
        else:
            mon, year = (mon - 1, year) if mon > 1 else (12, year - 1)
    return today


def _month_start(today: datetime.date, month: int, year: int | None, last: bool) -> datetime.date:
    """Mid-month of the named month: "since March" is the latest March, "last March" the
    latest March before this month. The current month counts from its 1st."""
    if year is None:
        if month == today.month and not last:
            year = today.year
        else:
            year = today.year if month < today.month else today.year - 1
    if (year, month) == (today.year, today.month):
        return datetime.date(year, month, 1)
    return datetime.date(year, month, 15)


def _year_start(today: datetime.date, year: int) -> datetime.date:
    """A bare year is counted from mid-year (this year: halfway between 1 January and today)."""
    if year == today.year:
        jan1 = datetime.date(year, 1, 1)
        return jan1 + (today - jan1) / 2
    return datetime.date(year, 7, 1)


_NTH_DAY = {"first": 4, "1st": 4, "second": 11, "2nd": 11, "third": 18, "3rd": 18, "fourth": 25,
            "4th": 25, "last": 25}
_PART_OFFSET = {"start": -30, "beginning": -30, "early": -30, "mid": 0, "middle": 0, "late": 30, "end": 30}


def _season_part(season: str, part: str, today: datetime.date) -> datetime.date:
    """The latest early, mid or late part of a season not after today ("the end of summer")."""
    month, day = _SEASONS["autumn" if season.lower() == "fall" else season.lower()]
    word = next((w for w in _PART_OFFSET if w in part.lower()), "mid")
    when = datetime.date(2001, month, day) + datetime.timedelta(days=_PART_OFFSET[word])
    return _recent(today, when.month, when.day)


def _period_part(g: dict, today: datetime.date) -> datetime.date | None:
    """The start, middle or end of this or last week, month or year ("the end of last month",
    "late last year"); None when it is still to come."""
    unit = (g.get("runit") or g["runit2"]).lower()
    last = (g.get("rwhich") or g.get("rwhich2") or "").lower() == "last"
    part = (g.get("rpart") or g.get("rpart2")).lower()
    share = {"start": 0.0, "beginning": 0.0, "early": 0.15, "mid": 0.5, "middle": 0.5, "late": 0.85,
             "end": 0.97}[part]
    if unit == "week":
        first = today - datetime.timedelta(days=today.weekday() + (7 if last else 0))
        length = 7
    elif unit == "month":
        first = today.replace(day=1)
        if last:
            first = (first - datetime.timedelta(days=1)).replace(day=1)
        length = ((first + datetime.timedelta(days=32)).replace(day=1) - first).days
    else:
        first = datetime.date(today.year - (1 if last else 0), 1, 1)
        length = 365
    when = first + datetime.timedelta(days=int(share * (length - 1)))
    return when if when <= today else None


def _point_weeks(m: re.Match, today: datetime.date) -> tuple[float | None, bool]:
    """Weeks from a matched starting point to today, and whether it is vague."""
    g = m.groupdict()
    if g.get("ybefore"):
        return 2 * DAY, False
    if g.get("yesterday") or g.get("lastnight"):
        return DAY, False
    if g.get("today"):
        return 0.0, False
    if g.get("weekend"):
        # the latest Saturday before today (on a Sunday: yesterday)
        back = (today.weekday() - 5) % 7 or 7
        return back * DAY, False
    if g.get("lastunit"):
        unit = g["lastunit"].lower()  # "last wk", "last yr"
        return _UNIT_WEEKS[{"wk": "week", "mth": "month", "yr": "year"}.get(unit, unit)], False
    if g.get("weekday") or g.get("wkday"):
        back = (today.weekday() - _weekday(g.get("weekday") or g["wkday"])) % 7 or 7
        return back * DAY, False
    if g.get("holiday"):
        day = latest_holiday(g["holiday"], today)
        weeks = _weeks_since(day, today) if day else None
        if weeks is not None and g.get("hweek"):  # "the week before Thanksgiving"
            before = re.search(r"\bbefore\b", m.group(0), re.I) is not None
            step = {"week": WEEK, "day": DAY}.get(g["hweek"].lower(), 0.5 * DAY)
            weeks += (1 if before else -1) * step
        if weeks is not None and g.get("hbl"):  # "the Christmas before last": a year earlier
            weeks += YEAR
        return weeks, False
    month_name = g.get("month") or g.get("dmonth") or g.get("omonth")
    mday = g.get("dmday") or g.get("omday")
    if mday and not g.get("dyear"):  # "since January 2nd", "... on May 1st": that day
        return _weeks_since(_latest_date(today, int(mday), _month_number(month_name)), today), False
    if month_name:
        month = _month_number(month_name)
        year = g.get("myear") or g.get("dyear")
        start = _month_start(today, month, int(year) if year else None, bool(g.get("mlast")))
        part = next((d for w, d in _MONTH_PART_DAY.items() if w in (g.get("mpart") or "").lower()), None)
        if part:  # "early June", "the end of January"
            start = min(start.replace(day=part), today)
        return _weeks_since(start, today), False
    if g.get("dday"):  # "the 3rd", "the 8th of Feb": the latest such date
        day, month_name = int(g["dday"]), g.get("ddmonth")
        month = _month_number(month_name) if month_name else None
        if g.get("ddlast"):  # "the 20th of last month"
            first = today.replace(day=1)
            if g["ddlast"].lower() == "last":
                first = (first - datetime.timedelta(days=1)).replace(day=1)
            try:
                return _weeks_since(first.replace(day=day), today), False
            except ValueError:
                return None, False
        return _weeks_since(_latest_date(today, day, month), today), False
    if g.get("year"):
        return _weeks_since(_year_start(today, int(g["year"])), today), False
    if g.get("runit") or g.get("runit2"):
        when = _period_part(g, today)
        return (_weeks_since(when, today) if when else None), False
    if g.get("wnth"):
        nth = g["wnth"].lower()
        day = _NTH_DAY[nth]
        return _weeks_since(_latest_date(today, day, _month_number(g["wmonth"])), today), False
    if g.get("season3"):
        return _weeks_since(_season_part(g["season3"], g.get("spart") or "", today), today), False
    if g.get("season") or g.get("season2"):
        season = (g.get("season") or g["season2"]).lower()
        return _weeks_since(_recent(today, *_SEASONS[season]), today), False
    if g.get("life"):
        return _LONG_AGO_WEEKS, True
    return None, False
