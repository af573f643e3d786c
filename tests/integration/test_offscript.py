"""Off-script turns in whole conversations (issue 16): the real model and action server.

Each test is what a patient would notice: the answer they read, that the pending question
comes back, and what is stored. None of these sentences is from the blind set.
"""
from __future__ import annotations

import pytest

from bot.clinic import load_clinic

CLINIC = load_clinic()
NO_INFO = "I don't have that information"


def to_duration_question(c):
    c.say("hello")
    assert "How long" in c.say("my lower back")


def test_a_clinic_question_mid_form_is_answered_then_the_question_comes_back(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("do you take medicaid?")
    assert NO_INFO in reply and CLINIC.phone in reply  # not filled in: never a guess
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert c.active_form == "triage_form"
    assert c.slots["requested_slot"] == "pain_duration_weeks"
    assert c.slots["pain_location"] == "lower_back"  # progress kept
    assert "$" not in reply


def test_the_address_at_the_start_then_the_first_question(chat):
    c = chat()
    reply = c.say("what is the address of the clinic?")
    assert CLINIC.address in reply
    assert "Where does it hurt" in reply
    assert c.active_form == "triage_form"


def test_opening_hours_for_a_named_day_come_from_clinic_yml(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("are you open on sundays")
    assert "closed on Sundays" in reply
    assert "Mon–Fri 8:00–17:00" in reply
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_booking_detail_question_keeps_the_booking(chat):
    c = chat()
    c.say("I'd like to book an appointment")
    assert "phone" in c.say("Alex Morgan")
    reply = c.say("what's your email address?")
    assert CLINIC.email in reply
    assert c.active_form == "booking_form"
    assert c.slots["booking_name"] == "Alex Morgan"
    assert c.slots["booking_contact"] is None  # the clinic's email is not the patient's


def test_leaving_mid_form_ends_kindly_with_nothing_asked(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("got to run, sorry")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "?" not in reply
    assert c.active_form is None


def test_a_correction_is_taken_acknowledged_and_the_question_comes_back(chat):
    c = chat()
    to_duration_question(c)
    assert "tried" in c.say("3 months")
    reply = c.say("sorry, I meant 3 years, not months")
    assert "Got it: about 3 years." in reply
    assert c.slots["pain_duration_weeks"] == pytest.approx(156.5, abs=1)
    assert c.slots["duration_category"] == "chronic"
    assert c.slots["requested_slot"] == "treatments_tried"


def test_not_knowing_how_long_gets_examples_then_choices_then_moves_on(chat):
    c = chat()
    to_duration_question(c)
    first = c.say("no idea honestly")
    assert "For example" in first or "for example" in first or "like" in first
    assert c.slots["requested_slot"] == "pain_duration_weeks"
    second = c.say("I really couldn't say")
    assert [b["title"] for b in c.replies[-1]["buttons"]] == [
        "Under 4 weeks", "1 to 3 months", "More than 3 months", "Not sure"]
    assert "Roughly" in second
    c.say("qwerty")  # not an answer, and not "not sure": the choices again, never moves on
    assert c.slots["requested_slot"] == "pain_duration_weeks"
    assert [b["title"] for b in c.replies[-1]["buttons"]][-1] == "Not sure"
    assert "tried" in c.say("not sure")
    assert c.slots["duration_unknown"] is True
    assert c.slots["pain_duration_weeks"] is None
    c.say("physio")
    c.say("no, none of those")
    # the triage still decides: not known means a specialist, never self-care
    assert c.slots["triage_level"] == "consultation"
    assert c.slots["decision_trail"][-1]["rule"].startswith("3b")


def test_a_choice_button_answers_the_duration(chat):
    c = chat()
    to_duration_question(c)
    c.say("no idea honestly")
    c.say("I really couldn't say")
    c.say("about 2 months")  # the "1 to 3 months" button's payload
    assert c.slots["duration_category"] == "subacute"


def test_nothing_helped_is_acknowledged_and_asks_what_was_tried(chat):
    c = chat()
    to_duration_question(c)
    c.say("6 months")
    reply = c.say("nothing has worked")
    assert "sorry nothing has helped" in reply
    assert reply.rstrip().endswith(
        "injections or surgery.")  # the plain treatments question, not "didn't catch"
    assert c.slots["treatments_tried"] is None  # never stored as "tried nothing"


def test_nothing_tried_said_in_passing_is_never_asked_for(chat):
    c = chat()
    c.say("hello")
    reply = c.say("my neck has hurt for 2 months and I haven't tried anything yet")
    assert c.slots["treatments_tried"] == []
    assert "What have you tried" not in reply
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_distress_is_acknowledged_once_and_the_conversation_goes_on(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("I'm so worn out by this pain")
    assert "I'm sorry you're going through this" in reply
    assert CLINIC.crisis_line.number in reply  # a safety net, in case despair is behind it
    assert reply.rstrip().endswith("How long have you had this pain?")
    again = c.say("I'm miserable with it")
    assert "I'm sorry you're going through this" not in again
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_call_back_request_collects_the_details_at_once(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("could someone from the clinic phone me back please")
    assert "call you back" in reply
    assert "Would you like" not in reply
    assert c.active_form == "booking_form"
    assert c.slots["booking_kind"] == "callback"
    assert c.slots["requested_slot"] == "booking_name"


def test_after_the_options_what_now_offers_the_consultation_again(chat):
    c = chat()
    c.say("hello")
    c.say("my lower back has hurt for about 6 months")
    c.say("physio and ibuprofen")
    c.answer_the_screen("no, none of those")  # the screen, then the story questions
    c.say("skip")  # the pain questions
    assert c.slots["pending_offer"] == "booking"
    c.say("no thanks")
    assert c.slots["pending_offer"] is None
    reply = c.say("ok so what happens next")
    assert "consultation" in reply
    assert "welcome" not in reply
    assert c.slots["pending_offer"] == "booking"
