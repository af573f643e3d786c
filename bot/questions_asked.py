"""What the patient was asked: how often a question was, and whether the warning signs were.

A patient who answers the question they expected instead of the one asked ("ibuprofen and a
heating pad" at "how long?") would be asked the same question again and again, and the
conversation ended with no level and the warning signs never asked. The form moves on after
a question was asked twice and answered with something else (actions/triage.py). A patient
leaving before the warning signs were asked reads them named (actions/offscript.py).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping


def times_asked(events: Iterable[Mapping[str, Any]], slot: str) -> int:
    """How many times the form's question for `slot` (its `utter_ask_<slot>` response, in any
    of its wordings: plain, with examples, with choices) was said in these tracker events."""
    response = f"utter_ask_{slot}"
    return sum(1 for e in events if e.get("event") == "bot"
               and (e.get("metadata") or {}).get("utter_action") == response)


def signs_never_asked(slots: Mapping[str, Any]) -> bool:
    """Leaving after telling about the pain, the warning-sign question never answered and no
    level decided: the goodbye names the signs that need care now (it says "warning signs"
    only), since no one asked about them. (A sign's question left open says when to go to an
    emergency department itself.)"""
    return bool(slots.get("pain_location") or slots.get("pain_duration_weeks") is not None
                or slots.get("treatments_tried") is not None) \
        and slots.get("red_flag_screen") is None and not slots.get("triage_level") \
        and not slots.get("red_flags") and not slots.get("red_flags_unsure")


def leaving_known(slots: Mapping[str, Any]) -> dict:
    """What a patient leaving has told, for the level stored then: the warning signs answered
    with none and how long never told is "how long not known" (the contract's rule 3b, as when
    the patient says "not sure": a specialist, who asks; never self-care, which needs the pain
    known to be recent). With the signs never answered nothing more is assumed than before."""
    known = dict(slots)
    if known.get("red_flag_screen") in ("clear", "unsure") and known.get("duration_category") is None:
        known["duration_unknown"] = True
    return known
