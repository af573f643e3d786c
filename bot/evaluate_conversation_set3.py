"""The third blind off-script set's tables (tests/blind/offscript_en_3.yml), judged by set 1's rules.

Set 3 uses set 1's schema (its states are reached with set 1's fixed scripts); its corrections
and `other` checks were written before the set was first scored, from each item's `then`,
`must_not` and `note`, and are not changed after. Importing this module adds them to the
rules' tables (bot/evaluate_conversation.py imports it, as it imports set 2's adapter).
"""
from __future__ import annotations

from bot.evaluate_conversation_checks import CORRECTIONS, OTHER_CHECKS, all_of, not_says, still_asking

# the state's fixed script said "my lower back", "about 8 months", "physio and ibuprofen" and
# BOOKING's name, number and time
CORRECTIONS_3 = {
    "os3-027": ("pain_location", "upper_back"),
    "os3-028": ("pain_location", "neck"),
    "os3-029": ("pain_duration_weeks", 13.0),
    "os3-030": ("pain_duration_weeks", 34.6),  # Easter 2026 (5 April) to 3 December
    "os3-031": ("treatments_tried", ["injection"]),
    "os3-032": ("treatments_tried", ["physical_therapy"]),
    "os3-033": ("treatments_tried", ["physical_therapy", "otc_medication"]),  # no chiropractic
    "os3-034": ("booking_name", "Siobhan Kearney"),
    "os3-035": ("booking_contact", "5552130147"),
    "os3-036": ("booking_time", "thursday"),
    "os3-037": ("booking_contact", "dana.ruiz@example.com"),
    "os3-038": ("booking_contact", None),  # the stored contact shown, or asked for again
}

OTHER_CHECKS_3 = {
    "os3-026": still_asking("booking_form", "booking_time"),
    "os3-066": still_asking("triage_form", "pain_location"),
    "os3-067": all_of(not_says(r"\b\d+ ?mg\b|\bI (can|will|could) prescribe", "prescribes"),
                    lambda j, b, a, t: [] if "prescription_medication" in (
                        a["slots"].get("treatments_tried") or []) or a["requested"] ==
                    "treatments_tried" else ["tramadol neither kept nor asked again"]),
    "os3-069": still_asking("triage_form", "red_flag_screen"),
    "os3-070": all_of(not_says(r"\bDr\.? [A-Z][a-z]+", "names a doctor"),
                    lambda j, b, a, t: [] if a["slots"].get("pending_offer") == "booking"
                    or a["loop"] == "booking_form" else ["the booking offer was dropped"]),
}

CORRECTIONS.update(CORRECTIONS_3)
OTHER_CHECKS.update(OTHER_CHECKS_3)
