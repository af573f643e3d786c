"""One-off events a patient dates the pain by, in either language.

"desde el huracán María", "since Hurricane Harvey": their names and dates are in
vocab/dated_events.yml. The days of events told in words the core lists lack ("took a hard hit
in hockey thurs ... sore since") come from bot/nlu/duration_event_days.py with them."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.nlu.duration_event_days import event_days

DATED_EVENTS = Path(__file__).parent / "vocab" / "dated_events.yml"
_CUE = (r"\b(?:desde|dsd|since|ever\s+since|despu[eé]s\s+del?|a\s+ra[ií]z\s+del?|after|from"
        r"|(?:started|began|empez[oó]|comenz[oó])\s+(?:with|after|con|en|durante|in|during))"
        r"\s+(?:que\s+(?:pas[oó]|fue|vino)\s+)?(?:before\s+|antes\s+del?\s+)?(?:el\s+|la\s+|lo\s+del?\s+|the\s+)?")
# an era a few words after the cue: "since I started working from home during covid"
_ERA_CUE = (r"\b(?:ever\s+since|since|desde\s+que)\s+(?:[\w'’]+\s+){1,8}?(?:during|durante|in|en)\s+"
            r"(?:the\s+|el\s+|la\s+)?")


@lru_cache(maxsize=1)
def _events() -> tuple[re.Pattern, dict[str, datetime.date]]:
    data = yaml.safe_load(DATED_EVENTS.read_text(encoding="utf-8")) or {}
    names, dates = [], {}
    for key, event in data.items():
        if not isinstance(event, dict) or set(event) != {"names", "date"}:
            raise ValueError(f"{DATED_EVENTS.name}: {key} needs names and a date, nothing else")
        when = event["date"]
        dates[key] = when if isinstance(when, datetime.date) else datetime.date.fromisoformat(str(when))
        names.append(f"(?P<{key}>{'|'.join(f'(?:{n})' for n in event['names'])})")
    return re.compile(rf"(?:{_CUE}|{_ERA_CUE})(?:{'|'.join(names)})\b", re.I), dates


def dated_events(text: str, today: datetime.date) -> list[tuple]:
    """(start, end, weeks, vague, priority) for each event named after a starting cue."""
    pattern, dates = _events()
    found = []
    for m in pattern.finditer(text):
        key = next(k for k, v in m.groupdict().items() if v)
        days = (today - dates[key]).days
        if days >= 0:
            found.append((m.start(), m.end(), days / 7, False, 0))
    return found + event_days(text, today)
