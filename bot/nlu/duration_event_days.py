"""Days an event told in words the core duration lists lack dates the pain by (English).

"took a hard hit in hockey thurs, back been messed up since", "sat down too hard on the bench
last Sunday and felt something crack", "it startd tuesday", "a car wreck back in 2009 is where
all this neck pain started". The event words are in vocab/event_days.yml; the days are the
duration reader's starting points (bot/nlu/duration_dates.py). Each gives (start, end, weeks,
vague, priority) candidates, as bot/nlu/dated_events.py does, with which they are read.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml

VOCAB = Path(__file__).parent / "vocab" / "event_days.yml"
_KEYS = {"blows", "onsets", "started_here"}
# after a blow, the pain tied to it ("ever since", "still hurts", "felt something crack")
_PAIN_TIED = re.compile(r"\b(?:ever\s+since|since|still|crack(?:ed)?|pop(?:ped)?|hurts?|hurting|sore|stiff"
                        r"|aching|painful|agony|messed\s+up|killing)\b", re.I)
# ... or, before it, the pain said to have started with it ("it started after I went down hard")
_STARTED_WITH = re.compile(r"\b(?:started|began|begun|came\s+on|kicked\s+off)\s+(?:after|when)\s+(?:i\s+|we\s+)?$", re.I)
_TO_COME = re.compile(r"\b(?:next|coming|until|till|by)\s+$", re.I)


def _alternatives(path: Path, data: dict, key: str) -> str:
    items = data.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(w, str) and w for w in items):
        raise ValueError(f"{path.name}: `{key}:` must be a list of regular expressions")
    return "|".join(f"(?:{w})" for w in items)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    from bot.nlu.duration_dates import _SAFE_POINT

    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != _KEYS:
        raise ValueError(f"{VOCAB.name}: needs exactly {sorted(_KEYS)}")
    blows, onsets, here = (_alternatives(VOCAB, data, key) for key in ("blows", "onsets", "started_here"))
    point = rf"(?:(?:on|at|around|about|during|back\s+in|in)\s+)?(?:{_SAFE_POINT})(?![\w])"
    blow = re.compile(rf"\b(?P<cue>{blows})\b(?:,?\s+[\w'’&-]+){{0,10}}?,?\s+{point}", re.I)
    onset = re.compile(rf"\b(?P<cue>{onsets})\s+{point}", re.I)
    started = re.compile(rf"\b(?P<cue>back\s+in|in|on)\s+(?:{_SAFE_POINT})(?![\w])(?=,?\s+(?:{here}))", re.I)
    return blow, onset, started


def event_days(text: str, today: datetime.date) -> list[tuple]:
    """(start, end, weeks, vague, priority) for each day such an event is told on."""
    from bot.nlu.duration_dates import _first_point_start, _point_weeks

    blow, onset, started = _patterns()
    found = []
    for regex in (blow, onset, started):
        for m in regex.finditer(text):
            if regex is blow and not (_PAIN_TIED.search(text, m.end()) or _STARTED_WITH.search(text, 0, m.start())):
                continue  # "got tackled on Saturday" alone tells no pain
            if _TO_COME.search(text, 0, m.end("cue") + 1):
                continue
            weeks, vague = _point_weeks(m, today)
            if weeks is not None:
                found.append((_first_point_start(m), m.end(), weeks, vague, 0))
    return found
