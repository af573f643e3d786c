"""How long the pain has lasted, in weeks, from a patient's own words.

Pure and Rasa-free: `parse_durations("sciatica for a year and a half")` finds every duration
in a message, in text order, with its span, its length in weeks and its category. Three kinds
of wording are understood:

* a quantity and a unit: "6 months", "six months", "2yrs", "1 1/2 years", "a year and a
  half", "3 or 4 weeks ago", "a couple of days", "several years";
* a starting point: "since yesterday", "started last week", "since March", "since my car
  accident in 2019", "since I was a teenager" (counted up to `today`);
* vague spans: "for years", "decades", "for ages", "a long time".

Anything negative, in the future ("in 2 weeks", "since tomorrow"), a frequency ("twice a
day", "3 days a week"), an age ("45 years old") or longer than 100 years gives no mention.
A duration that dates another event ("had a mastectomy 5 yrs ago, now mid-back pain") gives
no mention either: the words for such events are in vocab/duration_events.yml.
All patterns are compiled once; a typical message takes a few microseconds.

This module gathers the candidates and picks the mentions: quantities ("6 months") are read
in duration_quantities.py, shorthand and other wordings in duration_shorthand.py, lengths
counted from a birth or an age in duration_births.py, numbers and units in duration_units.py,
starting points in duration_dates.py (the weeks since a date in duration_calendar.py), other
events in duration_events.py, the choice among candidates in duration_mentions.py.
"""
from __future__ import annotations

import datetime
import re

from bot.nlu.dated_events import dated_events
from bot.nlu.duration_anchor import _anchor
from bot.nlu.duration_births import _births
from bot.nlu.duration_calendar import _point_weeks
from bot.nlu.duration_dates import _SAFE_POINT, _starting_points
from bot.nlu.duration_events import other_events
from bot.nlu.duration_mentions import DurationMention, choose_mentions
from bot.nlu.duration_ongoing import ongoing_since
from bot.nlu.duration_quantities import _quantities
from bot.nlu.duration_relative import as_mention, relative_lengths
from bot.nlu.duration_restated import restated
from bot.nlu.duration_shorthand import _shorthand
from bot.nlu.duration_told_from import told_from
from bot.nlu.duration_units import _round2, units_respelt
from bot.triage import classify_duration  # the contract's categories, defined once

# a past time told anywhere in the story ("in 2018", "last week", "on Tuesday"), for
# bot/nlu/duration_ongoing.py
_STORY_POINT_RE = re.compile(r"(?<![\w])(?:(?:in|on|at|around|about|during|back\s+in)\s+)?(?:%s)(?![\w])" % _SAFE_POINT,
                             re.I)


def parse_durations(text: str, today: datetime.date | None = None) -> list[DurationMention]:
    """Every duration stated in `text`, in text order (overlaps: the longest span wins)."""
    if not text or not isinstance(text, str):
        return []
    today = today or datetime.date.today()
    from bot.nlu.drugs import english_words  # the lemma tables, read once for the drug names too

    text = units_respelt(text, english_words())  # "a few weaks"
    anchor = _anchor(text, today)
    if anchor:  # counted back from the day the patient says it is; that day is no duration
        today, a, b = anchor
        text = text[:a] + " " * (b - a) + text[b:]
    # (start, end, weeks, vague, priority): precise wordings beat vague ones ("9 months now"),
    # then the longest span wins, then the earliest
    counted = _quantities(text)  # "... ever since, about a month now": the count, not the story's time
    candidates = (_births(text) + counted + _shorthand(text)
                  + _starting_points(text, today) + dated_events(text, today) + told_from(text)
                  + ([] if counted else ongoing_since(text, today, "en", _STORY_POINT_RE, _point_weeks)))
    candidates = restated(text, candidates, {(c[0], c[1]) for c in _quantities(text)})
    found = choose_mentions(text, candidates, other_events())
    # "3 months ago ... about a month in", "a week before that" (bot/nlu/duration_relative.py)
    return relative_lengths(text, found, as_mention(text, classify_duration, _round2))
