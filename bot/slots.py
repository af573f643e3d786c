"""How one message's entities change the contract's slots: a pure function.

What the patient said before is never forgotten: treatments and red flags accumulate, a new
place or duration corrects the old one, and a red flag the patient denies ("no, I said I have
NO numbness") is taken back.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Mapping

from bot.contract import LOCATIONS, RED_FLAGS, TREATMENTS
from bot.nlu.duration import MAX_WEEKS
from bot.triage import classify_duration


def _values(entities: List[Mapping[str, Any]], name: str) -> List[Any]:
    return [e.get("value") for e in entities if e.get("entity") == name]


def _weeks(value: Any) -> bool:
    """A duration a slot may hold: a finite number of weeks from 0 to 100 years."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and 0 <= value <= MAX_WEEKS)


def _union(old: List[str] | None, new: List[str]) -> List[str]:
    merged = list(old or [])
    merged.extend(v for v in new if v not in merged)
    return merged


def clinical_updates(
    slots: Mapping[str, Any], entities: List[Mapping[str, Any]]
) -> Dict[str, Any]:
    """Slot values to set after a message with these entities (only the changed ones)."""
    updates: Dict[str, Any] = {}

    # Entities can come from elsewhere than our extractor (Rasa reads `/intent{"duration":
    # -5}` itself, and its HTTP API takes entities): only the contract's values count.
    locations = [v for v in _values(entities, "pain_location") if v in LOCATIONS]
    if locations and locations[0] != slots.get("pain_location"):
        updates["pain_location"] = locations[0]  # the first place named wins

    weeks = [w for w in _values(entities, "duration") if _weeks(w)]
    if weeks:
        longest = round(float(max(weeks)), 2)  # "fell 2 weeks ago, hurt for 6 months"
        updates["pain_duration_weeks"] = longest
        updates["duration_category"] = classify_duration(longest)

    treatments = [v for v in _values(entities, "treatment") if v in TREATMENTS]
    previous_treatments = slots.get("treatments_tried")
    if treatments:
        merged = _union(previous_treatments, treatments)
        if merged != previous_treatments:
            updates["treatments_tried"] = merged
    elif _values(entities, "treatment_none") and previous_treatments is None:
        updates["treatments_tried"] = []  # "nothing yet" answers the question

    flags = [f for f in _values(entities, "red_flag") if f in RED_FLAGS]
    denied = {f for f in _values(entities, "red_flag_denied") if f not in flags}
    previous_flags = slots.get("red_flags")
    merged_flags = [f for f in _union(previous_flags, flags) if f not in denied]
    if merged_flags != (previous_flags or []) or (flags and previous_flags is None):
        updates["red_flags"] = merged_flags
    return updates


def new_red_flags(slots: Mapping[str, Any], entities: List[Mapping[str, Any]]) -> List[str]:
    """Red flags in this message that were not already recorded."""
    known = set(slots.get("red_flags") or [])
    return [f for f in _values(entities, "red_flag") if f in RED_FLAGS and f not in known]


def retracted_red_flags(
    slots: Mapping[str, Any], entities: List[Mapping[str, Any]]
) -> List[str]:
    """Recorded red flags this message denies (a correction to re-decide on)."""
    known = set(slots.get("red_flags") or [])
    positive = set(_values(entities, "red_flag"))
    return [
        f for f in _values(entities, "red_flag_denied") if f in known and f not in positive
    ]
