"""Spanish number words misspelt as they sound, read by one spelling rule instead of a list.

Patients write numbers as they hear them: seseo ("sinco", "dies", "kinse", "trenta"), b for v
("beinte", "nuebe"), a dropped or added h, y for i ("seys"), a final s dropped ("tre semana")
or a final vowel heard closed ("cuatru", "sieti"), "vente" for "veinte". text2num reads only the
right spelling, and vocab/misspelt_numbers.yml lists a few misspellings one by one. Here every
word is reduced to a sound key (c before e/i, z and s alike; b and v; qu and k; ...) and a
word whose key is a number word's key, straight before a time unit or "y", is read as that
number word: the text is respelt, parsed by bot/nlu/duration_es.py, and the durations found
are put back on the patient's own characters.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Callable, Dict, List, Tuple

from bot.nlu.duration_mentions import DurationMention
from bot.nlu.duration_units import spanish_number_value

_NUMBER_WORDS = (
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco "
    "veintiséis veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta "
    "noventa cien").split()
# keys of everyday words a number's key would take ("de" is diez's, "sin" cien's, "se" seis'):
# never read as numbers
_NOT_NUMBERS = {"de", "se", "do", "sin", "si", "di", "dio"}
_UNIT_NEXT = re.compile(r"\s+(?:y\b|d[ií]|sem|mes|me[cs]|a[ñn]|an[oi]|hora|quincen|week|month|year|day)", re.I)
_WORD = re.compile(r"[a-záéíóúüñ]+", re.I)
_PLAIN = str.maketrans("áéíóúü", "aeiouu")


def sound_key(word: str) -> str:
    """The word as it sounds in Latin American Spanish, spelt one way."""
    w = word.lower().translate(_PLAIN)
    w = w.replace("ch", "0").replace("ll", "i")  # "ocho" keeps its ch
    w = re.sub(r"qu(?=[ei])", "k", w)
    w = re.sub(r"q(?=[uao])u?", "ku", w)  # "quatro" is "cuatro"
    w = re.sub(r"c(?=[ei])", "s", w)
    w = w.replace("c", "k").replace("z", "s").replace("v", "b").replace("y", "i").replace("h", "")
    w = re.sub(r"ei(?!s?$)", "e", w).replace("ie", "i")  # "vente", "trenta", "disiseis"; seis keeps its i
    w = re.sub(r"(.)\1", r"\1", w)  # "messes"
    w = re.sub(r"s$", "", w)  # "tre semana"
    w = re.sub(r"un$", "uno", w)  # "veintiún"
    w = re.sub(r"u$", "o", w)  # "cuatru"
    w = re.sub(r"i$", "e", w)  # "sieti"
    return w


@lru_cache(maxsize=1)
def _by_key() -> Dict[str, str]:
    keys = {sound_key(word): word for word in _NUMBER_WORDS}
    return {key: word for key, word in keys.items() if key not in _NOT_NUMBERS}


def respelt(text: str) -> Tuple[str, List[Tuple[int, int, int]]]:
    """(text with each misspelt number word before a unit written right, [(start in the new
    text, end in it, shift to the old)]): empty edits when nothing was respelt."""
    out, edits, last, shift = [], [], 0, 0
    for m in _WORD.finditer(text):
        word = m.group()
        right = _by_key().get(sound_key(word))
        if right is None or spanish_number_value(word) is not None or not _UNIT_NEXT.match(text, m.end()):
            continue
        out.append(text[last:m.start()])
        new_start = m.start() + shift
        out.append(right)
        shift += len(right) - len(word)
        edits.append((new_start, new_start + len(right), shift))
        last = m.end()
    out.append(text[last:])
    return "".join(out), edits


def _old_offset(position: int, edits: List[Tuple[int, int, int]], end: bool) -> int:
    """A position in the respelt text back in the patient's text (inside a respelt word: that
    word's start, or its end for an end)."""
    shift = 0
    for start, stop, after in edits:
        if position >= stop:
            shift = after
        elif position >= start:
            return stop - after if end else start - shift
    return position - shift


def durations_spelt_es(text: str, today: datetime.date,
                       parse: Callable[[str, datetime.date], List[DurationMention]]) -> List[DurationMention]:
    """`parse`'s durations of `text`, misspelt number words before a unit read as numbers."""
    found = parse(text, today)
    new, edits = respelt(text)
    if not edits:
        return found
    mapped = []
    for d in parse(new, today):
        start, end = _old_offset(d.start, edits, False), _old_offset(d.end, edits, True)
        mapped.append(DurationMention(start, end, text[start:end], d.weeks, d.category, d.vague))
    return mapped or found
