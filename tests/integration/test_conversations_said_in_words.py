"""Whole conversations whose patients say things as they would say them aloud: the phone or
email in words, a name with its spelling or its surnames reordered, "book." and every detail
at a triage question, a question asked instead of the yes or no to a sign's question. Real
model, real action server. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CONFIRM, CONFIRM_ES, to_a_confirming_question, to_the_options


def _booked(c):
    return [b for b in store.list_bookings(c.sender) if b["kind"] == "consultation"]


def test_spanish_a_phone_said_in_words_at_the_contact_question_books(chat):
    c = chat("telefono-en-palabras")
    to_the_options(c, "es")
    c.say("sí, quiero una cita")
    c.say("Amparo Quiroga Beltrán")
    reply = c.say("mi celular es el cinco cinco cinco, cero dos ocho seis")
    assert "¿Cuándo prefiere" in reply, reply
    c.say("los jueves temprano")
    assert [(b["name"], b["contact"]) for b in _booked(c)] == [("Amparo Quiroga Beltrán", "5550286")]


def test_a_name_spelt_out_and_an_email_in_words_complete_the_booking(chat):
    c = chat("spelt-name-spoken-email")
    to_the_options(c)
    c.say("ok, book me in please")
    reply = c.say("Vera Holm, that's H-O-L-M")
    assert "full name" not in reply and "phone number or email" in reply, reply
    reply = c.say("email is vera.holm at example dot net")
    assert "When would you prefer" in reply, reply
    c.say("Wednesday after lunch")
    assert [(b["name"], b["contact"]) for b in _booked(c)] == [("Vera Holm", "vera.holm@example.net")]


def test_spanish_surnames_put_right_in_the_same_answer(chat):
    c = chat("apellidos-al-reves")
    to_the_options(c, "es")
    c.say("sí, quiero una cita")
    reply = c.say("Noelia Prieto Castaño. Ay, perdona, Castaño Prieto, que siempre me los cambian")
    assert "nombre completo" not in reply, reply
    c.say("555 330 1277")
    c.say("por las tardes")
    assert [b["name"] for b in _booked(c)] == ["Noelia Castaño Prieto"]


def test_book_and_every_detail_at_a_triage_question_books_at_once(chat):
    c = chat("book-dot-details")
    c.say("hi, lower back for about a year")
    reply = c.say("book. Dmitri Volkov. dvolkov@example.com. mon am")
    assert "not a diagnosis" not in reply  # booked first, not the options
    booked = _booked(c)
    assert [(b["name"], b["contact"]) for b in booked] == [("Dmitri Volkov", "dvolkov@example.com")]


def test_a_question_at_a_confirming_question_is_answered_then_the_sign_asked_again(chat):
    c = chat("question-at-confirm")
    to_a_confirming_question(c)
    reply = c.say("how long does a consultation take?")
    assert "yes or a no" not in reply and CONFIRM in reply, reply
    assert c.slots["red_flags_unsure"] and not c.slots["red_flags"]


def test_spanish_coming_with_someone_is_no_yes_to_the_sign(chat):
    c = chat("acompanado")
    first = c.say("hola, me duele la espalda baja y a veces siento raro entre las piernas")
    assert CONFIRM_ES in first, first
    reply = c.say("¿y para la inyección tengo que ir acompañado o puedo ir solo?")
    assert c.slots.get("triage_level") != "emergency" and not c.slots.get("red_flags"), reply
    assert CONFIRM_ES in reply and "necesito un sí o un no" not in reply, reply


def test_spanish_a_time_with_who_takes_her_is_taken_and_booked(chat):
    c = chat("hora-con-quien-me-lleva")
    to_the_options(c, "es")
    c.say("sí, quiero una cita")
    c.say("Amparo Quiroga Beltrán")
    c.say("555 330 1277")
    reply = c.say("los martes tipo a las 8 o 9, que después no tengo quién me acompañe")
    assert "adultos" not in reply and "¿Cuándo prefiere" not in reply, reply
    assert [b["name"] for b in _booked(c)] == ["Amparo Quiroga Beltrán"]


def test_spanish_working_hours_in_the_first_message_are_no_age(chat):
    c = chat("horario-de-trabajo")
    reply = c.say("hola, ¿qué horario tienen? estoy de 9 a 6 en la oficina")
    assert "adultos" not in reply and "18" not in reply, reply
