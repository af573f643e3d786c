"""Plain words for the contract's values, shared by the staff page, exports and the CLI."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Optional
from zoneinfo import ZoneInfo

from bot.content import load_content
from bot.wording import describe_duration

LEVELS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "consultation": "Consultation",
    "self_care": "Self-care",
    None: "Not triaged",
    "none": "Not triaged",
}
LEVEL_HELP = {
    "emergency": "Told to go to an emergency department now",
    "urgent": "Told to see a doctor within 24 hours",
    "consultation": "Suitable for a specialist consultation",
    "self_care": "Self-care advice given",
    None: "The chat ended before a decision",
}
LOCATIONS = {"lower_back": "Lower back", "upper_back": "Upper back", "neck": "Neck",
             "other": "Back (unspecified)"}
TREATMENTS = {
    "rest": "Rest", "otc_medication": "Over-the-counter medicine",
    "prescription_medication": "Prescription medicine", "physical_therapy": "Physiotherapy",
    "exercise": "Exercise", "chiropractic": "Chiropractic", "massage": "Massage",
    "acupuncture": "Acupuncture", "heat_ice": "Heat or ice", "injection": "Injection",
    "radiofrequency_ablation": "Radiofrequency ablation", "surgery": "Surgery",
}
RED_FLAGS = {
    "bladder_bowel": "Bladder or bowel control", "saddle_numbness": "Saddle numbness",
    "leg_weakness": "Leg weakness", "fever": "Fever", "trauma": "Recent injury",
    "cancer_history": "History of cancer", "weight_loss": "Unexplained weight loss",
}
PATTERNS = {"radiating_leg": "Spreads into a leg", "radiating_arm": "Spreads into an arm",
            "axial": "Stays in the back or neck", None: "Not known"}
INJECTION_KINDS = {"epidural": "Epidural", "nerve_root": "Nerve root block", "facet": "Facet joint injection",
                   "medial_branch": "Medial branch (diagnostic) block", "other": "Injection (kind not said)"}
RELIEF = {"good": "helped", "partial": "helped a little", "none": "did not help", "unknown": "effect not said"}
KINDS = {"consultation": "Consultation", "callback": "Call back"}
STATUSES = {"new": "New", "contacted": "Contacted", "closed": "Closed"}
CONTACT_OUTCOMES = {"reached": "Reached the patient", "no_answer": "No answer",
                    "left_message": "Left a message", "wrong_number": "Wrong number"}
SLOTS = {
    "triage_level": "Triage level", "red_flags": "Red flags", "pain_location": "Where it hurts",
    "pain_duration_weeks": "How long", "duration_category": "Duration",
    "treatments_tried": "Already tried", "pain_pattern": "Where the pain goes",
    "prior_injections": "Injections had", "peg_pain": "PEG: pain", "peg_enjoyment":
    "PEG: enjoyment of life", "peg_activity": "PEG: general activity", "peg_score": "PEG score",
    "peg_skipped": "PEG questions skipped", "booking_kind": "Request type",
    "booking_name": "Name", "booking_contact": "Phone or email", "booking_time": "Preferred time",
    "booking_reference": "Reference",
}
DURATIONS = {"acute": "under 4 weeks", "subacute": "4-12 weeks", "chronic": "over 12 weeks"}


def label(table: dict, value: Any) -> str:
    if value is None:
        return table.get(None, "-")
    return table.get(value, str(value).replace("_", " ").capitalize())


def labels(table: dict, values: Optional[Iterable[Any]], empty: str = "-") -> str:
    values = list(values or [])
    return ", ".join(label(table, v) for v in values) if values else empty


def treatments(values: Optional[Iterable[str]]) -> str:
    if values is None:
        return "-"
    return labels(TREATMENTS, values, empty="Nothing yet")


def weeks(value: Optional[float]) -> str:
    """How long, in the words the patient was told: 26.1 -> 'about 6 months'."""
    if value is None:
        return "-"
    try:
        return describe_duration(float(value), load_content().duration_words)
    except (TypeError, ValueError):  # not a duration the assistant stores: shown as it is
        return f"{value} weeks"


def slot_value(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if name == "triage_level":
        return label(LEVELS, value)
    if name == "red_flags":
        return labels(RED_FLAGS, value, empty="None")
    if name == "pain_location":
        return label(LOCATIONS, value)
    if name == "pain_duration_weeks":
        return weeks(value)
    if name == "duration_category":
        return DURATIONS.get(value, str(value))
    if name == "treatments_tried":
        return treatments(value)
    if name == "booking_kind":
        return label(KINDS, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "None"
    return str(value)


LEVEL_SHORT = {
    "emergency": "Sent to the emergency department",
    "urgent": "Told to see a doctor within 24 h",
    "consultation": "Options explained",
    "self_care": "Self-care advice",
    None: "Chat ended early",
}


def when(value: Optional[datetime], tz: ZoneInfo, with_seconds: bool = False,
         relative: bool = False) -> str:
    """'24 Nov 2025, 13:41' in the clinic's time zone; 'Today, 13:41' when `relative`."""
    if value is None:
        return "-"
    local = value.astimezone(tz)
    clock_format = "%H:%M:%S" if with_seconds else "%H:%M"
    if relative:
        days = (datetime.now(tz).date() - local.date()).days
        if days == 0:
            return "Today, " + local.strftime(clock_format)
        if days == 1:
            return "Yesterday, " + local.strftime(clock_format)
    return local.strftime("%d %b %Y, " + clock_format)


def clock(value: Optional[datetime], tz: ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%H:%M:%S") if value else ""


def injections(items: Optional[Iterable[Any]]) -> str:
    """ "Epidural: did not help; Facet joint injection: helped for 13 weeks"."""
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        weeks = item.get("relief_weeks")
        lasting = f" for {weeks:g} weeks" if isinstance(weeks, (int, float)) and item.get("relief") in ("good", "partial") else ""
        out.append(f"{label(INJECTION_KINDS, item.get('kind'))}: {RELIEF.get(item.get('relief'), 'effect not said')}{lasting}")
    return "; ".join(out) or "none"
