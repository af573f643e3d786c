"""Whole conversations that book after the options in the patient's own way: a name typed
alone at the offer of the pain questions, "plz book" or "vamos a tomar la cita" there, and
advice for one sign followed by "should we go to the ER?" while another sign's question waits.
Real model, real action server. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CONFIRM, to_a_confirming_question, to_the_options

PEG_OFFER = "three quick questions"
PEG_OFFER_ES = "tres preguntas rápidas"


def _kinds(c):
    return [b["kind"] for b in store.list_bookings(c.sender)]


def test_a_name_typed_alone_at_the_pain_questions_offer_starts_the_booking_with_it(chat):
    c = chat("name-at-offer")
    assert PEG_OFFER in to_the_options(c)
    reply = c.say("Dolores Whitfield")
    assert "phone number or email" in reply and c.active_form == "booking_form"
    c.say("555 014 7782")
    c.say("tuesday after lunch")
    assert _kinds(c) == ["consultation"]
    assert store.list_bookings(c.sender)[0]["name"] == "Dolores Whitfield"


def test_plz_book_at_the_pain_questions_offer_books(chat):
    c = chat("plz-book")
    assert PEG_OFFER in to_the_options(c)
    reply = c.say("sure, plz book")
    assert "What name" in reply and c.active_form == "booking_form"


def test_spanish_a_name_at_the_offer_then_the_booking_completes(chat):
    c = chat("nombre-en-oferta")
    assert PEG_OFFER_ES in to_the_options(c, "es")
    reply = c.say("Ramiro Quintanilla Soto")
    assert "teléfono o correo" in reply
    c.say("555 018 2290")
    c.say("los jueves por la tarde")
    assert _kinds(c) == ["consultation"]


def test_spanish_taking_the_appointment_at_the_offer_books(chat):
    c = chat("tomar-cita")
    assert PEG_OFFER_ES in to_the_options(c, "es")
    reply = c.say("bueno, vamos a tomar la cita")
    assert "nombre" in reply and c.active_form == "booking_form"


def test_asking_about_the_advice_for_another_sign_does_not_answer_the_waiting_question(chat):
    c = chat("advice-then-er")
    to_a_confirming_question(c)  # "Just to be safe" about the bladder
    advice = c.say("hmm, my weight has dropped 9 kilos since spring and I am not dieting")
    assert "24 hours" in advice and c.slots["red_flags"] == ["weight_loss"]
    reply = c.say("should we go to the ER or can it wait till monday?")
    assert c.slots["triage_level"] != "emergency" and "bladder_bowel" not in c.slots["red_flags"]
    assert CONFIRM in reply and "bladder" in reply
    c.say("yes, twice this week")
    assert c.slots["triage_level"] == "emergency"
