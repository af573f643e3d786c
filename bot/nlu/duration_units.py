"""Numbers and time units as patients type them: "1 1/2", "twenty-one", "a couple of", "2yrs".

Shared by the English and Spanish duration parsers (bot/nlu/duration.py, duration_es.py), with
the one table of misspelt number words (vocab/misspelt_numbers.yml) every reader of them uses.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml
from text_to_num import text2num

from bot.contract import WEEKS_PER_MONTH, WEEKS_PER_YEAR

DAY, WEEK, MONTH, YEAR = 1 / 7, 1.0, WEEKS_PER_MONTH, WEEKS_PER_YEAR

_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_ONES)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
_WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
_WORD_VALUES.update({"zero": 0, "a": 1, "an": 1, "dozen": 12, "a dozen": 12, "a good": 1})


def _misspelt_numbers(path: Path) -> dict:
    """vocab/misspelt_numbers.yml, checked: `spanish` maps lower-case words to a Spanish number
    word text2num reads; each `dictation` list maps lower-case words to whole numbers."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    dictation, spanish = data.get("dictation") or {}, data.get("spanish") or {}
    if set(data) != {"spanish", "dictation"} or set(dictation) != {"before_plural", "before_singular"} or not all(
            isinstance(w, str) and w.isalpha() and w == w.lower() and isinstance(n, int) and 0 < n < 100
            for words in dictation.values() for w, n in (words or {}).items()):
        raise ValueError(f"{path.name}: spanish, and dictation's before_plural and before_singular, "
                         "each word: a number 1-99")
    for said, meant in spanish.items():
        if not (isinstance(said, str) and said.isalpha() and said == said.lower() and isinstance(meant, str)):
            raise ValueError(f"{path.name}: spanish: {said!r}: a lower-case word -> a number word")
        try:
            text2num(meant, "es")
        except ValueError:
            raise ValueError(f"{path.name}: spanish: {said!r} -> {meant!r}: no number word") from None
    return data


_MISSPELT = _misspelt_numbers(Path(__file__).parent / "vocab" / "misspelt_numbers.yml")


def _misspelt_days(path: Path) -> dict:
    """vocab/misspelt_days.yml, checked: one lower-case misspelt word -> a weekday's name."""
    days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and re.fullmatch(r"[a-z]+", k) and v in days for k, v in data.items()):
        raise ValueError(f"{path.name}: each line maps one misspelt word to a weekday's name")
    return data


_MISSPELT_DAYS = _misspelt_days(Path(__file__).parent / "vocab" / "misspelt_days.yml")
_DICTATION = _MISSPELT["dictation"]
SPANISH_MISSPELT: dict[str, str] = dict(_MISSPELT["spanish"])  # "sinco" -> "cinco"
SPANISH_MISSPELT_RE = "|".join(sorted(SPANISH_MISSPELT, key=len, reverse=True))  # for the parsers' patterns
_WORD_VALUES.update({w: n for words in _DICTATION.values() for w, n in words.items()})
# Vague quantities: "a couple of days" is 2 days, "a few weeks" 3 weeks, "several years" 3.
_VAGUE_VALUES = {"couple": 2, "coupla": 2, "cupla": 2, "cuple": 2, "cupple": 2, "few": 3, "several": 3,
                 "many": 5, "handful": 3, "number": 4}

_UNIT_WEEKS = {"hour": 1 / 168, "day": DAY, "week": WEEK, "fortnight": 2 * WEEK,
               "month": MONTH, "year": YEAR, "decade": 10 * YEAR}
_UNIT_FORMS = [  # longest forms first; single letters only straight after digits ("10d")
    ("fortnight", r"fortnights?"), ("decade", r"decades?"),
    ("hour", r"hours?|hrs?"), ("day", r"days?|dys?"),
    ("week", r"weeks?|weeek?s|wks?|weks?|weeeks|wkes?"),
    ("month", r"months?|mnths?|mths?|monts?|moths?|mos?|mounths?|munths?|monhts?|monthes"),
    ("year", r"years?|yrs?|yeras?|yaers?|yeers?|yars?|yeres?|yeares?|yeaes?"),
    ("hour", r"h"), ("day", r"d"), ("week", r"w"), ("year", r"y"),
]
_UNIT_RE = "|".join(f"(?:{forms})" for _, forms in _UNIT_FORMS)
_UNIT_LOOKUP = [(re.compile(f"^(?:{forms})$", re.I), unit) for unit, forms in _UNIT_FORMS]

