"""Lengths told relative to another length in the same message.

* "started the new job 3 months ago, my back started acting up about a month in": a length
  "in" or "into" something counts from that thing's start; with the thing's own time told
  before it, the pain's is the difference (2 months); without, it times nothing of the pain's
  ("one month into the new job" says when, not how long).
* "I've been off work 3 weeks but the pain started a week before that": a length "before
  that" adds to the one before it (4 weeks).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

_INTO_AFTER = re.compile(
    r"^\s+(?:in(?=\s*(?:$|[,.;!?]|and\b|but\b|or\b|when\b|to\s+(?:it|the|my)\b))|into\s+(?:the|my|this|that|it|a|his|her)\b)",
    re.I)
_BEFORE_THAT_AFTER = re.compile(r"^\s+(?:before\s+(?:that|then|this)|earlier\s+than\s+that|prior\s+to\s+that)\b", re.I)

_STARTED_BEFORE = re.compile(r"\b(?:start(?:ed|ing)?|began|begun|came\s+on|kicked\s+in|hit|happened|it\s+was)"
                             r"(?:\s+(?:about|around|like|maybe|roughly|at\s+least|only|just))*\s*$", re.I)


def relative_lengths(text: str, mentions: Sequence, make: Callable[[int, int, float], object]) -> list:
    """`mentions` (DurationMentions in text order) with the relative ones resolved; `make`
    builds a mention from (start, end, weeks)."""
    result = list(mentions)
    for later in list(result):
        after = text[later.end:later.end + 40]
        into, before_that = _INTO_AFTER.match(after), _BEFORE_THAT_AFTER.match(after)
        # "started a week before that" is an offset; "had aches for 2 years before that" a span
        before_that = before_that and _STARTED_BEFORE.search(text[max(0, later.start - 40):later.start])
        if not (into or before_that):
            continue
        earlier = [m for m in result if m.end <= later.start]
        if not earlier:
            if into:
                result.remove(later)
            continue
        first = earlier[-1]
        weeks = first.weeks - later.weeks if into else first.weeks + later.weeks
        result.remove(later)
        if weeks > 0:
            result[result.index(first)] = make(first.start, later.end, weeks)
        elif into:
            result.remove(first)
    return result


def as_mention(text: str, classify: Callable[[float], str], rounding: Callable[[float], float]):
    """The `make` of relative_lengths for DurationMention."""
    from bot.nlu.duration import DurationMention

    def make(start: int, end: int, weeks: float):
        weeks = rounding(weeks)
        return DurationMention(start, end, text[start:end], weeks, classify(weeks), False)
    return make

