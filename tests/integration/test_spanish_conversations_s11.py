"""Whole conversations (real model, real action server) for session 11's Spanish classes: a
doubt about how long said at a sign's confirming question is asked again, never an emergency;
a booking asked for at a confirming question is kept, and the phone said with a sign at the
booking's contact question too; leaving for now ends kindly with both numbers; asked in
English for someone who speaks Spanish, the answer is Spanish. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

from bot.clinic import load_clinic

CLINIC = load_clinic()
AGAIN = "Perdone, para esta pregunta necesito un sí o un no."


def test_a_doubt_about_how_long_at_a_signs_question_is_asked_again(chat):
    c = chat("doubt")
    first = c.say("hola, me duele la espalda baja y a veces siento raro entre las piernas")
    assert "Por seguridad" in first, first
    reply = c.say("uf no sé, serán como cuatro meses")
    assert AGAIN in reply, reply
    assert c.slots.get("triage_level") != "emergency"
    assert "saddle_numbness" not in (c.slots.get("red_flags") or [])
    c.say("no, eso no")
    assert "saddle_numbness" in (c.slots.get("red_flags_ruled_out") or [])


def test_a_booking_asked_for_at_a_confirming_question_starts_when_it_is_settled(chat):
    c = chat("book-at-confirm")
    first = c.say("buenas, tengo dolor de espalda baja y a veces siento raro entre las piernas")
    assert "Por seguridad" in first, first
    assert AGAIN in c.say("sí, quiero pedir una cita")
    reply = c.say("no, no tengo eso")
    assert c.active_form == "booking_form", reply
    assert c.slots.get("requested_slot") == "booking_name", (reply, c.slots.get("booking_name"))


def test_the_phone_said_with_a_sign_at_the_contact_question_is_kept(chat):
    c = chat("phone-kept")
    c.say("quiero una cita para mi dolor de espalda")
    c.say("Remedios Carrasco")
    reply = c.say("555 013 4477. otra cosa, desde hace unos días siento raro entre las piernas")
    assert "Por seguridad" in reply, reply
    assert c.slots.get("booking_contact") == "5550134477"


def test_leaving_for_now_at_the_name_question_ends_kindly(chat):
    c = chat("leaving")
    c.say("quisiera agendar una consulta")
    assert c.slots.get("requested_slot") == "booking_name"
    reply = c.say("ahorita estoy manejando, más tarde les escribo")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply, reply
    assert c.active_form is None


def test_asked_in_english_for_someone_who_speaks_spanish_the_answer_is_spanish(chat):
    c = chat("speaks-spanish")
    reply = c.say("Hi there, is there somebody who speaks Spanish?")
    assert c.slots.get("language") == "es"
    assert "¿Dónde le duele?" in reply, reply
    assert "I don't have" not in reply


def test_asked_whose_name_to_give_the_answer_comes_and_the_name_question_again(chat):
    c = chat("whose-name")
    c.say("quiero sacar una cita, es para mi suegra")
    assert c.slots.get("requested_slot") == "booking_name"
    reply = c.say("¿pongo su nombre o el mío?")
    assert "paciente" in reply, reply
    assert c.slots.get("requested_slot") == "booking_name" and not c.slots.get("booking_name")


# ---------------------------------------------------------------- session 13
def test_a_lone_hello_then_spanish_is_answered_in_spanish(chat):
    c = chat("hello-then-spanish")
    c.say("hello")
    assert c.slots.get("language") == "en"
    reply = c.say("me duele la espalda de abajo desde hace tiempo")
    assert c.slots.get("language") == "es"
    assert "the" not in reply.lower().split() and "?" in reply, reply


def test_an_english_conversation_keeps_english_after_a_word_of_spanish(chat):
    c = chat("english-settled")
    c.say("hi, my neck has been stiff for a couple of months")
    c.say("gracias amigo")
    assert c.slots.get("language") == "en"
