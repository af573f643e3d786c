"""Holidays and school terms a patient counts the pain from, from vocab/holidays.yml.

"since Easter", "around spring break", "since the kids went back to school": their names as
one regular expression, and the latest date of each not after today. Part of the duration
parser (bot/nlu/duration_dates.py)."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml
from dateutil.easter import easter

HOLIDAYS_VOCAB = Path(__file__).parent / "vocab" / "holidays.yml"
_WAYS = ("date", "weekday", "easter", "dates")


def _name_pattern(name: str) -> str:
    """A name as typed: an apostrophe before "s" optional, any spacing between words."""
    return re.sub(r"'\?s|'s", "(?:'|’)?s", name).replace(" ", r"[\s-]+")


@lru_cache(maxsize=1)
def holidays() -> dict[str, dict]:
    data = yaml.safe_load(HOLIDAYS_VOCAB.read_text(encoding="utf-8")) or {}
    for key, day in data.items():
        names = day.get("names") if isinstance(day, dict) else None
        if not names or not all(isinstance(n, str) for n in names):
            raise ValueError(f"{HOLIDAYS_VOCAB.name}: {key} needs `names:`, a list of patterns")
        ways = [w for w in _WAYS if w in day]
        if len(ways) != 1 or set(day) - {"names", *_WAYS}:
            raise ValueError(f"{HOLIDAYS_VOCAB.name}: {key} needs exactly one of {_WAYS}")
        day["regex"] = re.compile(r"(?:%s)$" % "|".join(_name_pattern(n) for n in names), re.I)
        for year, when in (day.get("dates") or {}).items():
            datetime.date(int(year), *(int(x) for x in str(when).split("-")))  # raises if bad
    return data


def holiday_pattern() -> str:
    """Every name, longest first, for a regex group."""
    names = sorted((_name_pattern(n) for day in holidays().values() for n in day["names"]),
                   key=len, reverse=True)
    return "|".join(f"(?:{n})" for n in names)


def _on(day: dict, year: int) -> datetime.date | None:
    if "date" in day:
        return datetime.date(year, *day["date"])
    if "easter" in day:
        return easter(year) + datetime.timedelta(days=day["easter"])
    if "dates" in day:
        when = (day["dates"] or {}).get(year)
        return datetime.date(year, *(int(x) for x in str(when).split("-"))) if when else None
    month, weekday, n = day["weekday"]
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_key(said: str) -> str | None:
    """Which day of vocab/holidays.yml the words `said` name."""
    said = " ".join(said.split())
    return next((key for key, day in holidays().items() if day["regex"].match(said)), None)


def latest_holiday(said: str, today: datetime.date) -> datetime.date | None:
    """The latest date of the day named by `said` not after today (None if unknown)."""
    key = holiday_key(said)
    if key is None:
        return None
    for year in (today.year, today.year - 1, today.year - 2):
        day = _on(holidays()[key], year)
        if day is not None and day <= today:
            return day
    return None


def nearest_holiday(said: str, today: datetime.date) -> datetime.date | None:
    """The date of the named day nearest today, this year's or next ("it's nearly Christmas")."""
    key = holiday_key(said)
    if key is None:
        return None
    days = [d for y in (today.year - 1, today.year, today.year + 1)
            if (d := _on(holidays()[key], y)) is not None]
    return min(days, key=lambda d: abs((d - today).days)) if days else None
