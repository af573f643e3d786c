"""Whole conversations (real model, real action server) for session 15's kinds: asking to be
seen after self-care books; putting the booking off wins over the booking words inside it;
stepping away with a number ("brb 1 sec"); a name that looks like "reiniciar" is a name, and
starting again keeps the language; a question about the doctor's languages does not switch;
a scan report asked to be read; leaving at a warning sign's confirming question still stores a
level; distress told in many clauses is acknowledged. Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()


def _to_self_care(c, lang: str = "en") -> str:
    if lang == "es":
        c.say("hola, me duele la parte baja de la espalda desde hace 10 días")
        c.say("nada todavía")
        return c.answer_the_screen("no, nada de eso")
    c.say("hi, my lower back has hurt for 10 days")
    c.say("nothing yet")
    return c.answer_the_screen()


def _to_the_options(c, lang: str = "en") -> str:
    if lang == "es":
        c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
        c.say("fisioterapia y naproxeno")
        return c.answer_the_screen("no, nada de eso")
    c.say("hello, my lower back has hurt for 7 months")
    c.say("physio and naproxen")
    return c.answer_the_screen()


def test_wanting_to_be_seen_anyway_after_self_care_books(chat):
    c = chat("seen-anyway")
    _to_self_care(c)
    assert c.slots["triage_level"] == "self_care"
    reply = c.say("I'd still rather see one of your doctors, just to be on the safe side")
    assert c.active_form == "booking_form" and "988" not in reply


def test_no_me_podrian_ver_de_todas_formas_books_in_spanish(chat):
    c = chat("ver-igual")
    _to_self_care(c, "es")
    reply = c.say("¿y no me podrían ver igual? es que manejo camión y necesito estar bien")
    assert c.active_form == "booking_form" and "988" not in reply
    assert c.slots["language"] == "es"


def test_not_wanting_the_appointment_yet_is_put_off_not_booked(chat):
    c = chat("no-quiero-aun")
    _to_the_options(c, "es")
    c.say("no, gracias")  # the three questions about the pain, skipped
    reply = c.say("todavía no quiero pedir la cita, lo quiero platicar con mi esposa")
    assert "no hay prisa" in reply and c.active_form is None
    assert not store.list_bookings(c.sender) and c.slots["triage_level"] == "consultation"


def test_sign_me_up_at_a_story_question_books(chat):
    c = chat("apuntame")
    c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
    c.say("fisioterapia y naproxeno")
    c.answer_the_screen("no, nada de eso")
    reply = c.say("ya, apúnteme por favor")
    assert c.active_form == "booking_form"
    reply = c.say("Reinaldo Ibáñez")  # its letters are close to "reiniciar": still a name
    assert c.slots["booking_name"] and c.slots["pain_location"] == "lower_back"
    assert "teléfono" in reply


def test_starting_again_keeps_the_language(chat):
    c = chat("empezar-es")
    c.say("hola, me duele el cuello")
    reply = c.say("quiero empezar de nuevo")
    assert "Empecemos de nuevo" in reply and c.slots["pain_location"] is None
    reply = c.say("555 201 7788")
    assert c.slots["language"] == "es"
    assert "What" not in reply and "the" not in reply.split()


def test_brb_with_a_number_is_stepping_away(chat):
    c = chat("brb-1")
    c.say("my neck hurts")
    reply = c.say("brb 2 mins")
    assert "take your time" in reply.lower() and "How long" in reply
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_asking_whether_the_doctor_speaks_spanish_does_not_switch(chat):
    c = chat("doctor-spanish")
    c.say("my lower back hurts")
    reply = c.say("does the specialist speak Spanish? it's for my dad, his English is not great")
    assert c.slots["language"] == "en"
    assert CLINIC.phone in reply or "Spanish" in reply
    assert "How long" in reply


@pytest.mark.parametrize("first, question, expected", [
    ("my lower back has hurt for 5 months",
     "could you read my MRI first? it says mild disc bulge at L5-S1, is that bad?",
     ("specialist", "can't", "What have you tried")),
    ("me duele la parte baja de la espalda desde hace 5 meses",
     "¿me puede revisar la resonancia? dice hernia discal L4-L5, ¿es grave?",
     ("especialista", "No puedo", "Qué ha probado")),
])
def test_a_scan_report_asked_to_be_read_goes_to_the_specialist(chat, first, question, expected):
    c = chat("mri-read")
    c.say(first)
    reply = c.say(question)
    assert all(words in reply for words in expected), reply  # then the pending question again


def test_leaving_at_a_confirming_question_still_stores_a_level(chat):
    c = chat("leave-at-confirm")
    c.say("my lower back has hurt for 2 years")
    c.say("ibuprofen")
    reply = c.say("no. but I'm scared my legs will go weak one day, can that happen?")
    assert "Just to be safe" in reply
    reply = c.say("ok thanks, I'll think it over and talk to my husband first. bye")
    assert CLINIC.emergency_number in reply and "yes or a no" not in reply
    assert "didn't understand" not in reply
    slots = c.slots
    assert slots["triage_level"] == "consultation" and not slots["red_flags"]
    assert "leg_weakness" in slots["red_flags_unconfirmed"]
    assert c.active_form is None


def test_a_yes_with_a_goodbye_at_a_confirming_question_counts(chat):
    c = chat("yes-bye-confirm")
    c.say("my lower back has hurt for 2 years")
    c.say("ibuprofen")
    c.say("no. but I'm scared my legs will go weak one day, can that happen?")
    reply = c.say("yes actually they are getting weaker. gotta go, bye")
    assert c.slots["triage_level"] == "emergency" and "emergency" in reply


def test_distress_in_many_clauses_is_acknowledged_in_spanish(chat):
    c = chat("distress-es")
    c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
    reply = c.say("ya no puedo más, no duermo bien, lloro a cada rato y no sé qué hacer")
    assert "Siento" in reply and "qué ha probado" in reply.lower()


def test_giving_up_with_a_nada_in_it_is_a_goodbye(chat):
    c = chat("olvidalo-nada")
    c.say("hola, me duele mucho")
    reply = c.say("olvídelo, esto no me sirve de nada")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "Dónde le duele" not in reply and c.active_form is None


def test_not_sure_about_being_ready_said_with_booking_words_is_put_off(chat):
    c = chat("not-sure-ready-s15")
    _to_the_options(c)
    c.say("skip")
    reply = c.say("honestly I don't think I'm ready to book anything yet, I'll think about it")
    assert "no rush" in reply and not store.list_bookings(c.sender) and c.active_form is None


def test_fear_said_with_the_answer_is_heard_and_the_answer_kept(chat):
    c = chat("miedo-con-respuesta")
    c.say("hola")
    reply = c.say("en la parte baja de la espalda, pero tengo mucho miedo, no sé qué me pasa")
    assert "Siento" in reply and c.slots["pain_location"] == "lower_back"
    assert "cuánto tiempo" in reply.lower()


def test_a_call_back_asked_with_vosotros_is_collected_at_once(chat):
    c = chat("podeis-llamar")
    c.say("me duele la espalda baja")
    reply = c.say("a mí escribir me cuesta mucho, ¿me podéis llamar? mi número es 555 014 2299")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] and "teléfono" not in reply
