"""Whole conversations that greet, leave, pause or tell a feeling: each ends or goes on as meant.

A friendly greeting that tells of no minor, leaving before the questions are done (the level
known still stored), a blessing or "maybe later" as a goodbye, "brb" and stepping away, distress
and giving up heard. Real model, real action server. Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CLINIC, reach, to_the_booking_offer, to_the_offer


def test_an_adults_friendly_greeting_is_not_read_as_a_minor(chat):
    c = chat("dear")
    reply = c.say("Hello love, my neck has been stiff")
    assert "18" not in reply and c.slots["pain_location"] == "neck"
    assert c.active_form == "triage_form"


def test_nothing_helps_at_hello_is_acknowledged_once(chat):
    c = chat("nothing-once")
    reply = c.say("no idea why I bother, nothing ever helps")
    assert reply.count("nothing has helped") == 1 and "Where does it hurt?" in reply


def test_maybe_later_with_a_goodbye_is_a_goodbye(chat):
    c = chat("later-bye")
    to_the_booking_offer(c)
    reply = c.say("No thank you, maybe later. Bye.")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply and "no rush" not in reply
    assert c.active_form is None and not store.list_bookings(c.sender)


def test_leaving_before_the_screen_still_stores_the_level_known(chat):
    c = chat("leave-early")
    c.say("hi")
    c.say("my lower back, across the bottom")
    c.say("sinse saturday, i think i slept funny")  # "since" misspelt: still a length
    reply = c.say("ok thanks, bye")
    assert CLINIC.phone in reply and c.active_form is None
    slots = c.slots
    assert slots["triage_level"] == "self_care"
    assert "decided at leaving" in slots["decision_trail"][-1]["note"]


def test_leaving_with_nothing_known_stores_no_level(chat):
    c = chat("leave-at-once")
    c.say("hello")
    c.say("never mind, bye")
    assert c.slots["triage_level"] is None


def test_a_blessing_ends_the_conversation_with_the_numbers(chat):
    c = chat("blessing")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Edith Parker")
    c.say("555 013 7788")
    c.say("any weekday morning")
    reply = c.say("Thank you so much, you've been very kind. God bless.")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_brb_with_a_number_is_stepping_away(chat):
    c = chat("brb-1")
    c.say("my neck hurts")
    reply = c.say("brb 2 mins")
    assert "take your time" in reply.lower() and "How long" in reply
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_distress_in_many_clauses_is_acknowledged_in_spanish(chat):
    c = chat("distress-es")
    c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
    reply = c.say("ya no puedo más, no duermo bien, lloro a cada rato y no sé qué hacer")
    assert "Siento" in reply and "qué ha probado" in reply.lower()


def test_giving_up_with_a_nada_in_it_is_a_goodbye(chat):
    c = chat("olvidalo-nada")
    c.say("hola, me duele mucho")
    reply = c.say("olvídelo, esto no me sirve de nada")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "Dónde le duele" not in reply and c.active_form is None


def test_fear_said_with_the_answer_is_heard_and_the_answer_kept(chat):
    c = chat("miedo-con-respuesta")
    c.say("hola")
    reply = c.say("en la parte baja de la espalda, pero tengo mucho miedo, no sé qué me pasa")
    assert "Siento" in reply and c.slots["pain_location"] == "lower_back"
    assert "cuánto tiempo" in reply.lower()


def test_leaving_to_decide_later_after_the_options_is_a_goodbye(chat):
    c = chat("decide-later")
    to_the_offer(c)
    reply = c.say("Thanks, I need to talk it over with my husband before I book anything")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.active_form is None and not store.list_bookings(c.sender)


def test_a_goodbye_with_a_stray_detail_ends_the_questions(chat):
    c = chat("goodbye-stray")
    c.say("hello")
    reply = c.say("gotta run, my yoga class is starting, I'll come back later")
    assert CLINIC.phone in reply and "Where does it hurt" not in reply
    assert c.active_form is None


def test_not_knowing_how_long_said_with_feeling_gets_examples(chat):
    c = chat("how-long-dunno")
    c.say("hello")
    c.say("lower back")
    reply = c.say("oh goodness I could not tell you, it crept up on me so slowly")
    assert "3 weeks" in reply and c.slots["requested_slot"] == "pain_duration_weeks"


def test_stepping_away_during_booking_gets_take_your_time(chat):
    c = chat("brb")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Ines Albrecht")
    reply = c.say("hang on, someone's at the door, brb")
    assert "take your time" in reply and c.slots["requested_slot"] == "booking_contact"


def test_a_farewell_after_the_request_is_sent_ends_the_questions(chat):
    c = chat("farewell-after-booking")
    reach(c, "booking_done")
    reply = c.say("Thank you so much, that's everything. Have a good day")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_stepping_away_after_the_request_keeps_the_question_waiting(chat):
    c = chat("brb-after-booking")
    reach(c, "booking_done")
    c.say("one sec, someone at the door")
    assert c.active_form == "triage_form"


def test_a_greeting_with_tengo_dolor_is_no_minor(chat):
    c = chat("tengo")
    reply = c.say("buenas, tengo un dolor de cuello tremendo")
    assert "18" not in reply
    assert c.slots["pain_location"] == "neck"
    assert c.slots["language"] == "es"
