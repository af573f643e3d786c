"""Whole conversations (real model, real action server): words that book in Spanish said alone
("va, agenda", "perfecto, agendemos") book a consultation, never the call-back offer; two
languages named in one message switch to the one asked for first; a booking question's short
answer ("tue/thu evenings") is read by the booking form, never answered as a language the
assistant does not speak. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store


def _to_the_options(c, lang: str) -> None:
    if lang == "es":
        for text in ("hola, me duele la espalda baja desde hace 5 meses", "fisioterapia y naproxeno"):
            c.say(text)
        c.answer_the_screen("no, nada de eso")
    else:
        for text in ("hi, my neck has hurt for 5 months", "physio and naproxen"):
            c.say(text)
        c.answer_the_screen()
    assert c.slots["triage_level"] == "consultation"


def test_agendemos_said_alone_books_a_consultation(chat):
    c = chat("agendemos")
    _to_the_options(c, "es")
    reply = c.say("listo, agendemos")
    assert "¿Quiere que le llamemos?" not in reply
    assert c.active_form == "booking_form" and c.slots["booking_kind"] != "callback"
    c.say("Mariana Torres Vidal")
    c.say("555 018 4471")
    reply = c.say("martes en la tarde")
    assert "consulta" in reply
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_agenda_as_an_imperative_books_and_the_name_is_taken(chat):
    c = chat("va-agenda")
    _to_the_options(c, "es")
    c.say("no gracias")  # the three questions about the pain, skipped
    reply = c.say("ok, agenda")
    assert c.active_form == "booking_form"
    reply = c.say("Rodrigo Peña")
    assert c.slots["booking_name"] == "Rodrigo Peña" and "teléfono" in reply


def test_english_asked_for_first_switches_though_spanish_is_named_after(chat):
    c = chat("english-first")
    c.say("hola, me duele el cuello")
    reply = c.say("sorry can we do english instead? my aunt opened this page in spanish")
    assert c.slots["language"] == "en"
    assert "How long" in reply


def test_a_short_booking_time_is_taken_not_answered_as_another_language(chat):
    c = chat("short-time")
    _to_the_options(c, "en")
    c.say("no thanks")
    c.say("yes please")
    c.say("Kofi Mensah")
    c.say("555 014 2290")
    reply = c.say("tue/thu evenings")
    assert "only chat in English and Spanish" not in reply
    assert "Kofi Mensah" in reply and c.slots["booking_reference"]
