"""How one message's entities change the contract's slots: a pure function.

What the patient said before is never forgotten: treatments and red flags accumulate, a new
place or duration corrects the old one, and a red flag the patient denies ("no, I said I have
NO numbness") is taken back.
"""
from __future__ import annotations

import math
import re
from typing import Any, Dict, List, Mapping, Optional

from bot.contract import LOCATIONS, RED_FLAGS, TREATMENTS
from bot.nlu.duration_mentions import MAX_WEEKS
from bot.nlu.phrasing import VOCAB_DIR
from bot.nlu.self_correction import load_corrections
from bot.triage import classify_duration

SPANISH_VOCAB_DIR = VOCAB_DIR / "es"


def entity_values(entities: List[Mapping[str, Any]], name: str) -> List[Any]:
    """The values of the entities called `name`, in order."""
    return [e.get("value") for e in entities if e.get("entity") == name]


def _weeks(value: Any) -> bool:
    """A duration a slot may hold: a finite number of weeks from 0 to 100 years."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and 0 <= value <= MAX_WEEKS)


def _union(old: List[str] | None, new: List[str]) -> List[str]:
    merged = list(old or [])
    merged.extend(v for v in new if v not in merged)
    return merged


# A duration said only to be taken back ("no son 2 años, son 8 meses", "not 2 years, 8
# months"): the other duration in the message is the pain's, whichever is longer.
_TAKEN_BACK = re.compile(r"(?:\bno\s+(?:son|es|eran|era|fueron|fue|hace|llevo)|\bnot)\s+"
                         r"(?:como\s+|unos\s+|unas\s+|about\s+|around\s+)?$", re.I)


# between two lengths, the first is taken back: "2 months.. wait no sorry, closer to 3 weeks"
_CORRECTED_TO = re.compile(r"^[\s.,;!?-]*(?:(?:wait|no|nope|sorry|actually|i\s+mean|or\s+rather|scratch\s+that"
                           r"|hang\s+on|oops)\b[\s.,;!?-]*)+(?:it'?s\s+|more\s+like\s+|closer\s+to\s+"
                           r"|nearer\s+|probably\s+|maybe\s+)*$"
                           # ... or said again as a count: "since Thanksgiving, so like 6 weeks now"
                           r"|^[\s,.;-]*(?:so|which\s+is|which\s+makes\s+it|that'?s|i\.?e\.?)\s+(?:like\s+"
                           r"|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)*$", re.I)


def _durations(entities: List[Mapping[str, Any]], text: str) -> List[float]:
    said = [e for e in entities if e.get("entity") == "duration" and _weeks(e.get("value"))]
    said.sort(key=lambda e: e.get("start") if isinstance(e.get("start"), int) else -1)
    kept = [e for i, e in enumerate(said) if not (isinstance(e.get("start"), int) and (
        _TAKEN_BACK.search(text[:e["start"]]) or (
            i + 1 < len(said) and isinstance(e.get("end"), int) and isinstance(said[i + 1].get("start"), int)
            and _CORRECTED_TO.match(text[e["end"]:said[i + 1]["start"]]))))]
    return [e["value"] for e in kept or said]


def clinical_updates(
    slots: Mapping[str, Any], entities: List[Mapping[str, Any]], text: Optional[str] = None
) -> Dict[str, Any]:
    """Slot values to set after a message with these entities (only the changed ones). The
    message's text, when given, also decides what was taken back: a duration ("not 2 years,
    8 months"), a place ("I said neck but I meant my lower back"), and whether a length said
    at a later question is the pain's at all ("he is 3 years")."""
    updates: Dict[str, Any] = {}

    # Entities can come from elsewhere than our extractor (Rasa reads `/intent{"duration":
    # -5}` itself, and its HTTP API takes entities): only the contract's values count.
    places = [e for e in entities if e.get("entity") == "pain_location" and e.get("value") in LOCATIONS]
    # the place the patient is asking about ("upper back really"), else the first named; a
    # bare "back" yields to its upper part named too ("my back, between the shoulder blades";
    # not to "spine", which says no part); a bare "spine" yields to any place named beside it
    # ("a tumour on my spine ... just neck pain"), and the whole spine wins over its parts
    # ("lower back some days, neck others, like my whole spine is angry")
    refined = any(e["value"] == "upper_back" for e in places)
    places.sort(key=lambda e: (e.get("reason") != "focus",
                               not (e["value"] == "other" and e.get("reason") != "bare"),
                               e["value"] == "other" and e.get("reason") == "bare",
                               refined and e.get("reason") == "bare"))
    locations = [e["value"] for e in places]
    if locations and locations[0] != slots.get("pain_location"):
        updates["pain_location"] = locations[0]

    weeks = _durations(entities, text or "")
    if weeks:
        longest = round(float(max(weeks)), 2)  # "fell 2 weeks ago, hurt for 6 months"
        updates["pain_duration_weeks"] = longest
        updates["duration_category"] = classify_duration(longest)

    treatments = [v for v in entity_values(entities, "treatment") if v in TREATMENTS]
    previous_treatments = slots.get("treatments_tried")
    if treatments:
        merged = _union(previous_treatments, treatments)
        if merged != previous_treatments:
            updates["treatments_tried"] = merged
    elif entity_values(entities, "treatment_none") and previous_treatments is None:
        updates["treatments_tried"] = []  # "nothing yet" answers the question
    # "not physio, it was chiro", "I never actually did the physio, it's just been ibuprofen":
    # a treatment given before and now taken back (bot/nlu/components.py) is taken off
    taken_back = set(entity_values(entities, "treatment_taken_back")) - set(treatments)
    if taken_back and previous_treatments:
        kept = [t for t in updates.get("treatments_tried", previous_treatments) if t not in taken_back]
        if kept != previous_treatments:
            updates["treatments_tried"] = kept

    flags = [f for f in entity_values(entities, "red_flag") if f in RED_FLAGS]
    denied = {f for f in entity_values(entities, "red_flag_denied") if f not in flags}
    previous_flags = slots.get("red_flags")
    merged_flags = [f for f in _union(previous_flags, flags) if f not in denied]
    if merged_flags != (previous_flags or []) or (flags and previous_flags is None):
        updates["red_flags"] = merged_flags

    if text is not None:
        place = place_correction(slots, entities, text)
        if place:
            updates["pain_location"] = place
        if "pain_duration_weeks" in updates and not late_length_counts(slots, text):
            updates.pop("pain_duration_weeks")
            updates.pop("duration_category", None)
    return updates


