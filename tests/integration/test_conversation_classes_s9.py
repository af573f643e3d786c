"""Whole conversations (real model, real action server) for session 9's off-script classes:
the clinic questions the front desk's file did not know (both languages), "are you a bot?" at
hello, a request to book said with distress or while a call back is offered, a relative asking
whether to wait at a confirming question, a call back asked for with the number, a name
corrected at a later question, and an adult's greeting read as a minor's. Sentences written for
these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()
DONT_HAVE = "I don't have that information"
NO_TENGO = "No tengo esa información"


def _dont_have(reply: str, words: str = DONT_HAVE) -> bool:
    return words in reply and CLINIC.phone in reply


@pytest.mark.parametrize("question", [
    "is it ok to just drop by without an appointment?",
    "do you accept walk ins on a saturday?",
    "could my partner come along to the consultation?",
    "am I allowed to bring my sister with me?",
    "do you have someone who can translate, my english is not very good",
    "is there a sign language interpreter?",
    "what's the doctor's name?",
    "which specialist would I be seeing?",
    "my mum uses a walker frame, are there ramps?",
    "I'm two hours' drive away. Could the first appointment be over video?",
    "does medicaid cover this",
])
def test_a_new_clinic_question_gets_an_honest_answer_and_the_question_resumes(chat, question):
    c = chat("faq-new")
    c.say("hello")
    assert "How long" in c.say("my neck")
    reply = c.say(question)
    assert _dont_have(reply), reply
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert c.active_form == "triage_form" and c.slots["pain_location"] == "neck"


def test_how_to_cancel_is_answered_from_the_file_and_a_request_is_not_changed(chat):
    c = chat("faq-cancel")
    c.say("hello")
    c.say("my lower back")
    reply = c.say("if I can't make it on the day, how do I cancel?")
    assert "To cancel or change an appointment, call" in reply and CLINIC.phone in reply
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert not c.slots.get("change_requested")


def test_a_question_beside_a_clinical_detail_in_another_sentence_is_answered(chat):
    c = chat("faq-beside")
    c.say("hello")
    c.say("lower back")
    c.say("about 4 months")
    # (surgery on the spine: an operation on a knee is no treatment of the back, session 11)
    reply = c.say("I had surgery on my spine last year. Is the building wheelchair accessible?")
    assert _dont_have(reply)
    assert "surgery" in (c.slots["treatments_tried"] or [])  # the detail is still taken


def test_a_clinic_question_the_classifier_took_for_despair_is_answered(chat):
    c = chat("faq-pension")
    c.say("hello")
    reply = c.say("do you take medicare? I can't be paying out of pocket on my pension")
    assert _dont_have(reply)
    assert "988" not in reply  # no crisis line for a question about money


@pytest.mark.parametrize("question", [
    "¿se puede llegar sin cita?",
    "¿puedo ir acompañada de mi hermana?",
    "¿tienen intérprete? mi papá no habla inglés",
    "¿cuál es el nombre del doctor?",
    "¿hay rampa para la silla de ruedas?",
])
def test_the_new_clinic_questions_in_spanish(chat, question):
    c = chat("faq-es")
    c.say("hola, me duele la espalda")
    before = c.slots["requested_slot"]
    reply = c.say(question)
    assert _dont_have(reply, NO_TENGO), reply
    assert c.active_form == "triage_form" and c.slots["requested_slot"] == before


def test_a_bot_question_at_hello_is_answered_and_the_questions_start(chat):
    c = chat("bot-first")
    reply = c.say("before we start, is this an actual human or a computer?")
    assert "automated assistant" in reply and "Where does it hurt?" in reply
    assert c.active_form == "triage_form"


def test_distress_with_a_request_to_book_starts_the_booking(chat):
    c = chat("distress-book")
    c.say("hello")
    c.say("lower back")
    reply = c.say("I'm just worn out by all of this. ok I'll book")
    assert "What name" in reply and c.active_form == "booking_form"
    c.say("Imogen Hartley")
    c.say("555 014 7788")
    c.say("weekday afternoons")
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_asking_to_book_while_a_call_back_is_offered_books_a_consultation(chat):
    c = chat("human-then-book")
    c.say("hello")
    c.say("neck")
    c.say("I'd like to talk to a real person please")
    c.say("ok never mind, let's book then")
    c.say("Rowan Pike")
    c.say("555 018 2231")
    c.say("mornings")
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_a_relative_asking_whether_to_wait_is_a_yes_to_the_sign(chat):
    c = chat("proxy-wait")
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert "Just to be safe" in question
    reply = c.say("should we just wait until her doctor's appointment next week?")
    assert c.slots["triage_level"] == "emergency" and "emergency department" in reply


def test_a_call_back_asked_for_with_the_number_takes_the_number(chat):
    c = chat("ring-me")
    c.say("hello")
    reply = c.say("typing is hard for me, could someone phone me instead? 555 0199 321")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] and "What name" in reply


def test_a_name_put_down_differently_at_a_later_question_is_corrected(chat):
    c = chat("name-fix")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Bob Carter")
    reply = c.say("actually can you put me down as Robert Carter rather than Bob")
    assert "Got it: Robert Carter" in reply and c.slots["booking_name"] == "Robert Carter"
    assert c.slots["requested_slot"] == "booking_contact"


def test_an_adults_friendly_greeting_is_not_read_as_a_minor(chat):
    c = chat("dear")
    reply = c.say("Hello love, my neck has been stiff")
    assert "18" not in reply and c.slots["pain_location"] == "neck"
    assert c.active_form == "triage_form"


def test_a_time_said_with_distress_words_answers_when(chat):
    c = chat("time-distress")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Petra Lindqvist")
    c.say("555 016 4420")
    reply = c.say("whatever evening suits, I'm stuck at home with this awful pain anyway")
    assert c.slots["booking_time"] and c.slots["booking_reference"] and "reference" in reply


def test_nothing_helps_at_hello_is_acknowledged_once(chat):
    c = chat("nothing-once")
    reply = c.say("no idea why I bother, nothing ever helps")
    assert reply.count("nothing has helped") == 1 and "Where does it hurt?" in reply


def test_a_clinic_question_during_booking_with_a_clinical_word_is_answered(chat):
    c = chat("faq-booking-es")
    c.say("hola")
    c.say("quiero pedir una cita")
    reply = c.say("antes de darle mi nombre, ¿tienen ascensor? uso andador desde la cirugía")
    assert _dont_have(reply, NO_TENGO), reply
    assert c.slots["requested_slot"] == "booking_name" and c.active_form == "booking_form"
