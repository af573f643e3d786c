"""How one message's entities change the contract's slots: a pure function.

What the patient said before is never forgotten: treatments and red flags accumulate, a new
place or duration corrects the old one, and a red flag the patient denies ("no, I said I have
NO numbness") is taken back.
"""
from __future__ import annotations

import math
import re
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
    places = [e for e in entities if e.get("entity") == "pain_location" and e.get("value") in LOCATIONS]
    # the place the patient is asking about ("upper back really"), else the first named
    places.sort(key=lambda e: e.get("reason") != "focus")
    locations = [e["value"] for e in places]
    if locations and locations[0] != slots.get("pain_location"):
        updates["pain_location"] = locations[0]

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


# "No, none of those. But could this be cancer?": the screen's list was answered in full.
_NONE_OF_THE_SIGNS = re.compile(
    r"\b(?:none of (?:these|those|them|that|the above)|nothing like that|no to all|"
    r"(?:don'?t|do not) have any of (?:these|those|them))\b", re.I)


def screen_answered_none(text: str) -> bool:
    """Whether the message answers the warning-sign screen with "none of those"."""
    return bool(_NONE_OF_THE_SIGNS.search((text or "").replace("’", "'")))


def flags_to_confirm(slots: Mapping[str, Any], entities: List[Mapping[str, Any]],
                     screen_none: bool = False) -> List[str]:
    """Red flags this message leaves unsure (feared, asked about, past, or found by the
    learned detector) that are not already known either way: each needs a confirming
    question before it counts, and none may silently become absent."""
    settled = set(slots.get("red_flags") or []) | set(slots.get("red_flags_ruled_out") or [])
    settled |= set(slots.get("red_flags_unsure") or [])
    present = set(_values(entities, "red_flag"))
    denied = set(_values(entities, "red_flag_denied"))
    # A sign in words nobody wrote down (reason "near" or "learned") or in words that may be
    # the sign (reason "vague": a bare reading, "feeling a bit warm") is asked about even when
    # the same message denies the flag in its usual words: "my bottom feels funny, not numb
    # exactly", "not a fever as such, but it was 38.4". A feared, asked-about or past sign
    # the patient denies now is not.
    wording = {e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
               and e.get("reason") in ("near", "learned", "vague")}
    unsure = [f for f in _values(entities, "red_flag_unsure") if f in RED_FLAGS]
    if screen_none:
        # Every sign was just asked about by name and denied ("no, none of those"): a fear
        # or a question said with it ("could this be cancer?") is no sign to confirm. A sign
        # described in other words (near, learned, vague, past) still is.
        described = {e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
                     and e.get("reason") not in ("hypothetical", "question")}
        unsure = [f for f in unsure if f in described]
    return [f for f in dict.fromkeys(unsure) if f not in settled and f not in present
            and (f not in denied or f in wording)]


_YES = re.compile(r"^\W*(y+e+[sp]*|yeah|yea|ya|yup|aye|sure|correct|right|i (do|am|have|did)"
                  r"|a little|a bit|sometimes|i think so|kind of|kinda)\b", re.I)
_DOUBT = re.compile(r"\b(not sure|unsure|don'?t know|do not know|dunno|no idea|maybe|possibly"
                    r"|might|can'?t tell|not certain)\b", re.I)
_NO = re.compile(r"^\W*(no+|nope|nah|not (really|at all|now|any ?more)|never|none|nothing"
                 r"|i (don'?t|do not|haven'?t|have not|am not|'m not|didn'?t|did not))\b", re.I)


def confirm_answer(flag: str, intent: str, text: str,
                   entities: List[Mapping[str, Any]]) -> str | None:
    """The patient's answer to "Just to be safe: ... right now?" about `flag`: "yes", "no",
    or None when it was neither (the question is asked again). A doubtful answer ("a bit",
    "maybe", "sometimes") counts as yes: a sign the patient half-confirms is never dropped."""
    text = text or ""
    if flag in _values(entities, "red_flag") or _DOUBT.search(text):
        return "yes"
    if flag in _values(entities, "red_flag_denied") or _NO.match(text):
        return "no"
    if _YES.match(text) or intent == "affirm" or flag in _values(entities, "red_flag_unsure"):
        return "yes"
    if intent == "deny":
        return "no"
    return None
