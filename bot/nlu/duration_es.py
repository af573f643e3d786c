"""How long the pain has lasted, in weeks, from a patient's own words in Spanish.

The Spanish twin of bot/nlu/duration.py, with the same output (`DurationMention`) and the
same helpers for dates and categories. Number words are read by text2num's Spanish grammar
("quince días", "veintiún años", "treinta y cinco"). Understood:

* a quantity and a unit: "hace dos semanas", "desde hace 3 meses", "llevo un año y medio",
  "quince días", "un par de semanas", "unos cuantos meses", "2 años y 3 meses";
* a starting point: "desde ayer", "desde el lunes", "desde la semana pasada", "desde el verano",
  "desde marzo", "desde 2019", "desde Navidad", "desde que nació mi hijo, que ya tiene 2 años",
  "desde niña" (duration_es_anchors.py: ages, school, harvest; dated_events.py: "desde el huracán María");
* vague spans: "hace años", "desde hace meses", "hace mucho tiempo", "toda la vida".

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
from bot.nlu.duration import DurationMention, choose_mentions
from bot.nlu.duration_dates import _latest_date, _month_start, _recent, _weeks_since, _year_start
from bot.nlu.duration_es_anchors import START_POINT_RE, anchors, holiday_today, restated
from bot.nlu.duration_events import OtherEvents
from bot.nlu.duration_ongoing import ongoing_since
from bot.nlu.duration_units import (
    DAY,
    MONTH,
    SPANISH_MISSPELT_RE,
    WEEK,
    YEAR,
    joined_compounds,
    spanish_number_value,
)
from bot.nlu.holidays_es import SPANISH_MONTH_RE, holiday_date, holiday_names, spanish_month
from bot.nlu.self_correction import load_corrections

EVENTS_VOCAB = (_VOCAB_ES := Path(__file__).parent / "vocab" / "es") / "duration_events.yml"
LONG_AGO_WEEKS = 10 * YEAR

_A = "[aá]"
_E = "[eé]"
_I = "[ií]"
_O = "[oó]"
_U = "[uú]"
_UNITS = [  # with diminutives ("unas semanitas"), common misspellings ("4 mese", "3 meces")
    # and the English units of Spanglish ("desde hace 2 weeks")
    ("day", rf"d{_I}as?|d{_I}{_I}tas|diitas|days?"),
    ("week", r"semanas?|semanitas?|sem|weeks?|wks?"),
    ("month", r"mes(?:es)?|mese|meces|mesecitos?|months?"),
    ("year", r"a[ñn]os?|a[ñn]itos?|years?|yrs?"), ("hour", r"horas?|hours?"), ("fortnight", r"quincenas?")]
_UNIT_WEEKS = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR, "hour": 1 / 168, "fortnight": 2 * WEEK}
_UNIT_RE = "|".join(forms for _, forms in _UNITS)
_NUMBER_WORD = (
    rf"un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    rf"|quince|diecis{_E}is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta|cuarenta"
    rf"|cincuenta|sesenta|setenta|ochenta|noventa|cien|{SPANISH_MISSPELT_RE}")
_WORDS = rf"(?:{_NUMBER_WORD})(?:\s+y\s+(?:{_NUMBER_WORD}))?"
_VAGUE = {"par": 2.0, "unos": 3.0, "unas": 3.0, "cuantos": 3.0, "cuantas": 3.0, "varios": 3.0, "varias": 3.0,
          "algunos": 3.0, "algunas": 3.0, "muchos": 5.0, "muchas": 5.0, "pocos": 2.0, "pocas": 2.0,
          "muchisimos": 5.0, "muchisimas": 5.0}  # "un par de", "unos cuantos", "varios"...
_QTY = (rf"(?P<vague>un\s+par\s+de?|unos\s+cuantos|unas\s+cuantas|varios|varias|algunos|algunas"
        rf"|much{_I}simos|much{_I}simas|muchos|muchas|pocos|pocas|unos|unas)|(?P<digits>\d+(?:[.,]\d+)?)|(?P<words>{_WORDS})"
        rf"|(?P<medio>medio|media)")
_QUANTITY_RE = re.compile(
    rf"(?<![\w.,/])(?:{_QTY})(?:\s*(?:-|a|o)\s*(?P<qty2>\d+|{_WORDS}))?\s*(?P<unit>{_UNIT_RE})\b"
    rf"(?P<half>\s+[yi]\s+medi[oa])?(?P<bit>\s+[yi]\s+pico)?", re.I)  # "un mes i medio" as typed
_BARE_UNIT_HALF = re.compile(  # "hace año y medio", "hace semana y media", "mes y pico"
    r"\b(?P<unit>a[ñn]o|mes|semana)\s+y\s+(?:medi[oa]|(?P<bit>pico))\b", re.I)
_BIT = 0.25  # "y pico": a little more
_NOT_BEFORE = re.compile(  # future, frequency, age, pregnancy
    rf"(?:\b(?:en|dentro\s+de|cada|pr{_O}xim[oa]s?|por|durante|al|a\s+la|veces|vez|si|alg{_U}n|otro|ojal{_A})"
    rf"|\b(?:tengo|tngo|tiene|ten{_I}a|cumpl{_I}|cumple|edad\s+de)"
    # a person's age ("mi padre, 76 años", "mi mamá de 72 años", "mi sobrino de 3 años")
    rf"|\b(?:hij[oa]|ni[ñn][oa]|beb{_E}|niet[oa]|nene|nena|chamac[oa]|sobrin[oa]|padre|madre|pap{_A}"
    rf"|mam{_A}|abuel[oa]|espos[oa]|marido|suegr[oa]|se[ñn]or[a]?|paciente|embarazada\s+de|embarazo\s+de)"
    rf"(?:\s+\w+)?(?:\s+de|\s*,|\s*\())\s*$", re.I)
_DURATION_VERB_BEFORE = re.compile(  # "por 3 semanas" after the pain, "tengo 3 años con dolor"
    rf"\b(?:dolor|duele|duelen|molesta|molestia|sufro|sufriendo|aguantando|as{_I}|con\s+esto)"
    rf"(?:\s+\w+){{0,4}}\s+(?:por|durante)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s+(?:de\s+edad|cumplidos)\b", re.I)
_HAVE_FOR = re.compile(  # "tengo 3 años con este dolor" is how long; "tengo 45 años" an age
    rf"^\s+(?:con|que|as{_I}|sufriendo|padeciendo|de\s+dolor|aguantando)\b", re.I)
_FREQ_AFTER = re.compile(rf"^\s+(?:(?:a\s+la|al|por|cada)\s+(?:semana|mes|a[ñn]o|d{_I}a)\b"
                         rf"|de\s+estos\b|(?:\w+\s+)?y\s+otro\b)", re.I)  # "un día sí y otro no", "un día arriba y otro abajo"
# "3 días de reposo", "una semana en cama": how long a rest or a leave lasted
_COURSE_AFTER = re.compile(
    rf"^\s+(?:de\s+(?:reposo|incapacidad|descanso|baja|terapia|fisio\w*|rehabilitaci{_O}n|antibi{_O}ticos?"
    rf"|tratamiento|pastillas|inyecciones)|en\s+(?:la\s+)?(?:cama|reposo)|tomando)\b", re.I)
_COURSE_BEFORE = re.compile(  # "tomé ibuprofeno por dos semanas": the medicine's course
    rf"\b(?:tom{_E}|tomando|tomo|tomaba|terapia|fisio\w*|rehabilitaci{_O}n|pastillas?|sesiones"
    rf"|medicamentos?|medicina|masajes?|reposo|incapacidad|me\s+recet\w+|me\s+dieron|me\s+mand{_O}|me\s+mandaron"
    rf"|prednisona|ibuprofeno|paracetamol|naproxeno|diclofenaco|tramadol|pregabalina|gabapentina"
    rf"|antibi{_O}ticos?)\b"
    rf"[^,.;!?]*?(?:\b(?:por|durante))?\s*$", re.I)

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
    rf"|ni[ñn][oa]|chiquit[oa]|joven|peque[ñn][oa]|la\s+adolescencia|la\s+juventud|siempre"
    rf"|que\s+tengo\s+memoria|que\s+me\s+acuerdo)"
)
_ONSET = (rf"desde|dsd|since(?=\s+(?:el|la|los|las|ayer|anoche|antier|anteayer)\b)|choqu{_E}|m(?:e)?\s+resbal{_E}|se\s+resbal{_O}|se\s+cay{_O}|me\s+choc\w+|tuve\s+un\s+accidente|empez{_O}|comenz{_O}|inici{_O}|me\s+empez{_O}|me\s+dio|me\s+lastim{_E}"
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
# "anteayer me empezó"
_POINT_FIRST_RE = re.compile(
    rf"(?<!\w)(?:{_POINT})(?:\s+(?:por|en)\s+la\s+(?:tarde|ma[ñn]ana|noche|madrugada))?,?\s+(?:(?:yo|que|como)\s+)?(?:me\s+|se\s+me\s+)?(?:dio\s+(?:un|el)\s+(?:tir{_O}n|jal{_O}n|dolor|lumbago)|resbal{_E}|ca{_I}|tropec{_E}|lastim{_E}|golpe{_E}"
    rf"|torc{_I}|dobl{_E}|jal{_E}|pegu{_E}|choqu{_E}|accident{_E}|empez{_O}|comenz{_O}|inici{_O}|vino|agarr{_O})\b", re.I)
# a bare unit as the whole answer: "Años, mija, ya ni me acuerdo", "meses ya"
_LEADING_VAGUE_RE = re.compile(r"^\W*(?:(?:uy|ay|uf|huy|ufff*|pues|pos|ah|ahh*|mmm*|este|bueno|h[ií]jole|n{0,1}ombre)\W+)*(?P<unit>a[ñn]os|meses|semanas)\b(?!\s+(?:de|que|con|sin)\b)", re.I)
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
_VAGUE_RE = re.compile(
    rf"\b(?:desde\s+)?hace\s+(?P<unit>d{_I}as|semanas|meses|a[ñn]os)\b"
    rf"|\b(?:por|durante)\s+(?P<unit2>semanas|meses|a[ñn]os)\b"
    rf"|\b(?P<unit3>a[ñn]os|meses)\s+(?:con|as{_I}|sufriendo)\b"
    rf"|\bde\s+a[ñn]os\b"
    rf"|\b(?:hace|desde\s+hace)\s+(?:mucho|bastante)(?:\s+tiempo)?\b"
    rf"|(?<!estoy\s)(?<!estar\s)(?<!paso\s)\bmucho\s+tiempo\b(?!\s+(?:sentad|parad|de\s+pie|caminando|manejando))"
    rf"|\b(?:toda\s+la\s+vida|toda\s+mi\s+vida|de\s+toda\s+la\s+vida|desde\s+siempre|a[ñn]os\s+y\s+a[ñn]os)\b"
    rf"|\bhace\s+(?:poco|unos\s+d{_I}as)\b"
    # "ya va pa'l año", "eso tiene años ya": the time the pain has been going on
    rf"|\b(?:ya\s+)?va\s+(?:pa|para|pal)\s+(?:el\s+|un\s+)?a[ñn]o\b"
    rf"|\b(?:eso|esto|ya|dolor)\s+(?:ya\s+)?tiene\s+(?P<unit4>a[ñn]os|meses)\b", re.I)
# a number taken back at once ("tres meses, no, perdón, cuatro"; words: vocab/es/corrections.yml)
_CORRECTED = re.compile(rf"^{load_corrections(_VOCAB_ES).lead}"
                        rf"(?P<n>\d+|{_WORDS})\b(?!\s+(?:{_UNIT_RE})\b)", re.I)
# the date the patient writes on, said ("y ahora, a primeros de febrero, sigo igual", "hoy es 20
# de febrero"): the pain's start is counted back from it, not from the day the message is read
_STATED_NOW = re.compile(
    rf"\b(?:(?:ahora|ahorita|hoy|ya)\s+(?:que\s+)?(?:ya\s+)?(?:(?:es|estamos)\s+(?:a\s+|en\s+)?|(?:a|en)\s+)"
    rf"|(?:estamos|vamos|andamos)\s+(?:ya\s+)?(?:a|en|por)\s+)(?:(?:el\s+)?(?P<day>[1-9]|[12]\d|3[01])\s+de\s+|(?P<part>mediados|principios"
    rf"|primeros|finales|fines)\s+de\s+)?(?P<month>{SPANISH_MONTH_RE})\b", re.I)
_TODAY_WEEKDAY = re.compile(rf"\bhoy\s+(?:es|ya\s+es|estamos\s+a)\s+({_WEEKDAY_RE})\b", re.I)
_PART_DAY = {"mediados": 15, "principios": 5, "primeros": 5, "finales": 25, "fines": 25}
_VAGUE_UNIT = {"dias": 3 * DAY, "días": 3 * DAY, "semanas": 3 * WEEK, "meses": 3 * MONTH,
               "anos": 3 * YEAR, "años": 3 * YEAR}
_JOIN_RE = re.compile(r"^\s*(?:,|y|con)?\s*$", re.I)
_PLAIN = str.maketrans("áéíóúñ", "aeioun")


def _plain(word: str) -> str:
    return word.lower().translate(_PLAIN).replace("savado", "sabado")


def _unit(text: str) -> str | None:
    for unit, forms in _UNITS:
        if re.fullmatch(forms, text, re.I):
            return unit
    return None


def _quantity_value(m: re.Match) -> tuple[float, bool] | None:
    if m.group("vague"):
        key = _plain(m.group("vague")).split()[-1]
        return _VAGUE["par" if key in ("de", "d") else key], True
    if m.group("digits"):
        return float(m.group("digits").replace(",", ".")), False
    if m.group("medio"):
        return 0.5, False
    value = spanish_number_value(m.group("words"))
    return (value, False) if value is not None else None


def _quantities(text: str):
    found = []
    for m in _QUANTITY_RE.finditer(text):
        unit = _unit(m.group("unit"))
        if unit is None:
            continue
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
        said_before = re.search(r"\b(?:hace|desde\s+hace|llevo|lleva|ya\s+son|ya\s+van"
                                # "ya va para seis meses", "o sea que son como cuatro meses"
                                r"|va\s+(?:pa|para|pal)|son(?:\s+(?:como|unos|unas|casi|ya))?"
                                # "el dolor tiene 2 semanas": the pain's age, not the patient's
                                r"|(?:dolor|molestia|esto|eso)\s+(?:ya\s+)?tiene|\b(?:dolor|molestia)\b[^,.;]{0,25}\bque\s+(?:ya\s+)?tiene)\s*$", before, re.I)
        if not said_before:
            if _NOT_BEFORE.search(before) and not _DURATION_VERB_BEFORE.search(before) and not (
                    re.search(r"\b(?:tengo|tngo|tiene|ten[ií]a)\s*$", before, re.I) and _HAVE_FOR.match(after)):
                continue
            if _FREQ_AFTER.match(after) or _AGE_AFTER.match(after):
                continue
            if _COURSE_BEFORE.search(before) or _COURSE_AFTER.match(after):
                continue
        parsed = _quantity_value(m)
        if parsed is None:
            continue
        value, vague = parsed
        if m.group("qty2"):  # "2 o 3 semanas", "2-3 meses": the middle
            second = float(m.group("qty2")) if m.group("qty2").isdigit() else spanish_number_value(m.group("qty2"))
            if second is None or second < value:
                continue
            value = (value + second) / 2
        if m.group("half"):
            value += 0.5
        if m.group("bit"):
            value += _BIT
        fixed = _CORRECTED.match(after)
        if fixed:
            n = fixed.group("n")
            value = float(n) if n.isdigit() else (spanish_number_value(n) or value)
        found.append([m.start(), m.end(), value * _UNIT_WEEKS[unit], vague, _UNIT_WEEKS[unit]])
    for m in _BARE_UNIT_HALF.finditer(text):  # "hace año y medio" (not "un año y medio" again)
        if any(s <= m.start() < e for s, e, *_ in found):
            continue
        size = 1 + (_BIT if m.group("bit") else 0.5)
        found.append([m.start("unit"), m.end(), size * _UNIT_WEEKS[_unit(m.group("unit"))], False, 0])
    return joined_compounds(sorted(found), text, _JOIN_RE)  # "2 años y 3 meses" is one duration


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
    for m in _LEADING_VAGUE_RE.finditer(text):
        found.append((m.start(), m.end(), _VAGUE_UNIT[_plain(m.group("unit"))], True, 1))
    for m in _VAGUE_RE.finditer(text):
        unit = m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")
        phrase = _plain(m.group(0))
        if unit:
            weeks = _VAGUE_UNIT[_plain(unit)]
        elif "vida" in phrase or "siempre" in phrase:
            weeks = LONG_AGO_WEEKS
        elif "anos" in phrase:  # "dolor de años"
            weeks = 3 * YEAR
        elif "poco" in phrase or "unos dias" in phrase:
            weeks = 3 * DAY
        else:  # "hace mucho tiempo"
            weeks = YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return found


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
    quantities = _quantities(text)  # a date the patient turns into a count gives way to it
    # "... y sigo con dolor": the story's time, unless the message counts the length
    tied = [] if quantities else ongoing_since(text, today, "es", _STORY_POINT_RE, _story_point_weeks)
    points = _starting_points(text, today) + anchors(text, today) + dated_events(text, today) + tied
    candidates = quantities + restated(text, quantities, points)
    precise = [c for c in candidates if c[4] != 2]  # "desde Semana Santa, como dos meses": the number
    found = choose_mentions(text, precise, _other_events()) or choose_mentions(text, candidates, _other_events())
    tied_spans = {(c[0], c[1]) for c in tied}  # a time the pain is said to have lasted from is the pain's
    return [m for m in found if (m.start, m.end) in tied_spans
            or not _dates_injury_only(text, m, len(found) > 1)]  # another time: the pain's
