"""Whole conversations (real model, real action server) for session 12's off-script kinds: a
treatment taken back, a name put in full, a preferred time changed after the request was sent,
leaving for now at a booking question or after the request, a person asked for with "bot?", a
place corrected in Spanish, the team's languages asked, in English and Spanish.
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
    """Drive the conversation to `state` (a triage question, options_explained, or a booking
    question / booking_done after a request made at the greeting); the last reply."""
    steps = STEPS[lang]
    reply = c.say(steps["greet"])
    if state in BOOKING_STATES:
        reply = c.say(steps["book"])
        for answer in steps["booking"][:BOOKING_STATES[state]]:
            reply = c.say(answer)
        return reply
    asked = {"asked_where": 0, "asked_how_long": 1, "asked_what_tried": 2, "asked_red_flags": 3}
    for answer in steps["triage"][:asked.get(state, 3)]:
        reply = c.say(answer)
    if state in asked:
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


def test_a_farewell_after_the_request_is_sent_ends_the_questions(chat):
    c = chat("farewell-after-booking")
    _reach(c, "booking_done")
    reply = c.say("Thank you so much, that's everything. Have a good day")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_a_spanish_place_corrected_at_the_length_question_is_taken(chat):
    c = chat("place-corrected-es")
    _reach(c, "asked_how_long", "es")
    reply = c.say("perdón, escribí la espalda baja pero me equivoqué, lo que tengo es dolor de cuello")
    assert c.slots["pain_location"] == "neck" and "cuello" in reply.lower()
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_asked_whether_the_doctor_speaks_spanish_the_team_s_languages_are_said(chat):
    c = chat("doctor-languages-es")
    _reach(c, "asked_where", "es")
    reply = c.say("Disculpe, ¿los doctores hablan español? Mi inglés es poco.")
    # the team's languages from clinic.yml, or (none configured there) the front desk's phone
    assert "Nuestro equipo habla" in reply or CLINIC.phone in reply
    assert c.slots["requested_slot"] == "pain_location"


# ---------------------------------------------------------------- session 13: after the request
def test_a_clinic_question_after_the_request_is_answered_and_nothing_more_is_asked(chat):
    c = chat("question-after-booking")
    _reach(c, "booking_done")
    reply = c.say("is there a lift, or will I have to manage stairs?")
    assert c.active_form is None and "?" not in c.replies[-1]["text"]
    assert "Where does it hurt" not in reply
    assert CLINIC.emergency_number in reply  # the warning signs never asked: said once


def test_what_happens_now_after_the_request_says_the_consultation_and_stops(chat):
    c = chat("what-now-after-booking")
    _reach(c, "booking_done")
    reply = c.say("ok so what do I do now, just wait by the phone?")
    assert "consultation" in reply and c.slots["booking_reference"] in reply
    assert c.active_form is None and "Where does it hurt" not in reply


def test_a_new_email_after_the_request_replaces_the_contact_and_goes_to_staff(chat):
    from bot import store
    c = chat("email-after-booking")
    _reach(c, "booking_done")
    c.say("actually could you email me instead? it's tay.sam@example.net")
    assert c.slots["booking_contact"] == "tay.sam@example.net"
    assert c.active_form is None
    requests = store.list_bookings(c.sender)
    assert any(r.get("kind") == "callback" and r.get("contact") == "tay.sam@example.net" for r in requests)


def test_a_spanish_time_change_after_the_request_is_said_back_in_spanish(chat):
    c = chat("time-after-booking-es")
    _reach(c, "booking_done", "es")
    reply = c.say("ay perdón, mejor los viernes por la tarde, que entre semana trabajo")
    assert "viernes" in c.slots["booking_time"] and "viernes" in reply
    assert c.active_form is None and "¿Dónde le duele?" not in reply


def test_stepping_away_after_the_request_keeps_the_question_waiting(chat):
    c = chat("brb-after-booking")
    _reach(c, "booking_done")
    c.say("one sec, someone at the door")
    assert c.active_form == "triage_form"


def test_another_part_of_the_day_after_the_request_keeps_the_days(chat):
    c = chat("part-of-day-after-booking")
    _reach(c, "booking_done")
    reply = c.say("hmm, evenings would actually work better for me")
    assert c.slots["booking_time"] == "weekday evenings" and "weekday evenings" in reply
    assert c.active_form is None
