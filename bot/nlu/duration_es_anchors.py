"""Spanish starting points that duration_es.py does not read, and counts restated from a date.

* an age then and now: "desde que tenía veinte años y ahora tengo cuarenta y cinco", "desde
  los 30 y ya tengo 50";
* a child's birth and its age told further on: "desde que nació mi nieto me duele, ya tiene 2";
* a day of this month: "desde el 15"; a month of last year: "desde diciembre del año pasado";
  part of a month or year: "desde principios de año", "a finales de septiembre", "desde el año
  antepasado", "la semana antepasada"; this week ("el dolor es de esta semana");
* events of the year whose date is rough (a number said beside them wins, as for holidays):
  the start of school ("desde que empezaron las clases"), the harvest ("desde la cosecha",
  "desde la vendimia", "en la zafra").

`restated(text, quantities, points)` drops the starting points a patient turns into a count
("fue en mayo... no, en junio, o sea que son como cuatro meses"): the count is theirs and does
not depend on the day the message is read.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from bot.nlu.duration_calendar import _latest_date, _weeks_since
from bot.nlu.duration_told_from import holiday_months, holiday_offsets, told_from
from bot.nlu.duration_units import DAY, MONTH, SPANISH_MISSPELT_RE, WEEK, YEAR, spanish_number_value
from bot.nlu.holidays_es import SPANISH_MONTH_RE, holiday_date, holiday_names, spanish_month

ROUGH = 2  # the priority of an anchor whose date is rough: any count said beside it wins

# the start, its month a few words on: "me empezó cuando estaba en Colombia ... en diciembre"
START_POINT_RE = re.compile(
    rf"\b(?:me\s+|se\s+me\s+)?(?:empez[oó]|comenz[oó]|inici[oó])(?:\s+\w+){{1,12}}?\s+en\s+(?:el\s+mes\s+de\s+)?"
    rf"(?P<month>{SPANISH_MONTH_RE})\b(?!\s+(?:del?\s+)?(?:a[ñn]o|\d))", re.I)  # not "... del año pasado"
_NUM = (r"\d{1,3}|(?:(?:veinti|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|diez|once"
        r"|doce|trece|catorce|quince|diec|veinte|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho"
        rf"|nueve|cien|{SPANISH_MISSPELT_RE})\w*(?:\s+y\s+\w+)?)")
_SINCE = r"(?:desde|dsd|a\s+partir\s+de|empez[oó]|comenz[oó]|me\s+empez[oó])"

_AGE_RE = re.compile(  # "desde que tenía 20 (años) y ahora tengo 45", "desde los 30 y ya tengo 50"
    rf"\b{_SINCE}\s+(?:que\s+(?:ten[ií]a|cumpl[ií]|era\s+de)\s+|los\s+)(?P<then>{_NUM})(?:\s+a[ñn]os)?\b"
    rf"[^.!?]{{0,60}}?\b(?:ahora|ya|hoy|y)\s+(?:ya\s+)?(?:tengo|cumpl[ií]|voy\s+a\s+cumplir|voy\s+pa(?:ra)?\s+los)"
    rf"\s+(?P<now>{_NUM})\b", re.I)
_BIRTH_RE = re.compile(  # "desde que (q) nació mi nieto me duele, ya tiene 2", "(ya tiene 2 años)"
    r"\b(?:desde\s+(?:que|q)|desde|cuando)\s+(?:(?:naci[oó]|tuve\s+a|di\s+a\s+luz(?:\s+a)?|me\s+embarac[eé]\s+de"
    r"|el\s+nacimiento\s+de|el\s+parto\s+de)\s+(?:a\s+)?(?:mi|mis|el|la)?\s*\w+"
    # "desde el parto, ... y mi niña ya tiene 4 meses": the child named later with its age
    # ("desde el embarazo, y mi niña ya tiene dos años": at least the child's age)
    r"|(?:el\s+parto|la\s+ces[aá]rea|di\s+a\s+luz|me\s+alivi[eé]|(?:el|mi)\s+embarazo|que\s+me\s+embarac[eé]"
    r"|que\s+estaba\s+embarazada|(?:estaba|estuve|qued[eé])\s+embarazada)\b)"
    r"[^.!?]{0,60}?[\s,;(]+(?:(?:y\s+)?(?:ella|[eé]l|que)\s+)?(?:ya\s+|ahora\s+|hoy\s+)*"
    r"(?:tiene|cumpli[oó]|cumple|va\s+a\s+cumplir)\s+(?:su\s+(?:primer\s+)?)?(?P<age>\d{1,2}|" + _NUM + r"|medio|a[ñn]ito|el\s+a[ñn]o)"
    r"(?:\s+(?P<unit>a[ñn]os?|mes(?:es)?|semanas?|d[ií]as))?(?P<half>\s+y\s+medio)?\b", re.I)
_DAY_RE = re.compile(  # "desde el 15", "desde el día 3": that day of this month (or the last)
    rf"\b{_SINCE}\s+el\s+(?:d[ií]a\s+)?(?P<day>[1-9]|[12]\d|3[01])\b"
    rf"(?!\s*(?:de\b|del\b|/|:|%|\.\d|a[ñn]os|mes|semana|d[ií]as|horas|y\s+\d))", re.I)
_PART = {"principios": 5, "inicios": 5, "comienzos": 5, "primeros": 5, "mediados": 15,
         "finales": 25, "fines": 25, "ultimos": 25}
_PART_RE = r"principios|inicios|comienzos|primeros|mediados|finales|fines|[uú]ltimos"
# said as when the pain began, or alone as the answer
_LEAD = (rf"(?:\b{_SINCE}\s+(?:(?:el|la)\s+)?|\b(?:fue|pas[oó]|empez[oó]|comenz[oó])\s+(?:en|a|por)\s+(?:(?:el|la)\s+)?"
         rf"|^\W*(?:(?:en|a|por|desde)\s+)?(?:(?:el|la)\s+)?)")
_MONTH_POINT_RE = re.compile(  # "desde diciembre del año pasado", "a finales de septiembre"
    rf"{_LEAD}(?:(?:el\s+)?mes\s+de\s+)?(?:(?P<part>{_PART_RE})\s+(?:de\s+)?)?"
    rf"(?P<month>{SPANISH_MONTH_RE})(?P<last>\s+(?:del?\s+)?(?:a[ñn]o\s+)?(?:pasado|antepasado))?\b", re.I)
_YEAR_PART_RE = re.compile(  # "desde principios de año", "a mediados del año pasado"
    rf"{_LEAD}(?P<part>{_PART_RE})\s+(?:de|del)\s+(?:este\s+)?a[ñn]o"
    rf"(?P<last>\s+pasado)?\b", re.I)
_BEFORE_LAST_RE = re.compile(  # "el año antepasado", "la semana antepasada"
    rf"\b(?:{_SINCE}\s+)?(?:el\s+|la\s+)?(?P<unit>a[ñn]o|mes|semana)\s+antepasad[oa]\b", re.I)
# "el dolor es de esta semana", "desde esta semana", "empezó esta semana": under a week, vague
_THIS_WEEK_RE = re.compile(
    r"(?:(?:\b(?:es|son|viene)|,)\s*(?P<of>de)|(?P<since>\b(?:desde|empez[oó]|comenz[oó]|arranc[oó]|me\s+dio)))"
    r"\s+(?:esta|[eé]sta)\s+semana\b", re.I)
_SCHOOL_RE = re.compile(
    r"\b(?:desde\s+que|cuando|desde)\s+(?:(?:empez[oó]|comenz[oó]|inici[oó]|entr[oó]|empezaron|comenzaron"
    r"|iniciaron|entraron|regresaron|volvieron)\s+(?:a\s+)?(?:los\s+ni[ñn]os\s+(?:a\s+)?)?"
    r"(?:la\s+escuela|el\s+colegio|las\s+clases|clases|el\s+cole|el\s+ciclo\s+escolar|el\s+a[ñn]o\s+escolar)"
    r"|(?:el\s+)?regreso\s+a\s+clases|(?:el\s+)?inicio\s+de\s+clases)\b", re.I)
_HARVEST_RE = re.compile(  # the harvest's season: a rough anchor (late summer and autumn)
    r"\b(?:desde|dsd|en|durante|cuando)\s+(?:(?:empez[oó]|fue|era|estaba\s+en)\s+)?(?:la|el)\s+"
    r"(?:cosecha|pizca|piscas?|pizcas|vendimia|zafra|temporada\s+de\s+(?:cosecha|pizca|vendimia|zafra))\b", re.I)


def _number(text: str) -> float | None:
    return float(text) if text.isdigit() else spanish_number_value(text)


def _month_weeks(m: re.Match, today: datetime.date) -> float | None:
    month = spanish_month(m.group("month"))
    day = _PART.get((m.group("part") or "").lower().replace("ú", "u"), 15)
    last = (m.group("last") or "").lower()
    if last:
        year = today.year - (2 if "antepasado" in last else 1)
        return _weeks_since(datetime.date(year, month, day), today)
    if not m.group("part"):
        return None  # a bare month: duration_es.py reads it
    return _weeks_since(_latest_date(today, day, month), today)


def anchors(text: str, today: datetime.date) -> list[tuple]:
    """(start, end, weeks, vague, priority) for the wordings above, and those told from
    something else (bot/nlu/duration_told_from.py)."""
    found = told_from(text) + holiday_offsets(text, today) + holiday_months(text, today)
    for m in _AGE_RE.finditer(text):
        then, now = _number(m.group("then")), _number(m.group("now"))
        if then is not None and now is not None and 0 < now - then < 100:
            found.append((m.start(), m.end(), (now - then) * YEAR, False, 0))
    for m in _BIRTH_RE.finditer(text):
        age = m.group("age").lower()
        value = 0.5 if age == "medio" else 1.0 if age.startswith(("a", "el")) else _number(age)  # "su añito", "el año"
        unit = (m.group("unit") or "años").lower()
        size = {"a": YEAR, "m": MONTH, "s": WEEK, "d": DAY}[unit[0]]
        value = value + 0.5 if value is not None and m.group("half") else value  # "un año y medio"
        if value is not None and 0 < value * size < 100 * YEAR:
            found.append((m.start(), m.end(), value * size, False, 0))
    for m in _DAY_RE.finditer(text):
        found.append((m.start(), m.end(), _weeks_since(_latest_date(today, int(m.group("day")), None), today),
                      False, 0))
    for m in _MONTH_POINT_RE.finditer(text):
        weeks = _month_weeks(m, today)
        if weeks is not None:
            found.append((m.start(), m.end(), weeks, False, 0))
    for m in _YEAR_PART_RE.finditer(text):
        day = _PART[m.group("part").lower().replace("ú", "u")]
        month = 1 if day == 5 else 6 if day == 15 else 11
        year = today.year - 1 if m.group("last") else today.year
        weeks = _weeks_since(datetime.date(year, month, 15 if day == 25 else day), today)
        if weeks is not None:
            found.append((m.start(), m.end(), weeks, True, 0))
    for m in _BEFORE_LAST_RE.finditer(text):
        unit = m.group("unit").lower()
        weeks = 2 * (WEEK if unit.startswith("sem") else MONTH if unit == "mes" else YEAR)
        found.append((m.start(), m.end(), weeks, True, 0))
    for m in _THIS_WEEK_RE.finditer(text):
        found.append((m.start("of") if m.group("of") else m.start(), m.end(), 0.5, True, 0))
    for regex, (month, day) in ((_SCHOOL_RE, (8, 25)), (_HARVEST_RE, (9, 15))):
        for m in regex.finditer(text):
            since = _latest_date(today, day, month)
            found.append((m.start(), m.end(), _weeks_since(since, today), True, ROUGH))
    return [c for c in found if c[2] is not None]


# the patient's own count after a date: "o sea que son como cuatro meses", "así que ya van 3 meses"
_RESTATING = re.compile(
    r"\b(?:o\s+sea|osea|as[ií]\s+que|entonces|es\s+decir|eso\s+es|ser[ií]an|vendr[ií]an\s+siendo"
    r"|ya\s+son|ya\s+van|ya\s+va\s+(?:pa|para)|o\s+lo\s+que\s+es\s+lo\s+mismo)\b[^.!?\d]{0,20}$", re.I)


_BESIDE = re.compile(r"^[\s,;:()-]*(?:(?:como|unos|unas|m[aá]s\s+o\s+menos|o\s+sea|ya|hace|so|like|osea)\s+)*$", re.I)


def restated(text: str, quantities: list[tuple], points: list[tuple]) -> list[tuple]:
    """The starting points left once a count the patient restates them as is kept: every
    point said before a count introduced by restating words ("o sea", "así que"), and a point
    said right beside a count ("tres días, desde el sábado", "desde mayo, como 7 meses")."""
    summaries = [q[0] for q in quantities if _RESTATING.search(text[max(0, q[0] - 40):q[0]])]
    return [p for p in points if not any(p[1] <= s for s in summaries) and not any(
        (q[1] <= p[0] and _BESIDE.match(text[q[1]:p[0]])) or (p[1] <= q[0] and _BESIDE.match(text[p[1]:q[0]]))
        for q in quantities)]


@lru_cache(maxsize=1)
def _holiday_now() -> re.Pattern:
    return re.compile(rf"\b(?:hoy\s+(?:ya\s+)?(?:es|estamos\s+en)|(?:ya|ahora|ahorita)\s+(?:ya\s+)?(?:es|estamos\s+en)"
                      rf"|estamos\s+(?:ya\s+)?en)\s+(?:el\s+|la\s+|las\s+|los\s+)?(?P<h>{holiday_names()})\b", re.I)


def holiday_today(text: str, today: datetime.date) -> datetime.date | None:
    """The holiday the patient says it is ("hoy es San Valentín", "ya estamos en Semana Santa",
    "y ahora es Navidad"): its date nearest `today`, which dates in the message count back from
    (names and dates: vocab/es/duration_holidays.yml)."""
    m = _holiday_now().search(text)
    when = holiday_date(m.group("h")) if m else None
    if when is None:
        return None
    days = [datetime.date(y, *when) for y in (today.year - 1, today.year, today.year + 1)]
    return min(days, key=lambda d: abs((d - today).days))
