"""Whole conversations (real model, real action server) for session 11's English front-desk
classes: a booking asked for in plain words at the offer after the options, a time said with a
clinic question, a surname that names a language, a call back asked for beside the pain,
leaving to decide later, a goodbye with a stray detail, not knowing how long, getting to the
hospital said at a sign's confirming question, and a booking asked for there. Sentences
written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()


def _to_the_offer(c) -> str:
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    return c.answer_the_screen()


def test_yes_and_book_in_one_breath_at_the_offer_books(chat):
    c = chat("offer-book")
    assert "three quick questions" in _to_the_offer(c)
    reply = c.say("yeah please book")
    assert "What name" in reply and c.active_form == "booking_form"


def test_a_time_with_a_clinic_question_is_taken_and_the_question_answered(chat):
    c = chat("time-question")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Odile Marchetti")
    c.say("555 017 3390")
    reply = c.say("Thursday afternoons are best. Is there parking nearby?")
    assert "I don't have that information" in reply and CLINIC.phone in reply
    assert c.slots["booking_time"] == "Thursday afternoons are best."
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_a_surname_that_names_a_language_keeps_english(chat):
    c = chat("surname")
    c.say("hello")
    c.say("I'd like to book an appointment")
    reply = c.say("Elena Castellano")
    assert c.slots["language"] == "en" and "phone number or email" in reply


def test_a_call_back_asked_for_beside_the_pain_takes_the_number(chat):
    c = chat("call-back-pain")
    reply = c.say("my neck is agony and typing hurts, can someone please call me back? 555 013 8842")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] == "5550138842" and "What name" in reply


def test_leaving_to_decide_later_after_the_options_is_a_goodbye(chat):
    c = chat("decide-later")
    _to_the_offer(c)
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


def test_asking_for_an_ambulance_at_a_confirming_question_is_a_yes(chat):
    c = chat("ambulance")
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert "Just to be safe" in question
    reply = c.say("oh no. should we ring an ambulance?")
    assert c.slots["triage_level"] == "emergency" and "emergency department" in reply


def test_a_booking_asked_for_at_a_confirming_question_starts_once_it_is_settled(chat):
    c = chat("book-at-confirm")
    c.say("hello")
    c.say("lower back")
    c.say("5 months")
    question = c.say("ibuprofen. what if I can't control my bladder?")
    assert "Just to be safe" in question
    c.say("can I book an appointment?")
    reply = c.say("no")
    assert c.active_form == "booking_form" and "What name" in reply


def test_stepping_away_during_booking_gets_take_your_time(chat):
    c = chat("brb")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Ines Albrecht")
    reply = c.say("hang on, someone's at the door, brb")
    assert "take your time" in reply and c.slots["requested_slot"] == "booking_contact"


def test_a_message_for_the_dentist_is_told_kindly_and_no_questions_follow(chat):
    c = chat("dentist")
    reply = c.say("hiya is this the dentist? I need to rebook my check up")
    assert "spine and pain clinic" in reply and "Where does it hurt" not in reply
    assert c.active_form is None


def test_a_sign_said_unsure_at_the_screen_is_asked_and_the_screen_is_not_clear(chat):
    c = chat("screen-unsure")
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    reply = c.say("none of the others. not sure about the weight, my trousers are looser "
                  "but I've been eating less")
    assert "Just to be safe" in reply and c.slots["red_flag_screen"] != "clear"
