"""Hand-written checks of the blind off-script sets: set 1's corrected values and `other` checks.

Each written from its item's text before any change the set prompted (reports/conversation.md);
bot/evaluate_conversation_rules.py applies them, and the later sets' adapters build their own
`other` checks from the same pieces (`says`, `not_says`, `still_asking`, `all_of`, `phone_given`).
A check takes (judge, before, after, turn) and returns what is wrong, or nothing.
"""
from __future__ import annotations

import re
from typing import List

# Corrected values, written by hand from each item's text before any change.
CORRECTIONS = {
    "os-040": ("pain_duration_weeks", 104.0),
    "os-041": ("pain_location", "neck"),
    "os-042": ("pain_duration_weeks", 13.0),
    "os-043": ("treatments_tried", ["injection", "prescription_medication"]),
    "os-044": ("pain_location", "lower_back"),
    "os-045": ("pain_duration_weeks", 0.86),
    "os-046": ("pain_location", "lower_back"),
    "os-047": ("pain_location", "upper_back"),
    "os-048": ("treatments_tried", ["otc_medication", "heat_ice"]),
    "os-049": ("pain_duration_weeks", 521.0),
}


def phone_given(j, b, a, t) -> List[str]:
    return [] if j.clinic.phone in t["text"] else ["no clinic phone"]


def still_asking(loop, requested):
    def check(j, b, a, t):
        return [] if (a["loop"], a["requested"]) == (loop, requested) else [
            f"not still asking {requested} ({a['loop']}, {a['requested']})"]
    return check


def all_of(*checks):
    return lambda j, b, a, t: [p for c in checks for p in c(j, b, a, t)]


def says(pattern, what):
    return lambda j, b, a, t: [] if re.search(pattern, t["text"], re.I) else [f"does not {what}"]


def not_says(pattern, what):
    return lambda j, b, a, t: [f"{what}"] if re.search(pattern, t["text"], re.I) else []


OTHER_CHECKS = {
    # refill: no promise, the phone, the treatments question still pending
    "os-094": all_of(phone_given, not_says(r"\bI('ll| will) (refill|renew)", "promises a refill"),
                   still_asking("triage_form", "treatments_tried")),
    "os-095": says(r"automated|not a person|assistant", "say it is automated"),
    "os-096": lambda j, b, a, t: [] if a["loop"] == "triage_form" else ["triage did not go on"],
    "os-097": lambda j, b, a, t: ["the phone number stored as the name"]
    if re.search(r"\d", a["slots"].get("booking_name") or "") else (
        [] if a["slots"].get("booking_contact") or a["requested"] == "booking_name"
        else ["number neither kept nor name asked"]),
    "os-098": lambda j, b, a, t: [] if (a["slots"].get("booking_contact") or
                                        a["slots"].get("pending_offer") == "callback" or
                                        a["loop"] == "booking_form") else ["the number was not kept"],
    "os-099": all_of(says(r"back|neck", "say what the clinic treats"), phone_given),
    "os-100": all_of(phone_given, not_says(r"where does it hurt", "restarts the triage")),
    "os-101": all_of(says(r"doctor|specialist", "say a doctor decides"),
                   still_asking("triage_form", "red_flag_screen")),
    "os-102": all_of(not_says(r"\byou (have|probably have|likely have)\b", "diagnoses"),
                   says(r"diagnos|specialist|doctor", "say a specialist assesses"),
                   still_asking("triage_form", "treatments_tried")),
    "os-103": lambda j, b, a, t: [] if (a["slots"].get("booking_name") or "").startswith("Jon")
    and a["requested"] == "booking_time" else [f"name is {a['slots'].get('booking_name')!r}"],
    "os-104": lambda j, b, a, t: (phone_given(j, b, a, t) if "note" not in t["text"].lower() else [])
    + ([] if a["slots"].get("pending_offer") == "booking" or a["loop"] == "booking_form"
       else ["the booking offer was dropped"]),
    "os-105": all_of(says(r"groin|buttock|inner thigh|between (your|the) legs", "explain it"),
                   still_asking("triage_form", "red_flag_screen")),
}