# A length said again at a later question replaces the one given only when it reads as the
# pain's length or as a correction: "he is 3 years" (a child carried), "so many things over
# the years" (what was tried) and "physio twice a year" are no new length of the pain.
_LENGTH_RESTATED = re.compile(
    r"\b(?:since|for|been|ago|start\w*|began|begun|now|actually|sorry|meant|mean|wait|oops"
    r"|rather|more like|closer to|not|no|correct\w*|wrong|said|desde|hace|llevo|lleva"
    r"|empez\w*|comenz\w*|en realidad|perd[oó]n|quise decir)\b", re.I)


def late_length_counts(slots: Mapping[str, Any], text: str) -> bool:
    """Whether a length in this message replaces the pain's length already known (asked how
    long, or none known yet: always)."""
    if slots.get("pain_duration_weeks") is None or slots.get("requested_slot") == "pain_duration_weeks":
        return True
    text = (text or "").replace("’", "'")
    # or in the correction words of either language ("me equivoqué", "my bad": vocab/corrections.yml)
    return bool(_LENGTH_RESTATED.search(text)) or any(
        load_corrections(vocab).strong.search(text) for vocab in (VOCAB_DIR, SPANISH_VOCAB_DIR))


# "I said lower back but it's more between my shoulder blades", "sorry I said neck, I meant my
# lower back": the place given before is named again only to be taken back.
_PLACE_TAKEN_BACK = re.compile(r"\b(?:said|meant|mean|actually|more|not|rather|instead|sorry"
                               r"|wrong|mistake|typed|wrote"
                               r"|dije|escrib[ií]|quise decir|en realidad|m[aá]s bien"
                               r"|me confund[ií]|me equivoqu[eé]|perd[oó]n)\b", re.I)


