"""A duration mention, and which of a message's candidate durations are mentions.

Shared by the English and Spanish parsers (bot/nlu/duration.py, duration_es.py): overlapping
candidates give way to the precise, then the longest; lengths taken back, distances and other
events' dates are dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlu.duration_events import OtherEvents
from bot.nlu.duration_units import _round2
from bot.triage import classify_duration  # the contract's categories, defined once

MAX_WEEKS = 5218.0  # 100 years: anything longer is a typo or a joke, never stored


@dataclass(frozen=True)
class DurationMention:
    start: int
    end: int
    text: str
    weeks: float  # >= 0, rounded to 2 decimals
    category: str  # acute / subacute / chronic
    vague: bool  # "a few weeks", "for years", "decades", "since I was a teenager"...


# "two weeks, not two months", "dos semanas, no dos meses": the length after "not" is the one
# taken back (English and Spanish).
_TAKEN_BACK_RE = re.compile(r"(?:\bnot|\bno|\brather than|\binstead of|\ben vez de|\ben lugar de)"
                            r"\s+(?:about\s+|like\s+|unos?\s+|unas?\s+)?$", re.I)
# "what if my leg goes numb one day?", "one day I bent over": "one day" as "some day" is no
# length; "for one day", "one day ago", "it's been one day" are.
_ONE_DAY_RE = re.compile(r"^one\s+day$", re.I)
_ONE_DAY_LENGTH_BEFORE = re.compile(r"\b(?:for|about|around|only|just|last|past|over|almost|nearly|"
                                    r"like|since|maybe|than|been|roughly|approx\w*)\s*$", re.I)
_ONE_DAY_LENGTH_AFTER = re.compile(r"^\s*(?:ago|now|so far|or|and|of)\b", re.I)
# "I live three hours away", "two hours' drive", "20 minutes by bus": a distance, no length.
_DISTANCE_AFTER = re.compile(r"^'?s?\s*(?:away|drive|driving|by (?:car|bus|train)|on the (?:bus|train)"
                             r"|from (?:here|you|the clinic)|de (?:aqu[ií]|distancia|camino)|manejando)\b", re.I)


def _taken_back(text: str, candidates: list[tuple]) -> list[tuple]:
    """Without the lengths the patient takes back ("not two months") when another is left,
    distances ("three hours away"), and "one day" meaning some day."""
    kept = [c for c in candidates if not _TAKEN_BACK_RE.search(text[max(0, c[0] - 20):c[0]])]
    kept = kept if kept else candidates
    kept = [c for c in kept if not _DISTANCE_AFTER.match(text[c[1]:])]
    return [c for c in kept if not (_ONE_DAY_RE.match(text[c[0]:c[1]])
                                    and re.search(r"\w", text[:c[0]] + text[c[1]:])  # not "one day" alone
                                    and not _ONE_DAY_LENGTH_BEFORE.search(text[max(0, c[0] - 20):c[0]])
                                    and not _ONE_DAY_LENGTH_AFTER.match(text[c[1]:]))]


def choose_mentions(text: str, candidates: list[tuple], events: OtherEvents) -> list[DurationMention]:
    """The mentions among (start, end, weeks, vague, priority) candidates: precise wordings
    beat vague ones, then the longest span wins, then the earliest; none that dates another
    event or that the patient takes back. Shared with the Spanish parser
    (bot/nlu/duration_es.py)."""
    chosen: list[tuple] = []
    for cand in sorted(candidates, key=lambda c: (c[4], -(c[1] - c[0]), c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen = _taken_back(text, chosen)
    mentions = []
    for start, end, weeks, vague, _ in sorted(chosen):
        if weeks is None or not 0 <= weeks <= MAX_WEEKS:
            continue
        if events.dates_other_event(text, start, end):
            continue  # "had a mastectomy 5 yrs ago, now mid-back pain"
        weeks = _round2(weeks)
        mentions.append(DurationMention(start, end, text[start:end], weeks,
                                        classify_duration(weeks), vague))
    return mentions
