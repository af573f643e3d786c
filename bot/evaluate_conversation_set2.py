"""The adapter for the second blind off-script set (tests/blind/offscript_en_2.yml).

Written before that set was first scored, and not changed after; see reports/conversation.md.
Set 2 uses the schema of set 1 with three differences, which this module adapts to:

- `history` is a list of {patient: ...} and {bot: ...} turns, not the patient's answers to the
  fixed script. Its states are reached by driving the conversation: the patient's turns are
  sent in order (after a greeting, or at a booking state after them a request to book when
  none started), then every question still pending gets a fixed default answer (below) until
  the item's state is reached, at most 12 turns; not reached is a failure ("setup failed").
- `then` may be "crisis line": the crisis line's number (or the emergency number) is in the
  answer and the triage questions stop. Other free-text `then`s are not scored beyond the
  expect kind (as in set 1).
- New expect details, judged like set 1's: faq `waiting_time` is the `wait_time` topic;
  correction of `name`, `contact` (the slot holds the new value and the answer names it),
  `preferred_time` after a booking (the answer names the new time, and the time is updated
  or a request for staff is stored), `red_flags` (the red flag is recorded and the triage is
  `urgent`); option follow-ups by aspect: procedure -> how; safety -> risks; duration ->
  relief; frequency -> relief, how, reason; prerequisite -> what, reason; comparison -> the
  text of two different options; alternative -> the text of an option other than the one
  discussed. `other` items get a check written from their `then` and `note` (OTHER_CHECKS).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List

from bot.evaluate_conversation import GREET
from bot.evaluate_conversation_checks import CORRECTIONS, not_says, says
from bot.evaluate_conversation_rules import ASPECT_SECTIONS, Judge, booking_correction, folded

BOOKING_REQUEST = "I'd like to book an appointment"
DEFAULT_ANSWERS = {
    "pain_location": "my lower back", "pain_duration_weeks": "about 8 months",
    "treatments_tried": "physio and ibuprofen", "pain_pattern": "not sure",
    "prior_injection_relief": "not sure", "red_flag_screen": "no",
    "booking_name": "Sam Taylor", "booking_contact": "555 010 2030",
    "booking_time": "weekday mornings",
}
SELF_CARE_ANSWERS = {"pain_duration_weeks": "10 days", "treatments_tried": "nothing yet"}
MAX_SETUP_TURNS = 12

CORRECTIONS_2 = {
    "os2-040": ("pain_location", "neck"),
    "os2-041": ("pain_duration_weeks", 13.0),
    "os2-042": ("treatments_tried", ["physical_therapy"]),
    "os2-043": ("booking_name", "Dana Whitfield-Jones"),
    "os2-044": ("booking_contact", "raj.malhotra@example.com"),
    "os2-045": ("booking_time", r"arvo|afternoon"),
    "os2-046": ("pain_location", "upper_back"),
    "os2-047": ("pain_duration_weeks", 156.0),
    "os2-048": ("red_flags", "trauma"),
}
ASPECTS_2 = {**ASPECT_SECTIONS, "procedure": ("how",), "safety": ("risks",),
             "duration": ("relief",), "frequency": ("relief", "how", "reason"),
             "prerequisite": ("what", "reason")}
TREATMENT_WORDS_2 = r"physio|physical therap"
NO_TRIAGE = r"where does it hurt"
WARNING_WORDS = r"bladder|numb|weakness|emergency|warning sign"
CLAIMS_DONE = r"\b(I'?ve|I have|has been|is now|it'?s) (cancell?ed|moved|changed|rescheduled)"


def patient_turns(item: Dict[str, Any]) -> List[str]:
    return [turn["patient"] for turn in item.get("history") or [] if "patient" in turn]


def drive(driver, sender: str, item: Dict[str, Any], titles: Dict[str, str],
          state_reached) -> str:
    """Reach the item's state; returns the assistant's last message before the turn."""
    state, option = item["state"], item.get("option")
    if state == "start":
        return ""
    last = ""
    sent = 0

    def say(text: str) -> None:
        nonlocal last, sent
        last = (driver.say(sender, text)["messages"] or [""])[-1]
        sent += 1

    say(GREET)
    for text in patient_turns(item):
        say(text)
    answers = {**DEFAULT_ANSWERS, **(SELF_CARE_ANSWERS if state == "self_care_given" else {})}
    while sent < MAX_SETUP_TURNS:
        snap = driver.snapshot(sender, last)
        if state_reached(state, snap, option):
            return last
        slots, requested = snap["slots"], snap["requested"]
        if state.startswith("booking_") and snap["loop"] != "booking_form" \
                and not slots.get("booking_reference"):
            say(BOOKING_REQUEST)
        elif requested in answers:
            say(answers[requested])
        elif snap["loop"] == "peg_form":
            say("skip")
        elif state == "options_explained" and slots.get("triage_level") and option:
            say(f"what is {titles.get(option, option)}?")
        elif slots.get("pending_offer") == "peg":
            say("no")
        else:
            return last  # nothing left to answer: the state was not reached
    return last


class Set2Judge(Judge):
    def __init__(self, *args, bookings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = bookings  # sender -> the booking requests stored for it

    def then(self, item, before, after, turn) -> List[str]:
        if item["then"] == "crisis line":
            problems = []
            if not (self.clinic.crisis_line.number in turn["text"]
                    or self.clinic.emergency_number in turn["text"]):
                problems.append("no crisis line")
            if after["loop"] == "triage_form":
                problems.append("the triage questions go on")
            return problems
        return super().then(item, before, after, turn)

    def k_faq(self, item, topic, before, after, turn) -> List[str]:
        return super().k_faq(item, {"waiting_time": "wait_time"}.get(topic, topic),
                             before, after, turn)

    def k_distress(self, item, sub, before, after, turn) -> List[str]:
        problems = super().k_distress(item, sub, before, after, turn)
        if item["then"] == "crisis line":  # stopping is right here; `then` judges it
            problems = [p for p in problems if p != "the conversation did not go on"]
        return problems

    def k_correction(self, item, slot, before, after, turn) -> List[str]:
        name, want = CORRECTIONS_2[item["id"]]
        got, text = after["slots"].get(name), turn["text"]
        if name in ("pain_location", "pain_duration_weeks"):
            CORRECTIONS[item["id"]] = (name, want)
            return super().k_correction(item, slot, before, after, turn)
        if name == "treatments_tried":
            if not set(want) <= set(got or []):
                return [f"{name} is {got}, missing some of {want}"]
            return [] if re.search(TREATMENT_WORDS_2, text, re.I) else [
                "the treatments are not acknowledged"]
        if name.startswith("booking_"):
            stored = len(self.bookings(item["sender"])) > item["bookings_before"]
            return booking_correction(name, want, got, after, turn, stored)
        problems = [] if want in (got or []) else [f"{name} is {got}, without {want}"]
        if after["slots"].get("triage_level") != "urgent":
            problems.append(f"triage is {after['slots'].get('triage_level')}, not urgent")
        return problems

    def k_option_followup(self, item, aspect, before, after, turn) -> List[str]:
        text = folded(turn["text"])

        def said(option, sections) -> bool:
            return any(folded(s)[:40] in text for s in
                       (getattr(option, name, None) for name in sections) if s)

        if aspect in ("comparison", "alternative"):
            told = [o.id for o in self.content.options if said(o, ("what", "summary"))]
            if aspect == "comparison":
                return [] if len(told) >= 2 else [f"not two options explained ({told})"]
            return [] if set(told) - {item.get("option")} else ["no other option explained"]
        option = next((o for o in self.content.options if o.id == item.get("option")), None)
        if option is None:
            return [f"unknown option {item.get('option')}"]
        return [] if said(option, ASPECTS_2[aspect]) else [
            f"not the {'/'.join(ASPECTS_2[aspect])} section of {option.id}"]

    def k_other(self, item, sub, before, after, turn) -> List[str]:
        return OTHER_CHECKS[item["id"]](self, before, after, turn, item)


def _stored_or_phone(j, b, a, t, item) -> List[str]:
    stored = len(j.bookings(item["sender"])) > item["bookings_before"]
    return [] if stored or j.clinic.phone in t["text"] else [
        "neither the clinic's phone nor a request stored for staff"]


def _every(*checks):
    return lambda j, b, a, t, item: [p for c in checks for p in c(j, b, a, t, item)]


def _plain(check):
    return lambda j, b, a, t, item: check(j, b, a, t)


def _goes_on(j, b, a, t, item) -> List[str]:
    problems = [] if a["loop"] in ("booking_form", "triage_form") else ["the conversation stopped"]
    if re.search(r"for adults|under 18|parent or carer", t["text"], re.I):
        problems.append("treated as under 18")
    return problems


def _name(want):
    return lambda j, b, a, t, item: [] if a["slots"].get("booking_name") == want and \
        a["requested"] == "booking_contact" else [
            f"name {a['slots'].get('booking_name')!r}, asking {a['requested']}"]


def _nothing(j, b, a, t, item) -> List[str]:
    return []


OTHER_CHECKS = {
    # cancelling or changing a booking: passed to staff, never claimed done
    "os2-091": _every(_stored_or_phone, _plain(not_says(CLAIMS_DONE, "claims it is done"))),
    "os2-092": _every(_stored_or_phone, _plain(not_says(NO_TRIAGE, "starts the triage first"))),
    "os2-093": _every(_stored_or_phone, _plain(not_says(NO_TRIAGE, "starts the pain triage"))),
    "os2-094": _every(_stored_or_phone, _plain(says(WARNING_WORDS, "check the warning signs"))),
    # booking for an adult relative
    "os2-095": _goes_on,
    "os2-096": _name("Graham Pike"),
    "os2-097": _goes_on,
    "os2-098": lambda j, b, a, t, item: [] if a["loop"] == "booking_form" else [
        "not taking the wife's details"],
    # small talk and questions about the assistant
    "os2-099": _nothing,
    "os2-100": _plain(says(r"automated|assistant|not a person", "say it is automated")),
    "os2-101": _nothing,
    "os2-102": _nothing,
    "os2-106": _plain(not_says(r"\byou (have|probably have|likely have)\b", "diagnoses")),
    "os2-107": _plain(says(r"privat|confidential|secur|staff", "answer about privacy")),
}


def bookings_reader():
    """The booking requests stored for a conversation (the scorer's throw-away database)."""
    from bot import store

    return lambda sender: store.list_bookings(conversation_id=sender)