def place_correction(slots: Mapping[str, Any], entities: List[Mapping[str, Any]],
                     text: str) -> str | None:
    """The new place when the message names the place already given and another one, in
    words that take the first back; else None."""
    old = slots.get("pain_location")
    places = [e.get("value") for e in entities
              if e.get("entity") == "pain_location" and e.get("value") in LOCATIONS]
    others = [p for p in places if p != old]
    if old not in places or not others or not _PLACE_TAKEN_BACK.search(text or ""):
        return None
    return others[0]


def new_red_flags(slots: Mapping[str, Any], entities: List[Mapping[str, Any]]) -> List[str]:
    """Red flags in this message that were not already recorded."""
    known = set(slots.get("red_flags") or [])
    return [f for f in entity_values(entities, "red_flag") if f in RED_FLAGS and f not in known]


def retracted_red_flags(
    slots: Mapping[str, Any], entities: List[Mapping[str, Any]]
) -> List[str]:
    """Recorded red flags this message denies (a correction to re-decide on)."""
    known = set(slots.get("red_flags") or [])
    positive = set(entity_values(entities, "red_flag"))
    return [
        f for f in entity_values(entities, "red_flag_denied") if f in known and f not in positive
    ]


# Words of having had a treatment: "I had one last year", "me pusieron una", "ya me hicieron".
_HAD = re.compile(r"\b(?:had|have had|'ve had|got|gave me|given|tried|received|did|last (?:one|time)"
                  r"|before|already|ago|me (?:pusieron|han puesto|hicieron|han hecho|dieron|inyectaron"
                  r"|aplicaron)|tuve|ya me|hace \w+|antes)\b", re.I)
_OPTION_WORDS = {"injection", "radiofrequency_ablation"}
# An option only considered ("sounds like it could help", "worth a try", "me interesa"), and
# what someone else had ("what my friend had", "lo que le pusieron a mi tía"): no "had" of the
# patient's own
_CONSIDERED = re.compile(r"\b(?:sounds?|suena|suenan) (?:like|good|right|worth|promising|interesting|bien"
                         r"|interesante|como)\b|\bworth (?:a try|trying)\b|\b(?:might|could) try\b"
                         r"|\bme interesa\b|\bpodr[ií]a probar\b", re.I)
_SOMEONE_ELSES = re.compile(r"\b(?:what|like|as|lo que|como) (?:my|a|his|her|our|mi|su|un|una|le|les)"
                            r"(?: \w+){1,2} (?:had|got|has had|tuvo|le pusieron|le hicieron)\b", re.I)


def asked_not_had(intent: str, text: str, entities: List[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The entities of a question about an option ("esa facet injection, ¿me duermen?",
    "what's a facet injection like?") without the injection it names: the option asked
    about, not one the patient had (else "Did they help?" followed). Not a question, or said
    with words of having had it ("I had one before, would another help?") or of how it went
    ("the blocks worked really well"), it stays. An option only considered ("that facet
    injection sounds like what my friend had") is dropped too."""
    said = text or ""
    asked = "?" in said and not _HAD.search(said)
    # "that facet injection sounds like what my friend had": considered, someone else's had
    considered = bool(_CONSIDERED.search(said)) and not _HAD.search(_SOMEONE_ELSES.sub(" ", said))
    if intent not in ("ask_option_info", "out_of_scope") or intent == "out_of_scope" and not considered \
            or not (asked or considered) \
            or entity_values(entities, "injection_relief"):  # "the blocks worked well": had them
        return list(entities)
    return [e for e in entities if e.get("entity") not in ("prior_injection", "injection_relief")
            and not (e.get("entity") == "treatment" and e.get("value") in _OPTION_WORDS)]

