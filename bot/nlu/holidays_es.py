"""Spanish holidays and months a patient counts the pain from ("desde las Fallas", "desde junio").

"hoy es Día de Reyes": names and dates from vocab/es/duration_holidays.yml."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml

HOLIDAYS_ES = Path(__file__).parent / "vocab" / "es" / "duration_holidays.yml"
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")
SPANISH_MONTH_RE = r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre"


def spanish_month(name: str) -> int:
    """1-12 for a month name SPANISH_MONTH_RE matched ("Junio", "setiembre")."""
    return SPANISH_MONTHS.index(name.lower().replace("setiembre", "septiembre")) + 1


@lru_cache(maxsize=1)
def _holidays() -> tuple[tuple[re.Pattern, tuple[int, int]], ...]:
    data = yaml.safe_load(HOLIDAYS_ES.read_text(encoding="utf-8")) or {}
    found = []
    for key, day in data.items():
        if (not isinstance(day, dict) or set(day) != {"names", "date"} or not day["names"]
                or not isinstance(day["date"], list) or len(day["date"]) != 2):
            raise ValueError(f"{HOLIDAYS_ES.name}: {key} needs names and a date [month, day]")
        month, date = day["date"]
        datetime.date(2024, month, date)  # a day that exists (a leap year allows 29 February)
        for name in day["names"]:
            if re.compile(name).groups:
                raise ValueError(f"{HOLIDAYS_ES.name}: {key}: a name has no groups: {name}")
        found.append((re.compile("|".join(f"(?:{n})" for n in day["names"]), re.I), (month, date)))
    return tuple(found)


_holidays()  # checked when the parser is imported, at start-up: a bad entry stops it


def holiday_names() -> str:
    """Every holiday's names as one alternation, without groups, longest first."""
    names = [p.pattern for p, _ in _holidays()]
    return "|".join(sorted(names, key=len, reverse=True))


def holiday_date(said: str) -> tuple[int, int] | None:
    """(month, day) of the holiday `said` names ("las Fallas" -> (3, 19))."""
    said = " ".join(said.split())  # a name may hold its article ("el Grito"): as said first
    bare = re.sub(r"^(?:el|la|las|los)\s+", "", said, flags=re.I)
    return next((day for text in (said, bare) for pattern, day in _holidays() if pattern.fullmatch(text)), None)
