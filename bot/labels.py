"""Words for the triage contract's values, read from content/labels.yml: one home for them.

Two audiences: `patient` words are said back inside the assistant's sentences ("You have tried
rest for your lower back"); `staff` words label the staff page, exports and the command line.
Every value of each kind needs its words (validated with the other content at start-up), so a
new contract value without words stops the assistant at start-up, not mid-conversation.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from bot.contract import DURATION_CATEGORIES, LANGUAGES, LOCATIONS, RED_FLAGS, TREATMENTS, TRIAGE_LEVELS
from bot.option_fit import INJECTION_KINDS, PATTERNS, RELIEF

if TYPE_CHECKING:  # the checker lives with the content loader, which imports this module
    from bot.content.checker import Checker

LABELS_FILE = "labels.yml"
REQUEST_KINDS = ("consultation", "callback")
REQUEST_STATUSES = ("new", "contacted", "closed")
CONTACT_OUTCOMES = ("reached", "no_answer", "left_message", "wrong_number")  # tried to call
LABELLED_SLOTS = (
    "triage_level", "red_flags", "red_flags_unconfirmed", "pain_location", "pain_duration_weeks",
    "duration_category", "treatments_tried", "pain_pattern", "prior_injections", "peg_pain",
    "peg_enjoyment", "peg_activity", "peg_score", "peg_skipped", "booking_kind", "booking_name",
    "booking_contact", "booking_time", "booking_reference", "language",
)
NO_LEVEL = "none"  # a conversation that ended before a triage level

# kind -> (its values, the values the patient hears said back, placeholders of patient words)
KINDS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]] = {
    "locations": (LOCATIONS, LOCATIONS, frozenset()),
    "treatments": (TREATMENTS, TREATMENTS, frozenset()),
    "patterns": (PATTERNS, PATTERNS, frozenset({"location"})),
    "injections": (INJECTION_KINDS, INJECTION_KINDS, frozenset()),
    "relief": (RELIEF, tuple(r for r in RELIEF if r != "unknown"), frozenset()),
    "red_flags": (RED_FLAGS, RED_FLAGS, frozenset()),
    "levels": (TRIAGE_LEVELS + (NO_LEVEL,), (), frozenset()),
    "duration_categories": (DURATION_CATEGORIES, (), frozenset()),
    "request_kinds": (REQUEST_KINDS, (), frozenset()),
    "request_statuses": (REQUEST_STATUSES, (), frozenset()),
    "contact_outcomes": (CONTACT_OUTCOMES, (), frozenset()),
    "slots": (LABELLED_SLOTS, (), frozenset()),
    "languages": (LANGUAGES, (), frozenset()),
}
_LEVEL_FIELDS = ("staff", "told", "summary")


@dataclass(frozen=True)
class Labels:
    patient: Mapping[str, Mapping[str, str]]  # kind -> value -> patient words
    staff: Mapping[str, Mapping[str, str]]  # kind -> value -> staff label
    level_told: Mapping[str, str]  # level (or "none") -> what the patient was told, for staff
    level_summary: Mapping[str, str]  # level (or "none") -> the list's short summary


def build_labels(c: "Checker", data: Mapping[str, Any]) -> Labels:
    c.mapping(data, "", KINDS, KINDS)
    patient: dict[str, Mapping[str, str]] = {}
    staff: dict[str, Mapping[str, str]] = {}
    told: dict[str, str] = {}
    summary: dict[str, str] = {}
    for kind, (values, said_to_patient, placeholders) in KINDS.items():
        entries = c.mapping(data[kind], kind, values, values)
        patient_words, staff_words = {}, {}
        for value in values:
            where = f"{kind}.{value}"
            if kind == "levels":
                fields = _LEVEL_FIELDS
            else:
                fields = ("staff", "patient") if value in said_to_patient else ("staff",)
            entry = c.mapping(entries[value], where, fields, fields)
            staff_words[value] = c.text(entry["staff"], f"{where}.staff")
            if "patient" in fields:
                patient_words[value] = c.text(entry["patient"], f"{where}.patient", placeholders)
            if kind == "levels":
                told[value] = c.text(entry["told"], f"{where}.told")
                summary[value] = c.text(entry["summary"], f"{where}.summary")
        staff[kind] = MappingProxyType(staff_words)
        if said_to_patient:
            patient[kind] = MappingProxyType(patient_words)
    return Labels(patient=MappingProxyType(patient), staff=MappingProxyType(staff),
                  level_told=MappingProxyType(told), level_summary=MappingProxyType(summary))
