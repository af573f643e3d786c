"""The durations one message tells, in the language it is read in.

The featurizer and the extractor both ask for each message, so the reading is kept for the
last few messages (it depends on the text, the language and today's date)."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Tuple

from bot.nlu import reading_day
from bot.nlu.duration import parse_durations
from bot.nlu.duration_es import parse_durations_es
from bot.nlu.duration_mentions import DurationMention
from bot.nlu.duration_relative import as_mention, shares
from bot.nlu.duration_units import _round2
from bot.nlu.language import reading_language
from bot.nlu.number_spelling_es import durations_spelt_es
from bot.triage import classify_duration


def durations(text: str, language: str) -> Tuple[DurationMention, ...]:
    """The durations of a message read in `language`; one that tells no language ("3
    semanas") is read in Spanish when English finds none."""
    return _durations_on(text, language, reading_day.today())  # bot/nlu/reading_day.py


@lru_cache(maxsize=64)  # the featurizer and the extractor both ask, for each message
def _durations_on(text: str, language: str, today: datetime.date) -> Tuple[DurationMention, ...]:
    # "half as long as I've been on Eliquis, and that's a year" (bot/nlu/duration_relative.py)
    return tuple(shares(text, _read(text, language, today), as_mention(text, classify_duration, _round2)))


def _read(text: str, language: str, today: datetime.date) -> Tuple[DurationMention, ...]:
    if language == "es":  # Spanglish: "tengo back pain since last week"
        return tuple(durations_spelt_es(text, today, parse_durations_es) or parse_durations(text, today))
    found = parse_durations(text, today)
    # (not where English read a count in its own units and set it aside: "plasterer 25 yrs")
    # nor where English read none but Spanish words tell the time ("me duele since el lunes")
    if ((not found and (reading_language(text) == "" or _SPANISH_POINT.search(text))
         and not _ENGLISH_UNIT.search(text)) or _SPANISH_UNIT.search(text)):
        # Spanglish read as English: "since like last summer, como 7 meses"
        found = durations_spelt_es(text, today, parse_durations_es) or found
    return tuple(found)


_SPANISH_UNIT = re.compile(r"\b(?:semanas?|mes|meses|a[ñn]os|d[ií]as|quincenas?)\b", re.I)
_SPANISH_POINT = re.compile(r"\b(?:desde|since|hace)\s+(?:el|la|los|las|ayer|anoche|antier)\b", re.I)
_ENGLISH_UNIT = re.compile(r"\d\s*(?:yrs?|years?|wks?|weeks?|months?|mos|days?)\b", re.I)
