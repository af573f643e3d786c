"""Lengths the patient tells from something else they date, in English and Spanish.

* A share of their life, their age said beside it: "half my life lol. im 34" (17 years),
  "la mitad de mi vida, tengo 40".
* An offset from an event whose own time the message tells next: "the week before my wedding,
  and the wedding was 3 weeks ago" (4 weeks), "two weeks before I gave birth and the baby is 6
  weeks old" (8 weeks), "una semana antes de la boda, que fue hace un mes".
* An offset from a Spanish holiday: "desde como una semana antes de Navidad, y hoy es Día de
  Reyes" (counted from the day the patient says it is).

The words are in vocab/duration_told_from.yml. Each gives (start, end, weeks, vague, priority)
candidates for the parsers (bot/nlu/duration.py, bot/nlu/duration_es_anchors.py)."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.nlu.duration_units import (
    _DIGITS,
    _WORDNUM,
    DAY,
    MONTH,
    SPANISH_MISSPELT_RE,
    WEEK,
    YEAR,
    _number,
    spanish_number_value,
)
from bot.nlu.holidays_es import SPANISH_MONTH_RE, holiday_date, holiday_names, spanish_month

VOCAB = Path(__file__).parent / "vocab" / "duration_told_from.yml"
_ES_NUM = (r"un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte"
           rf"|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|{SPANISH_MISSPELT_RE}")
_VAGUE = r"a\s+few|few|some|unos|unas|varios|varias"  # "unos días antes de Navidad": three
_NUM = rf"(?:{_DIGITS}|{_WORDNUM}|{_ES_NUM}|an?|the|a\s+couple\s+of|un\s+par\s+de|{_VAGUE})"
_UNIT = r"(?:days?|d[ií]as?|weeks?|wks?|semanas?|months?|mes(?:es)?|years?|yrs?|a[ñn]os?)"
_APPROX = r"(?:(?:about|around|like|almost|nearly|como|unos?|unas?|casi|already|ya)\s+)*"


def _words(items) -> str:
    return "|".join(f"(?:{w})" for w in items)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8")) or {}
    shares = data.get("life_shares")
    if (not isinstance(shares, list) or not data.get("age_now")
            or not all(isinstance(s, dict) and set(s) == {"factor", "words"} and 0 < s["factor"] < 1
                       for s in shares)
            or set(data.get("before_after") or {}) != {"before", "after"}
            or set(data.get("event_time") or {}) != {"ago", "old"}):
        raise ValueError(f"{VOCAB.name}: needs life_shares (factor in (0, 1), words), age_now, "
                         "before_after (before, after) and event_time (ago, old)")
    age = re.compile(rf"\b(?:{_words(data['age_now'])})\s+(?:now\s+|ya\s+)?(?P<age>\d{{1,3}})\b"
                     rf"(?!\s*(?:weeks?|months?|days?|semanas?|mes|d[ií]as|kg|lbs?|%))", re.I)
    lives = [(re.compile(rf"\b(?:{_words(s['words'])})(?!\w)", re.I), float(s["factor"])) for s in shares]
    ways = data["before_after"]
    when = data["event_time"]
    offset = (rf"(?P<off>{_NUM})\s+(?P<ounit>{_UNIT})\s+(?:(?P<before>{_words(ways['before'])})"
              rf"|(?P<after>{_words(ways['after'])}))\s+")
    event = re.compile(
        offset + r"(?P<event>[^,.;!?]{2,50}?)[\s,;]+(?:(?:and|but|y|pero)\s+)?"
        r"(?:(?:(?:the|my|our|her|his|el|la|mi|nuestr[oa])\s+)?[\w'’]+\s*)?"
        rf"(?:(?:{_words(when['ago'])})\s+{_APPROX}(?P<ago>{_NUM})\s+(?P<agounit>{_UNIT})(?:\s+ago)?"
        rf"|(?:{_words(when['old'])})\s+(?:now\s+|only\s+|just\s+)?{_APPROX}(?P<old>{_NUM})\s+(?P<oldunit>{_UNIT})(?:\s+old)?)\b",
        re.I)
    return {"age": age, "lives": lives, "event": event, "offset": offset}


_vocab()  # checked when the parser is imported, at start-up: a bad entry stops it


def _weeks(number: str, unit: str) -> float | None:
    """Weeks in "6 weeks", "un mes", "the week", "dos semanas"."""
    word = " ".join(number.lower().split())
    value = 1.0 if word in ("a", "an", "the", "un", "una", "uno") else 3.0 if re.fullmatch(_VAGUE, word) else None
    if value is None:
        parsed = _number(word) if re.fullmatch(rf"{_DIGITS}|{_WORDNUM}|a\s+couple\s+of", word) else None
        value = parsed[0] if parsed else _spanish_number(word)
    if value is None:
        return None
    first = unit.lower()[0]
    size = {"d": DAY, "w": WEEK, "s": WEEK, "y": YEAR, "a": YEAR}.get(first, MONTH)
    return value * size


def _spanish_number(word: str) -> float | None:
    return 2.0 if word == "un par de" else spanish_number_value(word)


def life_shares(text: str) -> list[tuple]:
    """"half my life ... I'm 34": the share of the stated age."""
    vocab = _vocab()
    age = vocab["age"].search(text)
    if not age or not 10 <= int(age.group("age")) <= 110:
        return []
    return [(m.start(), m.end(), factor * int(age.group("age")) * YEAR, True, 0)
            for pattern, factor in vocab["lives"] for m in pattern.finditer(text)]


def event_offsets(text: str) -> list[tuple]:
    """"the week before my wedding, and the wedding was 3 weeks ago": the event's time plus
    (before) or minus (after) the offset."""
    found = []
    for m in _vocab()["event"].finditer(text):
        off = _weeks(m.group("off"), m.group("ounit"))
        then = (_weeks(m.group("ago"), m.group("agounit")) if m.group("ago")
                else _weeks(m.group("old"), m.group("oldunit")))
        if off is None or then is None:
            continue
        weeks = then + off if m.group("before") else then - off
        if weeks >= 0:
            found.append((m.start(), m.end(), weeks, False, 0))
    return found


def holiday_offsets(text: str, today: datetime.date) -> list[tuple]:
    """"una semana antes de Navidad": the latest such holiday not after `today`, moved by the
    offset (vocab/es/duration_holidays.yml)."""
    found = []
    for m in _holiday_offset(_vocab()["offset"]).finditer(text):
        off, when = _weeks(m.group("off"), m.group("ounit")), holiday_date(m.group("h"))
        if off is None or when is None:
            continue
        year = today.year if when <= (today.month, today.day) else today.year - 1
        weeks = (today - datetime.date(year, *when)).days / 7 + (off if m.group("before") else -off)
        if weeks >= 0:
            found.append((m.start(), m.end(), weeks, False, 0))
    return found


@lru_cache(maxsize=1)
def _holiday_offset(offset: str) -> re.Pattern:
    return re.compile(rf"\b{offset}(?:el\s+|la\s+|las\s+|los\s+)?(?P<h>{holiday_names()})\b", re.I)


def holiday_months(text: str, today: datetime.date) -> list[tuple]:
    """"desde el Día de la Madre (octubre)": a holiday whose month the patient says beside it
    (where countries keep it on different days) is counted from that month, mid-month unless
    it is the holiday's own."""
    found = []
    for m in _holiday_month(SPANISH_MONTH_RE).finditer(text):
        month = spanish_month(m.group("month"))
        when = holiday_date(m.group("h"))
        day = when[1] if when and when[0] == month else 15
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        found.append((m.start(), m.end(), (today - datetime.date(year, month, day)).days / 7, False, 0))
    return found


@lru_cache(maxsize=1)
def _holiday_month(months: str) -> re.Pattern:
    return re.compile(rf"\b(?:el\s+|la\s+|las\s+|los\s+)?(?P<h>{holiday_names()})\s*[(,]\s*(?:en\s+|que\s+(?:fue|es|cae)"
                      rf"\s+en\s+|allá\s+(?:en|por)\s+)?(?:el\s+mes\s+de\s+)?(?P<month>{months})\b\s*\)?", re.I)


# "it just started this week": under a week, vague (Spanish "de esta semana" is read likewise)
_THIS_WEEK = re.compile(r"\b(?:started|began|came\s+on|kicked\s+in|flared\s+up)\s+(?:just\s+)?(?:earlier\s+)?"
                        r"this\s+(?:past\s+)?week\b", re.I)


def told_from(text: str) -> list[tuple]:
    """Every candidate above that needs no calendar."""
    return (life_shares(text) + event_offsets(text)
            + [(m.start(), m.end(), 0.5, True, 0) for m in _THIS_WEEK.finditer(text)])
