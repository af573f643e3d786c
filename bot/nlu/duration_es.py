"""How long the pain has lasted, in weeks, from a patient's own words in Spanish.

The Spanish twin of bot/nlu/duration.py, with the same output (`DurationMention`) and the
same helpers for dates and categories. Number words are read by text2num's Spanish grammar
("quince días", "veintiún años", "treinta y cinco"). Understood:

* a quantity and a unit (duration_es_counts.py): "hace dos semanas", "desde hace 3 meses", "llevo un año y medio",
  "quince días", "un par de semanas", "unos cuantos meses", "2 años y 3 meses";
* a starting point: "desde ayer", "desde el lunes", "desde la semana pasada", "desde el verano",
  "desde marzo", "desde 2019", "desde Navidad", "desde que nació mi hijo, que ya tiene 2 años",
  "desde niña" (duration_es_anchors.py: ages, school, harvest; dated_events.py: "desde el huracán María");
* vague spans (duration_es_counts.py): "hace años", "desde hace meses", "hace mucho tiempo", "toda la vida".

Not a duration: an age ("tengo 45 años", "mi hijo de 3 años"), a pregnancy ("embarazada de 5 meses"),
the future or a frequency ("en 2 semanas", "cada 3 meses", "3 veces a la semana"), a medicine
course ("tomé ibuprofeno por dos semanas"), a date of another event ("me operaron hace 2 años").
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

from bot.nlu.dated_events import dated_events
from bot.nlu.duration_calendar import _latest_date, _month_start, _recent, _weeks_since, _year_start
from bot.nlu.duration_es_anchors import START_POINT_RE, anchors, holiday_today, restated
from bot.nlu.duration_es_counts import (
    _A,
    _E,
    _I,
    _O,
    _QUANTITY_RE,
    _UNIT_RE,
    _UNIT_WEEKS,
    _WORDS,
    LONG_AGO_WEEKS,
    _plain,
    _unit,
    quantities,
    vague_spans,
)
from bot.nlu.duration_events import OtherEvents
from bot.nlu.duration_mentions import DurationMention, choose_mentions
from bot.nlu.duration_ongoing import ongoing_since
from bot.nlu.duration_units import DAY, MONTH, WEEK, YEAR, spanish_number_value
from bot.nlu.holidays_es import SPANISH_MONTH_RE, holiday_date, holiday_names, spanish_month

EVENTS_VOCAB = Path(__file__).parent / "vocab" / "es" / "duration_events.yml"

_WEEKDAYS = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"]
_WEEKDAY_RE = rf"lunes|martes|mi{_E}rcoles|jueves|viernes|s{_A}[bv]ado|domingo"  # "el savado"
_SEASONS = {"invierno": (1, 15), "primavera": (4, 15), "verano": (7, 15), "otono": (10, 15)}
_POINT = (
    rf"(?P<dbefore>antier|anteayer|antes\s+de\s+ayer)|(?P<yesterday>ayer|anoche)"
    rf"|(?P<today>hoy|esta\s+ma[ñn]ana|esta\s+tarde|en\s+la\s+ma[ñn]ana)"
    rf"|(?:el\s+)?(?P<weekend>fin\s+de\s+semana|finde|weekend)(?:\s+pasado)?"
    rf"|(?:la\s+|el\s+)?(?P<lastunit>semana|mes|a[ñn]o)\s+pasad[oa]"
    rf"|(?:el\s+)?(?P<weekday>{_WEEKDAY_RE})(?:\s+pasado)?"
    rf"|(?:(?:el|la|las|los)\s+)?(?P<holiday>{holiday_names()})"
    rf"|(?:(?:el|la|este|esta)\s+)?(?P<season>invierno|primavera|verano|oto[ñn]o)(?:\s+pasado)?"
    rf"|(?:(?P<mday>[1-9]|[12]\d|3[01])\s+de\s+|(?:el\s+)?(?:mes\s+de\s+)?)?(?P<month>{SPANISH_MONTH_RE})(?:\s+(?:de\s+|del\s+)?(?P<myear>(?:19|20)\d\d))?"
    rf"|(?:el\s+)?(?:a[ñn]o\s+)?(?P<year>(?:19|20)\d\d)"
    rf"|(?:la\s+)?(?P<pandemic>pandemia|cuarentena)"
    rf"|(?P<life>(?:que\s+)?(?:era|estaba)\s+(?:ni[ñn][oa]|chic[oa]|joven|chiquit[oa]|peque[ñn][oa]|adolescente)"
    # a region's childhood words only right after "desde" ("desde chamaca"): "de chamaco me caí
    # de un árbol y … nunca quedó bien" is a story's time, which the context rules read
    rf"|ni[ñn][oa]|chiquit[oa]|(?<=desde\s)(?:chamac[oa]|chavalit[oa]|escuincl[ea])|joven|peque[ñn][oa]|la\s+adolescencia|la\s+juventud|siempre"
    rf"|que\s+tengo\s+memoria|que\s+me\s+acuerdo)"
)
_ONSET = (rf"desde|dsd|dede|dsde|desd|since(?=\s+(?:el|la|los|las|ayer|anoche|antier|anteayer)\b)|choqu{_E}|m(?:e)?\s+resbal{_E}|se\s+resbal{_O}|se\s+cay{_O}|me\s+choc\w+|tuve\s+un\s+accidente|empez{_O}|comenz{_O}|inici{_O}|me\s+empez{_O}|me\s+dio|me\s+lastim{_E}|se\s+me\s+trab{_O}"
          rf"|m(?:e)?\s+ca{_I}|me\s+he\s+ca{_I}do|me\s+dobl{_E}|me\s+torc{_I}|me\s+jal{_E}|pas{_O}|sucedi{_O}|fue"
          # "me levanté así ayer", "amanecí con este dolor el lunes": woke up with it
          rf"|m(?:e)?\s+levant{_E}\s+(?:as{_I}|con\s+(?:el|este|ese)\s+dolor|adolorid[oa])|amanec{_I}\s+(?:as{_I}|con\s+(?:el|este|ese)\s+dolor|adolorid[oa])")
_POINT_RE = re.compile(rf"\b(?P<cue>{_ONSET})(?:\s+\w+){{0,4}}?\s+(?:{_POINT})\b",
                       re.I)
# a fall told at length before its day, up to eight words between ("me caí de la escalera de
_INJURY_POINT_RE = re.compile(  # mano pintando el salón el sábado", "mi esposo se cayó ... el martes")
    rf"\b(?:m(?:e)?\s+ca{_I}|me\s+resbal{_E}|me\s+tropec{_E}|me\s+golpe{_E}|tuve\s+un\s+accidente|choqu{_E}"
    rf"|me\s+jal{_E}|me\s+lastim{_E}|me\s+torc{_I}|me\s+dobl{_E}"  # "me jalé la espalda cargando a mi nieto ayer"
    rf"|se\s+cay{_O}|se\s+resbal{_O}|se\s+tropez{_O}|se\s+golpe{_O}|tuvo\s+un\s+accidente|choc{_O})"
    rf"(?:\s+\w+){{5,8}}?\s+(?:{_POINT})\b", re.I)
_ALONE_RE = re.compile(rf"^\W*(?:(?:desde|dsd)\s+)?(?:{_POINT})\W*$", re.I)
# the time first, then the injury or the start: "anoche me resbalé", "el domingo me caí",
# "anteayer me empezó", "antier se me trabó la espalda", "el lunes me dio un aire"
_POINT_FIRST_RE = re.compile(
    rf"(?<!\w)(?:{_POINT})(?:\s+(?:por|en)\s+la\s+(?:tarde|ma[ñn]ana|noche|madrugada))?,?\s+(?:(?:yo|que|como)\s+)?(?:me\s+|se\s+me\s+)?(?:dio\s+(?:un|el)\s+(?:tir{_O}n|jal{_O}n|dolor|lumbago|aire)|trab{_O}|zaf{_O}|resbal{_E}|ca{_I}|tropec{_E}|lastim{_E}|golpe{_E}"
    rf"|torc{_I}|dobl{_E}|jal{_E}|pegu{_E}|choqu{_E}|accident{_E}|empez{_O}|comenz{_O}|inici{_O}|vino|agarr{_O})\b", re.I)
# a bare unit as the whole answer: "Años, mija, ya ni me acuerdo", "meses ya"
# a fall or a blow dates the injury; it dates the pain only when the message says the pain
# followed it ("me caí el domingo y desde ahí me duele") and gives no other time for the pain
_INJURY = re.compile(
    rf"\b(?:m(?:e)?\s+ca{_I}|me\s+he\s+ca{_I}do|ca{_I}\s+sentad|m(?:e)?\s+resbal{_E}|se\s+resbal{_O}|se\s+cay{_O}"
    rf"|m(?:e)?\s+tropec{_E}|m(?:e)?\s+golpe{_E}|m(?:e)?\s+pegu{_E}"
    rf"|choqu{_E}|me\s+chocaron|me\s+atropell\w+|accidente|me\s+tumb{_O}|me\s+tir{_O}|una\s+ca{_I}da)", re.I)
# ("desde el accidente de moto, hace diez días": the time told after a comma is the same)
_SINCE_INJURY = re.compile(r"\bdesde\s+(?:que|q|k|el|la|aquel|aquella|ese|esa)\b[^,.;!?]*(?:,\s*(?:hace\s+|como\s+|unos\s+|unas\s+|ya\s+)*)?$", re.I)
_PAIN_AFTER = re.compile(
    rf"\b(?:dolor\w*|duel[eo]n?|doler|doli\w+|molest\w+|adolorid[oa]s?|desde\s+(?:entonces|ah{_I}|eso)|de\s+ah{_I}\s+(?:me\s+)?(?:empez|comenz|vino))\w*", re.I)
_FILLER = re.compile(rf"\W|\b(?:y|eso|esto|fue|pas{_O}|hace|como|unos|unas|m{_A}s\s+de|ya|s{_I})\b", re.I)
# a clause that only says when, its subject in the clause before: ", empezó el lunes"
_ONSET_ONLY_ES = re.compile(rf"\s*(?:y\s+)?(?:que\s+)?(?:empez{_O}|comenz{_O}|inici{_O}|desde)\b", re.I)
_BIRTH_RE = re.compile(
    rf"\b(?:desde\s+que|cuando)\s+(?:naci{_O}|tuve\s+a|di\s+a\s+luz|me\s+embarac{_E}\s+de)\s+(?:a\s+)?(?:mi|mis|el|la)?\s*\w+"
    rf"(?:(?:\s+\w+){{0,2}}?[\s,;]+(?:y\s+)?(?:ella\s+|{_E}l\s+)?(?:que\s+)?(?:ya\s+|ahora\s+)?(?:tiene|cumpli{_O}|cumple)\s+"
    rf"(?P<age>\d+|{_WORDS}|medio)\s+(?P<unit>{_UNIT_RE}))?", re.I)
# the date the patient writes on, said ("y ahora, a primeros de febrero, sigo igual", "hoy es 20
# de febrero"): the pain's start is counted back from it, not from the day the message is read
_STATED_NOW = re.compile(
    rf"\b(?:(?:ahora|ahorita|hoy|ya)\s+(?:que\s+)?(?:ya\s+)?(?:(?:es|estamos)\s+(?:a\s+|en\s+)?|(?:a|en)\s+)"
    rf"|(?:estamos|vamos|andamos)\s+(?:ya\s+)?(?:a|en|por)\s+)(?:(?:el\s+)?(?P<day>[1-9]|[12]\d|3[01])\s+de\s+|(?P<part>mediados|principios"
    rf"|primeros|finales|fines)\s+de\s+)?(?P<month>{SPANISH_MONTH_RE})\b", re.I)
_TODAY_WEEKDAY = re.compile(rf"\bhoy\s+(?:es|ya\s+es|estamos\s+a)\s+({_WEEKDAY_RE})\b", re.I)
_PART_DAY = {"mediados": 15, "principios": 5, "primeros": 5, "finales": 25, "fines": 25}

def _point_weeks(m: re.Match, today: datetime.date) -> tuple[float | None, bool]:
    g = {k: v for k, v in m.groupdict().items() if v}
    if "dbefore" in g:
        return 2 * DAY, False
    if "yesterday" in g:
        return DAY, False
    if "today" in g:
        return 0.0, False
    if "weekend" in g:
        return ((today.weekday() - 5) % 7 or 7) * DAY, False
    if "lastunit" in g:
        return {"semana": WEEK, "mes": MONTH}.get(_plain(g["lastunit"]), YEAR), False
    if "weekday" in g:
        return ((today.weekday() - _WEEKDAYS.index(_plain(g["weekday"]))) % 7 or 7) * DAY, False
    if "holiday" in g:
        when = holiday_date(g["holiday"])
        return (_weeks_since(_recent(today, *when), today) if when else None), False
    if "season" in g:
        return _weeks_since(_recent(today, *_SEASONS[_plain(g["season"])]), today), False
    if "month" in g:
        month = spanish_month(g["month"])
        year = int(g["myear"]) if "myear" in g else None
        if "mday" in g:  # "el 2 de enero": that day
            return _weeks_since(_latest_date(today, int(g["mday"]), month), today), False
        return _weeks_since(_month_start(today, month, year, False), today), False
    if "year" in g:
        return _weeks_since(_year_start(today, int(g["year"])), today), False
    if "life" in g:
        return LONG_AGO_WEEKS, True
    if "pandemic" in g:
        return _weeks_since(datetime.date(2020, 3, 15), today), True
    return None, False


# a past time told anywhere in the story, for bot/nlu/duration_ongoing.py ("en 2019 ... y sigo
# con dolor"); its times of life are the vocabulary's, not "joven" or "siempre" alone
_STORY_POINT_RE = re.compile(rf"(?<!\w)(?:(?:en|el|del|durante)\s+)?(?:{_POINT})(?!\w)", re.I)


def _story_point_weeks(m: re.Match, today: datetime.date) -> tuple[float | None, bool]:
    """Weeks from a point in the story to today; none for a time of life said alone."""
    return (None, False) if m.group("life") else _point_weeks(m, today)


def _starting_points(text: str, today: datetime.date):
    found = []
    for regex in (_POINT_RE, _ALONE_RE, _POINT_FIRST_RE, _INJURY_POINT_RE, START_POINT_RE):
        for m in regex.finditer(text):
            if regex is _POINT_RE and _QUANTITY_RE.search(m.group(0)):
                continue  # "desde hace 2 semanas y ayer me hice pipí": the count is the time
            weeks, vague = _point_weeks(m, today)
            if weeks is not None:  # a holiday is a rough anchor: a number said beside it wins
                rough = m.groupdict().get("holiday") or regex is START_POINT_RE  # others win
                found.append((m.start(), m.end(), weeks, vague, 2 if rough else 0))
    for m in _BIRTH_RE.finditer(text):
        if m.group("age"):
            value = 0.5 if m.group("age").lower() == "medio" else (
                float(m.group("age")) if m.group("age").isdigit() else spanish_number_value(m.group("age")))
            if value is not None:
                found.append((m.start(), m.end(), value * _UNIT_WEEKS[_unit(m.group("unit"))], False, 0))
    return found + vague_spans(text)


def _stated_today(text: str, today: datetime.date) -> datetime.date:
    """The day the patient says it is ("ya estamos a mediados de julio"), up to `today`."""
    day = _TODAY_WEEKDAY.search(text)
    if day:  # "Desde el lunes. Hoy es miércoles.": counted from that Wednesday
        return today - datetime.timedelta(days=(today.weekday() - _WEEKDAYS.index(_plain(day.group(1)))) % 7)
    m = _STATED_NOW.search(text)
    if not m:
        return today
    month = spanish_month(m.group("month"))
    day = int(m.group("day")) if m.group("day") else _PART_DAY.get(_plain(m.group("part") or ""), 15)
    return _latest_date(today, day, month)


@lru_cache(maxsize=1)
def _other_events() -> OtherEvents:
    return OtherEvents(EVENTS_VOCAB)


def spanish_clauses() -> dict:
    """How bot.nlu.duration_events.times_something_else splits and joins Spanish clauses."""
    return {"events": _other_events(), "onset_only": _ONSET_ONLY_ES}


def _dates_injury_only(text: str, mention: DurationMention, later: bool) -> bool:
    """Whether `mention` dates a fall or a blow and not the pain: it stands in the injury's
    clause with no pain word there, and the message says no pain after it, or gives the pain
    its own time later (`later`): "me caí de la moto hace 4 días", "me caí hace 15 años, ...
    me empezó a doler hace 10 días". "desde el accidente" is the pain's time."""
    if re.match(r"(?:desde|dsd)\b", mention.text, re.I) or re.search(r"\b(?:desde|dsd)\s*$", text[:mention.start], re.I):
        return False  # "desde el viernes que me caí": a state since then, the pain's
    bounds = _other_events().clauses(text)
    index = next((i for i, (a, b) in enumerate(bounds) if a <= mention.start < b), None)
    if index is None:
        return False
    a, b = bounds[index]
    if index and not _INJURY.search(mention.text) and not _FILLER.sub("", text[a:b].replace(mention.text, "")).strip():
        # a bare time tells the clause before ("me caí, pero eso fue hace años")
        a = next((c for c, d in reversed(bounds[:index]) if text[c:d].strip()), a)
    clause = text[a:max(b, mention.end)]
    if not _INJURY.search(clause) or _PAIN_AFTER.search(clause) or _SINCE_INJURY.search(text[a:mention.start]):
        return False
    return later or not _PAIN_AFTER.search(text[max(b, mention.end):])


def parse_durations_es(text: str, today: datetime.date | None = None) -> list[DurationMention]:
    """Every duration stated in a Spanish `text`, in text order (the longest span wins)."""
    if not text or not isinstance(text, str):
        return []
    today = today or datetime.date.today()
    today = holiday_today(text, today) or _stated_today(text, today)
    counted = quantities(text)  # a date the patient turns into a count gives way to it
    # "... y sigo con dolor": the story's time, unless the message counts the length
    tied = [] if counted else ongoing_since(text, today, "es", _STORY_POINT_RE, _story_point_weeks)
    points = _starting_points(text, today) + anchors(text, today) + dated_events(text, today) + tied
    candidates = counted + restated(text, counted, points)
    precise = [c for c in candidates if c[4] != 2]  # "desde Semana Santa, como dos meses": the number
    found = choose_mentions(text, precise, _other_events()) or choose_mentions(text, candidates, _other_events())
    tied_spans = {(c[0], c[1]) for c in tied}  # a time the pain is said to have lasted from is the pain's
    return [m for m in found if (m.start, m.end) in tied_spans
            or not _dates_injury_only(text, m, len(found) > 1)]  # another time: the pain's
