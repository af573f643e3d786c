"""Whole conversations where the patient acts instead of answering: a booking asked for after
words about an option, at a story question; an emergency sign's confirming question met with
"I don't know what to do" or "should I bring her to you?". Real model, real action server.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CLINIC, CONFIRM, CONFIRM_ES, to_a_confirming_question, to_the_screen_es

SPREAD = "spread"


def _to_the_spread_question(c) -> str:
    c.say("hello")
    c.say("my neck")
    c.say("about 8 months")
    c.say("physio and naproxen")
    return c.say("no, none of those")


def test_a_booking_asked_for_after_praising_an_option_starts_at_a_story_question(chat):
    c = chat("option-then-book")
    assert SPREAD in _to_the_spread_question(c)
    reply = c.say("OK, the radiofrequency one sounds like it could be for me. Could we book a time to talk?")
    assert "What name" in reply and c.active_form == "booking_form"
    c.say("Priya Haldane")
    c.say("555 013 4471")
    c.say("Thursday mornings")
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]
    assert c.slots["triage_level"] == "consultation"


def test_wanting_to_come_in_is_a_booking(chat):
    c = chat("come-in")
    assert SPREAD in _to_the_spread_question(c)
    reply = c.say("honestly I'd really like to come in and go through it all with someone")
    assert "What name" in reply and c.active_form == "booking_form"


def test_a_question_about_an_option_with_booking_said_first_is_still_answered(chat):
    c = chat("book-then-ask")
    assert SPREAD in _to_the_spread_question(c)
    reply = c.say("I'd like to book at some point. But what are the risks of a facet joint injection?")
    assert "Facet joint injection" in reply
    assert c.active_form != "booking_form" and not store.list_bookings(c.sender)


def test_not_knowing_what_to_do_at_a_bladder_question_gets_the_emergency_advice(chat):
    c = chat("dont-know")
    to_a_confirming_question(c)
    reply = c.say("my husband is away and I really don't know what to do")
    assert CONFIRM not in reply
    assert c.slots["triage_level"] == "emergency" and c.slots["red_flags"] == ["bladder_bowel"]
    assert "911" in reply


def test_asking_to_bring_a_relative_to_the_clinic_instead_gets_the_emergency_advice(chat):
    c = chat("bring-her")
    c.say("hi, I'm writing for my grandmother")
    c.say("lower back")
    question = c.say("what if she can't control her bladder? it's been 3 weeks")
    assert CONFIRM in question
    reply = c.say("can we bring her to your clinic instead? she won't go near a hospital")
    assert c.slots["triage_level"] == "emergency" and "911" in reply


def test_despair_at_the_question_is_still_no_yes(chat):
    c = chat("despair")
    to_a_confirming_question(c)
    reply = c.say("I just don't know what to do anymore, nothing helps")
    assert c.slots["triage_level"] != "emergency"
    assert CONFIRM in reply or "emergency department" in reply


def test_not_knowing_what_to_do_in_spanish_gets_the_emergency_advice(chat):
    c = chat("no-se")
    to_the_screen_es(c)
    reply = c.say("pues a ratos como que se me duermen las nalgas, ¿eso es normal?")
    assert CONFIRM_ES in reply
    reply = c.say("estoy sola con los niños y no sé qué hacer")
    assert c.slots["triage_level"] == "emergency"
    assert "saddle_numbness" in c.slots["red_flags"] and "911" in reply


def test_a_name_at_the_name_question_is_taken_and_a_clinic_question_still_answered(chat):
    for lang, name, contact, when in (("en", "Owen Price-Lloyd", "555 019 2284", "Monday mornings"),
                                      ("es", "Lucía Rampas", "555 016 4430", "los lunes por la tarde")):
        c = chat(f"name-{lang}")
        c.say("hello" if lang == "en" else "hola")
        c.say("I'd like to book an appointment" if lang == "en" else "quiero pedir una cita")
        c.say(name)
        assert c.slots["booking_name"] == name
        c.say(contact)
        c.say(when)
        assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]
    c = chat("name-question")
    c.say("hello")
    c.say("I'd like to book an appointment")
    reply = c.say("where is the clinic?")
    assert CLINIC.address in reply and c.slots["booking_name"] is None
