"""Whole conversations that switch language, or keep it, as the patient means.

English asked for inside a Spanish message, a mixed message, a word of the other language, a
surname that names a language, a question about the doctor's languages, starting again. Real
model, real action server. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CLINIC, ENGLISH, book, reach


def test_starting_again_keeps_the_language(chat):
    c = chat("empezar-es")
    c.say("hola, me duele el cuello")
    reply = c.say("quiero empezar de nuevo")
    assert "Empecemos de nuevo" in reply and c.slots["pain_location"] is None
    reply = c.say("555 201 7788")
    assert c.slots["language"] == "es"
    assert "What" not in reply and "the" not in reply.split()


def test_asking_whether_the_doctor_speaks_spanish_does_not_switch(chat):
    c = chat("doctor-spanish")
    c.say("my lower back hurts")
    reply = c.say("does the specialist speak Spanish? it's for my dad, his English is not great")
    assert c.slots["language"] == "en"
    assert CLINIC.phone in reply or "Spanish" in reply
    assert "How long" in reply


def test_english_asked_for_in_a_spanish_answer_switches_and_ends_in_english(chat):
    c = chat("english-inside")
    c.say("buenas tardes, tengo dolor en la espalda baja desde hace unos 5 meses")
    reply = c.say("no, in English por favor, I read it better")
    assert c.slots["language"] == "en"
    assert "tried" in reply  # the pending question again, now in English
    c.say("physio and some naproxen")
    c.answer_the_screen()
    c.say("it stays in my back")
    c.say("no thanks")  # the three questions about the pain, skipped
    c.say("yes please")
    reply = book(c, "Lucia Fernandez Hart", "555 301 7788", "tuesday afternoons")
    assert "Thank you" in reply and c.slots["language"] == "en"
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_switch_to_english_in_a_spanglish_message(chat):
    c = chat("switch-to-english")
    c.say("hola, tengo pain en el cuello since like 3 months")
    reply = c.say("oye can we switch to English? mi español is not very good")
    assert c.slots["language"] == "en"
    assert "tried" in reply


def test_a_mixed_message_keeps_an_english_conversation_in_english(chat):
    c = chat("mixed-keeps-en")
    c.say("hello, my lower back has been sore for about 4 months")
    reply = c.say("sí, I did physical therapy pero no me ayudó mucho")
    assert c.slots["language"] == "en"
    assert "physical therapy" in c.slots["treatments_tried"] or \
        c.slots["treatments_tried"] == ["physical_therapy"]
    assert "Before we go on" in reply


def test_a_mixed_message_keeps_a_spanish_conversation_in_spanish(chat):
    c = chat("mixed-keeps-es")
    c.say("hola, me duele el cuello desde hace como 4 meses")
    reply = c.say("I took advil y también fui al quiropráctico pero nada")
    assert c.slots["language"] == "es"
    assert "Antes de seguir" in reply


def test_a_surname_that_names_a_language_keeps_english(chat):
    c = chat("surname")
    c.say("hello")
    c.say("I'd like to book an appointment")
    reply = c.say("Elena Castellano")
    assert c.slots["language"] == "en" and "phone number or email" in reply


def test_asked_whether_the_doctor_speaks_spanish_the_team_s_languages_are_said(chat):
    c = chat("doctor-languages-es")
    reach(c, "asked_where", "es")
    reply = c.say("Disculpe, ¿los doctores hablan español? Mi inglés es poco.")
    # the team's languages from clinic.yml, or (none configured there) the front desk's phone
    assert "Nuestro equipo habla" in reply or CLINIC.phone in reply
    assert c.slots["requested_slot"] == "pain_location"


def test_asked_in_english_for_someone_who_speaks_spanish_the_answer_is_spanish(chat):
    c = chat("speaks-spanish")
    reply = c.say("Hi there, is there somebody who speaks Spanish?")
    assert c.slots.get("language") == "es"
    assert "¿Dónde le duele?" in reply, reply
    assert "I don't have" not in reply


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


def test_a_patient_mixing_spanish_into_english_is_answered_in_spanish(chat):
    c = chat("spanglish")
    said = [c.say("hola, my neck me duele un montón")]
    said.append(c.say("like three months más o menos"))
    said.append(c.say("physical therapy y a veces Tylenol"))
    said.append(c.say("no, nothing like that"))
    assert c.slots["language"] == "es"
    assert not [s for s in said if any(w in s.lower() for w in ENGLISH)], said
