"""Spanish lengths said as a count or vaguely: "hace dos semanas", "un mes y pico", "hace años".

Read for bot/nlu/duration_es.py: a quantity and a unit ("quince días", "un par de semanas",
"2 años y 3 meses", misspelt number words and units as typed: "sinco meses", vocab
misspelt_numbers.yml), and vague spans ("hace años", "toda la vida", "hace mucho tiempo").
Not a count of the pain: an age, a pregnancy, the future, a frequency, a medicine's course.
Candidates are (start, end, weeks, vague, priority) as duration_es.py chooses among them.
"""
from __future__ import annotations

import re
from pathlib import Path

from bot.nlu.duration_units import (
    DAY,
    MONTH,
    SPANISH_MISSPELT_RE,
    WEEK,
    YEAR,
    joined_compounds,
    spanish_number_value,
)
from bot.nlu.self_correction import load_corrections

_VOCAB_ES = Path(__file__).parent / "vocab" / "es"
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
    ("month", r"mes(?:es)?|mese|meces|messes|mesecitos?|months?"),
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
    rf"(?:\s+\w+)?(?:\s+de|\s*,|\s*\()"
    # a pregnancy's months ("estoy embarazada de 7 meses y hace dos semanas me empezó")
    rf"|\b(?:embarazada|embarazo|encinta|pre[ñn]ada)\s+de(?:\s+(?:como|casi|unos|unas|ya))?)\s*$", re.I)
_DURATION_VERB_BEFORE = re.compile(  # "por 3 semanas" after the pain, "tengo 3 años con dolor"
    rf"\b(?:dolor|duele|duelen|molesta|molestia|sufro|sufriendo|aguantando|as{_I}|con\s+esto)"
    rf"(?:\s+\w+){{0,4}}\s+(?:por|durante)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s+(?:de\s+(?:edad|embarazo|gestaci[oó]n)|cumplidos)\b", re.I)
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
    rf"|me\s+acost{_E}|me\s+tumb{_E}|acostad[oa]|tumbad[oa]|tirad[oa]|en\s+cama"  # "me acosté dos días"
    rf"|antibi{_O}ticos?)\b"
    rf"[^,.;!?]*?(?:\b(?:por|durante))?\s*$", re.I)

_LEADING_VAGUE_RE = re.compile(r"^\W*(?:(?:uy|ay|uf|huy|ufff*|pues|pos|ah|ahh*|mmm*|este|bueno|h[ií]jole|n{0,1}ombre)\W+)*(?P<unit>d[eé]cadas|a[ñn]os|meses|semanas)\b(?!\s+(?:de|que|con|sin)\b)", re.I)
_VAGUE_RE = re.compile(
    rf"\b(?:desde\s+)?hace\s+(?P<unit>d{_I}as|semanas|meses|a[ñn]os)\b"
    rf"|\b(?:por|durante)\s+(?P<unit2>semanas|meses|a[ñn]os)\b"
    rf"|\b(?P<unit3>a[ñn]os|meses|d{_E}cadas)\s+(?:con|as{_I}|sufriendo)\b"
    rf"|\bde\s+a[ñn]os\b"
    # "hace muchísimo", "hace un montón", "hace una banda" (River Plate), "hace una eternidad"
    rf"|\b(?:hace|desde\s+hace)\s+(?:mucho|much{_I}simo|bastante|un\s+mont{_O}n|una\s+banda|una\s+eternidad"
    rf"|un\s+chingo|una\s+pila|siglos)(?:\s+de)?(?:\s+tiempo)?\b"
    rf"|(?<!estoy\s)(?<!estar\s)(?<!paso\s)\bmuch(?:o|{_I}simo)\s+tiempo\b(?!\s+(?:sentad|parad|de\s+pie|caminando|manejando))"
    rf"|\b(?:toda\s+la\s+vida|toda\s+mi\s+vida|de\s+toda\s+la\s+vida|desde\s+siempre|a[ñn]os\s+y\s+a[ñn]os)\b"
    rf"|\bhace\s+(?:poco|unos\s+d{_I}as|un\s+rat(?:o|ito)|ratito)\b"
    # decades: "hace décadas", "por décadas", "desde hace décadas"
    rf"|\b(?:desde\s+)?(?:hace|por|durante)\s+(?P<unit6>d{_E}cadas)\b"
    # "ya va pa'l año", "ya voy pa'l año con esto", "eso tiene años ya": the time the pain has been going on
    rf"|\b(?:ya\s+)?(?:va|voy|vamos|van)\s+(?:pa['’]?l?|para|pal)\s+(?:el\s+|un\s+)?a[ñn]o\b"
    rf"|\b(?:eso|esto|ya|dolor)\s+(?:ya\s+)?tiene\s+(?P<unit4>a[ñn]os|meses)\b"
    # the unit alone as a clause after another ("me duele hace mucho, años ya")
    rf"|(?<=[,.;:]\s)(?P<unit5>a[ñn]os|meses)(?:\s+ya)?(?=\s*(?:$|[,.;!?]))", re.I)
# a number taken back at once ("tres meses, no, perdón, cuatro"; words: vocab/es/corrections.yml)
_CORRECTED = re.compile(rf"^{load_corrections(_VOCAB_ES).lead}"
                        rf"(?P<n>\d+|{_WORDS})\b(?!\s+(?:{_UNIT_RE})\b)", re.I)
_VAGUE_UNIT = {"dias": 3 * DAY, "días": 3 * DAY, "semanas": 3 * WEEK, "meses": 3 * MONTH,
               "anos": 3 * YEAR, "años": 3 * YEAR, "decadas": LONG_AGO_WEEKS}
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


def quantities(text: str) -> list[tuple]:
    """Every count of a unit in `text` that may be the pain's length, compounds joined."""
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


def vague_spans(text: str) -> list[tuple]:
    """Lengths said without a number: a bare unit as the answer ("Años, mija"), "hace meses",
    "toda la vida", "hace mucho tiempo", "hace décadas", "hace un rato" (today)."""
    found = []
    for m in _LEADING_VAGUE_RE.finditer(text):
        found.append((m.start(), m.end(), _VAGUE_UNIT[_plain(m.group("unit"))], True, 1))
    for m in _VAGUE_RE.finditer(text):
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4") or m.group("unit5")
                or m.group("unit6"))
        phrase = _plain(m.group(0))
        if unit:
            weeks = _VAGUE_UNIT[_plain(unit)]
        elif "vida" in phrase or "siempre" in phrase:
            weeks = LONG_AGO_WEEKS
        elif "anos" in phrase:  # "dolor de años"
            weeks = 3 * YEAR
        elif "rat" in phrase:  # "me empezó hace un rato": today
            weeks = DAY / 2
        elif "poco" in phrase or "unos dias" in phrase:
            weeks = 3 * DAY
        else:  # "hace mucho tiempo"
            weeks = YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return found