_WORDNUM = (r"(?:%s)(?:[\s-]+(?:%s))?|%s|%s|zero"
            # dictation's "too weeks" is two, "won month" one, before a unit only ("too long" is not)
            r"|(?:%s)(?=\s+(?:days|weeks|wks|months|years|yrs)\b)|(?:%s)(?=\s+(?:day|week|month|year)\b)"
            # "for a good year", "there a good month before that": "good" only stresses the time
            # ("had a good day", "a good year for us" are no length)
            r"|(?:(?<=\bfor\s)|(?<=\bbeen\s)|(?<=\bthere\s)|(?<=\bover\s)|(?<=\babout\s)|(?<=\bat\sleast\s))"
            r"a\s+good(?=\s+(?:fortnight|month|year)\b)"
            % ("|".join(_TENS), "|".join(_ONES), "|".join(_TEENS), "|".join(_ONES),
               "|".join(_DICTATION["before_plural"]), "|".join(_DICTATION["before_singular"])))
_DIGITS = r"\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?\s*½|½|\d+(?:\.\d+)?\+?"


def _number(text: str) -> tuple[float, bool] | None:
    """(value, vague) of a quantity such as "1 1/2", "twenty-one", "a couple of", "half a"."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    for word, value in _VAGUE_VALUES.items():
        if word in t.split():
            return float(value), True
    if t.startswith("half") or t == "a half":
        return 0.5, False
    if t in _WORD_VALUES:
        return float(_WORD_VALUES[t]), False
    parts = t.split()
    if len(parts) == 2 and parts[0] in _WORD_VALUES and parts[1] in _WORD_VALUES:
        return float(_WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]]), False  # "twenty one"
    if "½" in t:
        whole = t.replace("½", "").strip()
        return (float(whole) if whole else 0.0) + 0.5, False
    total = 0.0
    for part in parts:
        if "/" in part:
            num, den = part.split("/", 1)
            if float(den) == 0:
                return None
            total += float(num) / float(den)
        else:
            total += float(part.rstrip("+"))  # "10+ years": at least ten
    return total, False


def spanish_number_value(text: str) -> float | None:
    """The number a Spanish number word or phrase says ("quince", "veintiún", "treinta y sinco"),
    misspelt words read as the table says; None when it is no number."""
    words = " ".join(SPANISH_MISSPELT.get(w, w) for w in text.lower().split())  # "treinta y sinco"
    words = re.sub(r"[uú]n$", "uno", words)  # "veintiún"
    if words in ("un", "una", "uno"):
        return 1.0
    try:
        return float(text2num(words, "es"))
    except ValueError:
        return None


def joined_compounds(found: list, text: str, joins: re.Pattern) -> list[tuple]:
    """Quantities found in text order, [start, end, weeks, vague, unit's weeks], with "2 years and
    3 months" made one (a smaller unit next, only `joins` words between), as (start, end,
    weeks, vague, 0) candidates: shared by the English and Spanish parsers."""
    merged: list = []
    for item in found:
        if merged and item[4] < merged[-1][4] and joins.match(text[merged[-1][1]:item[0]]):
            prev = merged[-1]
            merged[-1] = [prev[0], item[1], prev[2] + item[2], prev[3] or item[3], item[4]]
        else:
            merged.append(item)
    return [(s, e, w, v, 0) for s, e, w, v, _ in merged]


def _round2(weeks: float) -> float:
    """Half-up, as people round: a month is 4.345 -> 4.35 weeks."""
    # round(.., 9) first: 5 * 4.345 is 21.724999999999998 in binary, 21.725 on paper
    return float(Decimal(repr(round(weeks, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _unit_of(text: str) -> str | None:
    for pattern, unit in _UNIT_LOOKUP:
        if pattern.match(text):
            return unit
    return None


_UNIT_WORDS = ("day", "days", "week", "weeks", "month", "months", "year", "years")
_BEFORE_UNIT = re.compile(r"(?<![\w'])(?:\d+|a|an|few|couple|several|many|%s)(?:\s+|-)([a-z]{4,6})\b"
                          % "|".join(sorted(_WORD_VALUES, key=len, reverse=True)), re.I)


def _one_slip(word: str, unit: str) -> bool:
    """One letter changed, or two neighbours swapped: a word the same length as `unit`."""
    diff = [i for i, (a, b) in enumerate(zip(word, unit)) if a != b]
    return len(word) == len(unit) and (len(diff) == 1 or (
        len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == unit[diff[1]] and word[diff[1]] == unit[diff[0]]))


def units_respelt(text: str, ordinary=frozenset()) -> str:
    """`text` with a unit misspelt after a number by one slip of the keys written as the unit
    ("a few weaks", "3 yaers", "two wekks"), as long as the word is no ordinary word (`ordinary`:
    "2 ways", "a mouth" stay); the same length, so every offset stays."""
    def respell(m: re.Match) -> str:
        word = m.group(1).lower()
        if _unit_of(word) or word in ordinary:
            return m.group(0)
        unit = next((u for u in _UNIT_WORDS if _one_slip(word, u)), None)
        return m.group(0) if unit is None else m.group(0)[:m.start(1) - m.start()] + unit
    return _BEFORE_UNIT.sub(respell, text)
