"""A past time in the patient's story, then the pain said to have gone on ever since.

"a car wreck in 1987 and my back has bothered me since", "as a teenager ... never been right
since", "me operaron en 2019 y sigo con dolor": the time told, with a tie after it
(vocab/ongoing_since.yml), dates the pain. Part of the duration parsers (bot/nlu/duration.py,
bot/nlu/duration_es.py), which pass their own ways of saying a point in time."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from bot.nlu.duration_units import YEAR

ONGOING_SINCE = Path(__file__).parent / "vocab" / "ongoing_since.yml"
LONG_AGO_WEEKS = 10 * YEAR  # a time of life: about ten years, said vaguely
_WINDOW = 220  # characters between the time and the tie, at most
# another time between the point and the tie is the one the tie goes back to
_OTHER_TIME = re.compile(r"\d|\b(?:ago|hace|since|desde|last|pasad[oa]|ayer|yesterday|anoche)\b", re.I)
_TO_COME = re.compile(r"\b(?:next|coming|until|till|by|pr[oó]xim[oa]|que\s+viene|hasta)\s+(?:\w+\s+)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_END = re.compile(r"[.!?\n,;:()]|\b(?:but|pero|aunque|though)\b", re.I)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = yaml.safe_load(ONGOING_SINCE.read_text(encoding="utf-8")) or {}
    vocab = {}
    for language, lists in data.items():
        if set(lists) != {"life_stages", "ties", "pain_words", "resolved"}:
            raise ValueError(f"{ONGOING_SINCE.name}: {language} needs life_stages, ties, pain_words, resolved")
        vocab[language] = {key: re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(f"(?:{p})" for p in patterns), re.I)
                           for key, patterns in lists.items()}
    return vocab


def life_stages(language: str) -> str:
    """The regular expression of the times of life in `language`."""
    return _vocab()[language]["life_stages"].pattern


def _tied(text: str, end: int, vocab: dict) -> bool:
    """Whether a tie follows the time ending at `end`, in its sentence or the next, with a
    word of pain between them and no other time."""
    window = text[end:end + _WINDOW]
    ends = [m.start() for m in _SENTENCE_END.finditer(window)]
    if len(ends) >= 2:
        window = window[:ends[1]]
    tie = vocab["ties"].search(window)
    if not tie:
        return False
    gap = window[:tie.start()]
    clause = _CLAUSE_END.search(window, tie.end())  # "... ever since, my back": the tie's clause
    told = window[:clause.start() if clause else len(window)]
    return (not _OTHER_TIME.search(gap) and not vocab["resolved"].search(gap)
            and bool(vocab["pain_words"].search(told)))


def ongoing_since(text: str, today: datetime.date, language: str, point_re: re.Pattern,
                  point_weeks: Callable[[re.Match, datetime.date], tuple]) -> list[tuple]:
    """(start, end, weeks, vague, priority) for each past time a tie after it makes the pain's
    start; `point_re` and `point_weeks` are the language's own points in time (a time of life
    is read here, from the vocabulary)."""
    vocab = _vocab()[language]
    found = []
    for m in vocab["life_stages"].finditer(text):
        if _tied(text, m.end(), vocab):
            found.append((m.start(), m.end(), LONG_AGO_WEEKS, True, 0))
    for m in point_re.finditer(text):
        if _TO_COME.search(text[max(0, m.start() - 25):m.start()]) or not _tied(text, m.end(), vocab):
            continue
        weeks, vague = point_weeks(m, today)
        if weeks is not None and weeks > 0:
            found.append((m.start(), m.end(), weeks, vague, 0))
    return found
