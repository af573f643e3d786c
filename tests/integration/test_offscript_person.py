"""Asking for a person, a call back, correcting booking details, crisis wording, "what now?"
and clinic questions in other words: whole conversations on the real model and action server
(issue 16, second round). None of these sentences is in data/ or a blind set."""
from __future__ import annotations

import pytest

from bot import store
from bot.clinic import load_clinic
from tests.words import said

CLINIC = load_clinic()
NO_INFO = "I don't have that information"
HOW_LONG = "How long have you had this pain?"
A_PERSON = (said("handoff_open_in_form"), said("handoff_closed_in_form"))  # open or closed now


def to_duration_question(c):
    c.say("hello")
    assert HOW_LONG in c.say("my lower back")


def reached_a_person(reply: str) -> bool:
    return CLINIC.phone in reply and any(text in reply for text in A_PERSON)


def test_a_person_please_mid_form_gives_the_phone_and_the_question_comes_back(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("could I speak with somebody from your team")
    assert reached_a_person(reply)
    assert reply.rstrip().endswith(HOW_LONG)
    assert c.active_form == "triage_form"
    assert c.slots["requested_slot"] == "pain_duration_weeks"
    assert c.slots["pain_location"] == "lower_back"  # progress kept
    assert c.slots["pending_offer"] == "callback"
    # carrying on answers the question; a later "yes" is no longer the call back's
    assert "tried" in c.say("since about March, so 9 months")
    assert c.slots["pain_duration_weeks"] > 30
    assert c.slots["pending_offer"] is None
    assert c.active_form == "triage_form"
    assert store.list_bookings(c.sender) == []


def test_yes_after_a_person_please_mid_form_collects_the_call_back(chat):
    c = chat()
    to_duration_question(c)
    assert reached_a_person(c.say("I'd prefer to talk to a human being"))
    assert "name" in c.say("yes please")
    assert c.active_form == "booking_form"
    assert c.slots["booking_kind"] == "callback"
    c.say("Nadia Ferreira")
    c.say("555 311 4420")
    c.say("after lunch")
    [request] = store.list_bookings(c.sender)
    assert request["kind"] == "callback" and request["contact"] == "5553114420"
    assert request["name"] == "Nadia Ferreira"


def test_at_the_warning_sign_question_yes_still_answers_it(chat):
    c = chat()
    c.say("hello")
    c.say("my lower back, for 8 months")
    c.say("physio and naproxen")
    assert c.slots["requested_slot"] == "red_flag_screen"  # before the pain's story questions
    reply = c.say("is there a real person there")
    assert reached_a_person(reply)
    assert c.slots["pending_offer"] == "callback"  # "call me back" would take it up
    c.say("yes")  # a warning sign, not the call back
    assert c.slots.get("booking_kind") != "callback"
    assert c.active_form == "triage_form"
    assert c.slots["pending_offer"] is None


@pytest.mark.parametrize("ask", [
    "would somebody from the clinic be able to telephone me",
    "can you ask the doctor to ring me back",
])
def test_a_call_back_request_in_other_words_collects_the_details_at_once(chat, ask):
    c = chat()
    to_duration_question(c)
    reply = c.say(ask)
    assert "Would you like" not in reply
    assert c.active_form == "booking_form"
    assert c.slots["booking_kind"] == "callback"
    assert c.slots["requested_slot"] == "booking_name"


def test_a_name_corrected_while_booking_is_taken_and_said_back(chat):
    c = chat()
    c.say("I want to make an appointment")
    c.say("Grahm Pike")
    c.say("555 620 1187")
    reply = c.say("oops I mistyped my name, it's Graham not Grahm")
    assert "Got it: Graham Pike." in reply
    assert c.slots["booking_name"] == "Graham Pike"
    assert c.slots["requested_slot"] == "booking_time"  # the pending question again
    c.say("Thursday afternoon")
    [request] = store.list_bookings(c.sender)
    assert request["name"] == "Graham Pike"
    assert request["preferred_time"] == "Thursday afternoon"


def test_a_contact_corrected_while_booking_is_taken_and_said_back(chat):
    c = chat()
    c.say("I want to make an appointment")
    c.say("Lena Vogt")
    c.say("lena.vogt@example.com")
    reply = c.say("sorry, wrong email, it should be lena.vogt@example.org")
    assert "Got it: lena.vogt@example.org." in reply
    assert c.slots["requested_slot"] == "booking_time"
    c.say("any weekday")
    [request] = store.list_bookings(c.sender)
    assert request["contact"] == "lena.vogt@example.org"


@pytest.mark.parametrize("words", [
    "I've been saving up my painkillers in case it gets worse",
    "honestly I dont wanna be here anymore",
])
def test_crisis_wording_gets_the_crisis_line(chat, words):
    c = chat()
    to_duration_question(c)
    reply = c.say(words)
    assert CLINIC.crisis_line.number in reply
    assert c.active_form is None


def test_saving_receipts_is_not_crisis_language(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("I saved my receipts from the physio for 3 months")
    assert CLINIC.crisis_line.number not in reply
    assert c.active_form == "triage_form"


@pytest.mark.parametrize("question", ["next step?", "right, so what should I do now?"])
def test_after_the_options_the_next_step_is_the_consultation_offer(chat, question):
    c = chat()
    c.say("hello")
    c.say("my neck has hurt for about 5 months")
    c.say("massage and ibuprofen")
    c.answer_the_screen("no, none of those")  # the screen, then the story questions
    c.say("skip")  # the pain questions
    c.say("not now thanks")
    assert c.slots["pending_offer"] is None
    reply = c.say(question)
    assert "consultation" in reply
    assert c.slots["pending_offer"] == "booking"


@pytest.mark.parametrize("question, expected", [
    ("can I pay by credit card?", NO_INFO),
    ("is the building wheelchair accessible?", NO_INFO),
    ("what are your office hours", "8:00"),
    ("which street are you on", CLINIC.address),
])
def test_clinic_questions_in_other_words_are_answered_mid_form(chat, question, expected):
    c = chat()
    to_duration_question(c)
    reply = c.say(question)
    assert expected in reply
    assert reply.rstrip().endswith(HOW_LONG)
    assert c.slots["requested_slot"] == "pain_duration_weeks"
