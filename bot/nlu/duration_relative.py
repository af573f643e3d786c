"""Lengths told relative to another length in the same message.

* "started the new job 3 months ago, my back started acting up about a month in": a length
  "in" or "into" something counts from that thing's start; with the thing's own time told
  before it, the pain's is the difference (2 months); without, it times nothing of the pain's
  ("one month into the new job" says when, not how long).
* "I've been off work 3 weeks but the pain started a week before that", "on gabapentin for 6
  months but the pain was there a good year before that": a length "before that" adds to the
  one before it (4 weeks, 18 months).
* "about half as long as I've been on Eliquis, and that's a year", "la mitad de lo que llevo en
  el trabajo, que son 4 meses": a share of the next length (vocab/relative_lengths.yml).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import yaml

_INTO_AFTER = re.compile(
    r"^\s+(?:in(?=\s*(?:$|[,.;!?]|and\b|but\b|or\b|when\b|to\s+(?:it|the|my)\b))|into\s+(?:the|my|this|that|it|a|his|her)\b)",
    re.I)
_BEFORE_THAT_AFTER = re.compile(r"^\s+(?:before\s+(?:that|then|this)|earlier\s+than\s+that|prior\s+to\s+that)\b", re.I)

# ("the back went about 2 weeks before that", "the pain was there a good year before that")
_STARTED_BEFORE = re.compile(r"\b(?:start(?:ed|ing)?|began|begun|came\s+on|kicked\s+in|hit|happened|it\s+was"
                             r"|went(?:\s+out)?|(?:was|were|been)\s+(?:there|around|present|going(?:\s+on)?))"
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
    from bot.nlu.duration_mentions import DurationMention

    def make(start: int, end: int, weeks: float):
        weeks = rounding(weeks)
        return DurationMention(start, end, text[start:end], weeks, classify(weeks), False)
    return make



RELATIVE_VOCAB = Path(__file__).parent / "vocab" / "relative_lengths.yml"


@lru_cache(maxsize=1)
def _shares() -> list[tuple[re.Pattern, float]]:
    data = yaml.safe_load(RELATIVE_VOCAB.read_text(encoding="utf-8")) or {}
    shares = []
    for key, share in data.items():
        if (not isinstance(share, dict) or set(share) != {"factor", "words"}
                or not isinstance(share["factor"], (int, float)) or not 0 < share["factor"] <= 10
                or not share["words"] or not all(isinstance(w, str) for w in share["words"])):
            raise ValueError(f"{RELATIVE_VOCAB.name}: {key} needs a factor (0-10] and a list of words")
        words = "|".join(f"(?:{w})" for w in share["words"])
        shares.append((re.compile(rf"\b(?:{words})(?!\w)", re.I), float(share["factor"])))
    return shares


_shares()  # checked when the parser is imported, at start-up: a bad entry stops it


def shares(text: str, mentions: Sequence, make: Callable[[int, int, float], object]) -> list:
    """`mentions` with a length told as a share of the next one ("half as long as I've been on
    Eliquis, and that's a year": 26 weeks) put in place of that one."""
    result = list(mentions)
    said = sorted(((m, factor) for pattern, factor in _shares() for m in pattern.finditer(text)),
                  key=lambda said: (said[0].start(), -said[0].end()))
    taken = 0  # "twice as long as I've": one share, not "as long as I've" again
    for m, factor in said:
        if m.start() < taken:
            continue
        sentence_end = re.search(r"[.!?\n]", text[m.end():])
        limit = m.end() + (sentence_end.start() if sentence_end else len(text))
        other = next((d for d in result if m.end() <= d.start and d.end <= limit), None)
        if other is not None:
            result[result.index(other)] = make(m.start(), other.end, other.weeks * factor)
            taken = m.end()
    return sorted(result, key=lambda d: d.start)


def told_as_share(mention) -> bool:
    """Whether `mention` is a share of another length ("half as long as I've been on Eliquis,
    and that's a year"): the other thing it names is its measure, not what it times."""
    return any(pattern.match(mention.text) for pattern, _ in _shares())
