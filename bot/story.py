"""The parts of the patient's story that decide which options fit.

The parts of the patient's story that decide which options fit: where the pain goes
(`pain_pattern`) and the injections already had (`prior_injections`), kept from any message,
and the two questions asked only when the answer would change the options. Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Mapping, Optional

from bot.content import Content
from bot.option_fit import INJECTION_KINDS, PATTERNS, RELIEF, PatientStory
from bot.option_select import select_options

PATTERN_QUESTION = "pain_pattern"
RELIEF_QUESTION = "prior_injection_relief"  # "Did they help, and for how long?"
# English and Spanish ("no sé", "ni idea"; "no se me baja" is an answer, not a doubt).
_UNSURE = re.compile(r"\b(not sure|unsure|don'?t know|do not know|no idea|can'?t tell|cannot tell|dunno|hard to say"
                     r"|no (?:lo )?s[eé]\b(?!\s+(?:me|le|te|nos|va|baja|corre)\b)|ni idea|no estoy segur[oa]"
                     r"|no me acuerdo|no sabr[ií]a)", re.I)
# Pain that travels into a leg starts in the lower back, into an arm in the neck (the
# contract: "sciatica down my leg" -> lower_back): the place, when the patient named none.
PLACE_OF_PATTERN = {"radiating_leg": "lower_back", "radiating_arm": "neck"}
_NO = re.compile(r"^\s*(no+|nope|nah|it doesn'?t|doesn'?t|not really)\b", re.I)
_YES = re.compile(r"^\s*(yes|yeah|yep|it does|yes it does|s[ií]|sip|claro|as[ií] es)(?!\w)", re.I)


def _entities(entities: List[Mapping[str, Any]], name: str) -> List[Mapping[str, Any]]:
    return [e for e in entities if e.get("entity") == name]


def story_updates(slots: Mapping[str, Any], entities: List[Mapping[str, Any]],
                  answering: Optional[str] = None) -> Dict[str, Any]:
    """Slot values to set after a message with these entities (only the changed ones).

    `answering`: the question this message answers (PATTERN_QUESTION, RELIEF_QUESTION), so
    "they helped a bit" counts as relief even without naming an injection.
    """
    updates: Dict[str, Any] = {}
    patterns = [e.get("value") for e in _entities(entities, "pain_pattern") if e.get("value") in PATTERNS]
    if patterns and patterns[0] != slots.get("pain_pattern"):
        updates["pain_pattern"] = patterns[0]
    if patterns and patterns[0] in PLACE_OF_PATTERN and not slots.get("pain_location") \
            and not _entities(entities, "pain_location"):
        updates["pain_location"] = PLACE_OF_PATTERN[patterns[0]]

    before = [dict(i) for i in slots.get("prior_injections") or [] if isinstance(i, Mapping)]
    injections = [dict(i) for i in before]
    for e in _entities(entities, "prior_injection"):
        kind = e.get("value")
        if kind not in INJECTION_KINDS or any(i["kind"] == kind for i in injections):
            continue
        if kind == "other" and injections:
            continue  # "the injections" after naming them refers back
        injections.append({"kind": kind, "relief": "unknown", "relief_weeks": None})
    for e in _entities(entities, "injection_relief"):
        relief, kind = e.get("value"), e.get("kind")
        if relief not in RELIEF or not (e.get("refers") or answering == RELIEF_QUESTION):
            continue
        targets = [i for i in injections if i["kind"] == kind] if kind else \
            [i for i in injections if i["relief"] == "unknown"] or injections
        for item in targets:
            item["relief"] = relief
            weeks = e.get("weeks")
            if isinstance(weeks, (int, float)) and not isinstance(weeks, bool) and 0 <= weeks <= 5218:
                item["relief_weeks"] = weeks
    if injections != before:
        updates["prior_injections"] = injections
    return updates


def pattern_answer(text: str, intent: str, location: Optional[str]) -> Optional[str]:
    """A plain "no" or "yes" to "Does the pain spread into your leg or arm, or stay in your
    back?": no -> axial; yes -> into the limb that goes with the place (neck: arm)."""
    if _UNSURE.search(text or ""):
        return None
    if intent == "deny" or _NO.match(text or ""):
        return "axial"
    if intent == "affirm" or _YES.match(text or ""):
        return "radiating_arm" if location == "neck" else "radiating_leg"
    return None


def questions_needed(slots: Mapping[str, Any], content: Content) -> List[str]:
    """Of the two story questions, those whose answer would change the options, and only
    while not yet answered (a patient not sure where the pain goes is not asked again)."""
    story = PatientStory.from_slots(slots)
    if story.location is None or story.weeks is None or slots.get("treatments_tried") is None \
            or slots.get("red_flags"):
        return []
    needed = []
    if story.pattern is None and not slots.get("pattern_unclear") and _changes(
            content, [replace(story, pattern=p) for p in (*PATTERNS, None)]):
        needed.append(PATTERN_QUESTION)
    unknown = [i for i in story.injections if (i.get("relief") or "unknown") == "unknown"]
    if unknown and slots.get(RELIEF_QUESTION) is None:
        variants = [replace(story, injections=tuple({**i, "relief": r} if i in unknown else i
                                                     for i in story.injections)) for r in RELIEF]
        if _changes(content, variants):
            needed.append(RELIEF_QUESTION)
    return needed


def _changes(content: Content, stories: List[PatientStory]) -> bool:
    chosen = {tuple(f.option.id for f in select_options(content, s).fits) for s in stories}
    return len(chosen) > 1
