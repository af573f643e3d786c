"""Whole conversations where patients say two things at once or leave the script mid-way
(issue 16, session 7): booking details said with the request, everything in one message, a
clinic question beside "book me in", a real person asked for with "is this a bot?", a doubt
that outranks a generic intent, a thank-you at the end. Real model and action server; none of
these sentences is in data/ or a blind set."""
from __future__ import annotations

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()
CONTACT_QUESTION = "What phone number or email address"


def to_screen(c, how_long="about 7 months"):
    c.say("hello")
    c.say("my lower back")
    c.say(how_long)
    c.say("physio and naproxen")


def test_a_name_said_with_the_booking_request_is_not_asked_again(chat):
    c = chat()
    c.say("hello")
    c.say("lower back, for about a year")
    reply = c.say("Actually I'd rather just book an appointment. My name is Priya Raman")
    assert c.active_form == "booking_form"
    assert c.slots["booking_name"] == "Priya Raman"
    assert CONTACT_QUESTION in reply
    c.say("priya.raman@example.com")
    c.say("weekday afternoons")
    [request] = store.list_bookings(c.sender)
    assert request["name"] == "Priya Raman" and request["contact"] == "priya.raman@example.com"


def test_name_phone_and_time_in_one_message_fill_the_whole_booking(chat):
    c = chat()
    c.say("hello")
    c.say("I want to book a consultation")
    c.say("Leo Brandt 555 204 7781 friday mornings")
    [request] = store.list_bookings(c.sender)
    assert request["name"] == "Leo Brandt"
    assert request["contact"] == "5552047781"
    assert request["preferred_time"].lower() == "friday mornings"


def test_a_clinic_question_with_book_me_in_is_answered_then_booked(chat):
    c = chat()
    to_screen(c)
    c.answer_the_screen()
    c.say("is there parking? ok book me in")
    assert c.active_form == "booking_form"
    assert c.slots["requested_slot"] == "booking_name"


def test_lets_book_with_the_details_at_a_triage_question_books(chat):
    c = chat()
    c.say("hello")
    c.say("neck")
    c.say("Fine, let's book. Tomás Eriksen, 555-0148")
    assert c.active_form == "booking_form"
    assert c.slots["booking_name"] == "Tomás Eriksen"
    assert c.slots["booking_contact"] == "5550148"
    assert c.slots["requested_slot"] == "booking_time"


def test_is_this_a_bot_get_me_a_human_reaches_a_person(chat):
    c = chat()
    c.say("hello")
    reply = c.say("is this a bot? I want to speak to a real person")
    assert CLINIC.phone in reply
    assert c.slots["pending_offer"] == "callback"


def test_somebody_call_me_collects_the_call_back_at_once(chat):
    c = chat()
    c.say("hello")
    c.say("can somebody call me please, I want to ask a nurse something")
    assert c.active_form == "booking_form"
    assert c.slots["booking_kind"] == "callback"


def test_not_knowing_where_is_an_answer_whatever_else_it_sounds_like(chat):
    c = chat()
    c.say("hello")
    reply = c.say("I couldn't say really, it moves around from week to week")
    assert c.active_form == "triage_form"
    assert c.slots["requested_slot"] == "pain_location"
    assert "front desk" not in reply  # not answered as a booking change or clinic question
    assert "For example" in reply  # asked again with examples, not word for word


def test_thanks_at_the_end_gives_the_numbers(chat):
    c = chat()
    to_screen(c, how_long="9 days")
    c.answer_the_screen()
    assert c.slots["triage_level"] == "self_care"
    reply = c.say("cheers, thank you")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_a_fear_beside_none_of_those_is_not_asked_as_a_sign(chat):
    c = chat()
    to_screen(c, how_long="3 weeks")
    c.say("No, none of those. Could this be something serious like cancer though?")
    assert c.slots["red_flag_screen"] == "clear"
    assert not c.slots.get("red_flags_unsure")
    assert c.slots["triage_level"] == "self_care"
