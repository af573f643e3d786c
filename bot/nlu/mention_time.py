"""When a mentioned injury happened: a year or a month far enough back that it is no recent one."""
from __future__ import annotations

import datetime
import re

_MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_RECENT_MONTHS = 2  # "in November" said in December may be three weeks ago: still recent


def long_past(phrases: set, today: datetime.date | None = None) -> bool:
    """Among a sentence's phrases (runs of one to three words), a calendar year before this
    one ("in 2009") or a month named as past ("in feb", "last march") at least three months
    back. "may" alone is a verb: only "in may" and "last may" count."""
    today = today or datetime.date.today()
    for phrase in phrases:
        words = phrase.split()
        if len(words) == 1 and words[0].isdigit() and len(words[0]) == 4:
            if 1940 <= int(words[0]) < today.year:
                return True
        elif len(words) == 2 and words[0] in ("in", "last") and words[1] in _MONTHS:
            back = (today.month - _MONTHS[words[1]]) % 12
            if words[0] == "last" and back == 0:
                back = 12
            if back > _RECENT_MONTHS and (words[0] == "last" or _MONTHS[words[1]] < today.month):
                return True
    return False


def dated_injury_asked(entities: list[dict], text: str, dated_from: frozenset, weeks: list,
                       fold=lambda s: s) -> list[dict]:
    """An injury the pain's length is dated from, straight after that length ("10 años más o
    menos, desde el accidente", "two years now, ever since the crash": only one of `dated_from`,
    context.yml `pain_dated_from`, between them), in a message whose every length is a year or
    more (`weeks`, also those dating something else): the injury is that old, no recent one.
    It is confirmed with the patient first (`red_flag_unsure`, "historical"), never dropped."""
    if not weeks or min(weeks) < 52:
        return entities
    said = {" ".join(re.findall(r"[\w']+", w)) for w in dated_from}
    ends = [e["end"] for e in entities if e.get("entity") == "duration" and isinstance(e.get("end"), int)]
    found = []
    for e in entities:
        if e.get("entity") == "red_flag" and e.get("value") == "trauma" and isinstance(e.get("start"), int) and any(
                end <= e["start"] and " ".join(re.findall(r"[\w']+", fold(text[end:e["start"]].lower()))) in said
                for end in ends):
            e = {**e, "entity": "red_flag_unsure", "reason": "historical"}
        found.append(e)
    return found
