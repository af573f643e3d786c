"""Whole conversations (real model, real action server) for session 12's off-script kinds: a
treatment taken back, a name put in full, a preferred time changed after the request was sent,
leaving for now at a booking question, a person asked for with "bot?", in English and Spanish.
Every test reaches its state through `_reach` (one helper). Sentences written for these tests,
none from a blind set."""
from __future__ import annotations

from bot.clinic import load_clinic

CLINIC = load_clinic()

STEPS = {
    "en": {"greet": "hello", "triage": ["my lower back", "about 7 months", "physio and naproxen"],
           "book": "I'd like to book an appointment",
           "booking": ["Sam Taylor", "555 017 3390", "weekday mornings"]},
    "es": {"greet": "hola", "triage": ["la espalda baja", "unos 7 meses", "fisioterapia y naproxeno"],
           "book": "quiero pedir una cita",
           "booking": ["Sam Taylor", "555 017 3390", "entre semana por las mañanas"]},
}
BOOKING_STATES = {"booking_asked_name": 0, "booking_asked_contact": 1, "booking_asked_time": 2,
                  "booking_done": 3}


def _reach(c, state: str, lang: str = "en") -> str:
    """Drive the conversation to `state` (asked_red_flags, options_explained, or a booking
    question / booking_done after a request made at the greeting); the last reply."""
    steps = STEPS[lang]
    reply = c.say(steps["greet"])
    if state in BOOKING_STATES:
        reply = c.say(steps["book"])
        for answer in steps["booking"][:BOOKING_STATES[state]]:
            reply = c.say(answer)
        return reply
    for answer in steps["triage"]:
        reply = c.say(answer)
    if state == "asked_red_flags":
        return reply
    assert state == "options_explained", state
    return c.answer_the_screen("no" if lang == "en" else "no, nada de eso")


def test_a_treatment_taken_back_is_taken_off_and_said(chat):
    c = chat("taken-back")
    _reach(c, "options_explained")
    reply = c.say("sorry, not physio, it was a chiropractor I saw")
    tried = c.slots["treatments_tried"]
    assert "physical_therapy" not in tried and "chiropractic" in tried and "otc_medication" in tried
    assert "chiro" in reply.lower()


def test_a_spanish_treatment_taken_back_at_the_screen_keeps_the_screen(chat):
    c = chat("taken-back-es")
    _reach(c, "asked_red_flags", "es")
    c.say("perdón, al final no fui a la fisioterapia, nada más he tomado el naproxeno")
    assert "physical_therapy" not in c.slots["treatments_tried"]
    assert "otc_medication" in c.slots["treatments_tried"]
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_the_name_put_in_full_at_the_contact_question_replaces_the_short_one(chat):
    c = chat("name-in-full")
    _reach(c, "booking_asked_contact")
    reply = c.say("oh could you put Samuel Taylor instead, Sam is only what friends call me")
    assert c.slots["booking_name"] == "Samuel Taylor" and "Samuel Taylor" in reply
    assert c.slots["requested_slot"] == "booking_contact"


def test_a_time_changed_after_the_request_keeps_only_the_time_that_suits(chat):
    c = chat("time-changed")
    _reach(c, "booking_done")
    reply = c.say("can we move it to Friday afternoon? mornings don't suit me anymore")
    assert "Friday afternoon" in c.slots["booking_time"] and "suit" not in c.slots["booking_time"]
    assert "Friday afternoon" in reply


def test_leaving_to_check_with_family_at_the_name_question_ends_the_booking(chat):
    c = chat("leaving-at-name")
    _reach(c, "booking_asked_name")
    reply = c.say("I have to check with my wife first about the dates. I'll come back later, thanks")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_a_person_asked_for_with_bot_gets_the_phone_and_a_call_back(chat):
    c = chat("want-a-human")
    _reach(c, "options_explained")
    reply = c.say("is this a bot?? I want a human")
    assert CLINIC.phone in reply
    assert c.slots.get("pending_offer") == "callback" or c.slots.get("booking_kind") == "callback"
