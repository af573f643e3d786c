"""Whole conversations where a turn meant something other than what was asked (session 18).

A language asked for beside words the classifier hears as despair; leaving words at a
question; "nothing helped" said in its spoken short forms; booking details given at a 0-10
question; the time of a call back said as a request; a relative who will not go to the ER,
answering the bladder question. Real model, real action server. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot import store
from tests.integration.steps import CLINIC, ENGLISH, book, reach


def test_english_asked_for_beside_a_helper_switches_without_the_crisis_line(chat):
    c = chat("switch-helper")
    reach(c, "asked_how_long", lang="es")
    said = c.say("¿se puede seguir en inglés? mi nieto me ayuda con el teléfono y él entiende mejor el inglés")
    assert c.slots["language"] == "en"
    assert CLINIC.crisis_line.number not in said and "How long" in said


@pytest.mark.parametrize("lang,state,leaving", [
    ("es", "asked_red_flags", "olvídelo"),
    ("es", "asked_what_tried", "déjelo así"),
    ("es", "asked_where", "olvídalo"),
    ("en", "asked_red_flags", "forget about it"),
    ("en", "asked_how_long", "never mind"),
])
def test_leaving_words_at_a_question_end_kindly(chat, lang, state, leaving):
    c = chat(f"leaving-{lang}-{state}")
    reach(c, state, lang=lang)
    said = c.say(leaving)
    assert CLINIC.phone in said and CLINIC.emergency_number in said
    assert c.active_form is None and c.slots["requested_slot"] is None


def test_nothing_helped_in_spoken_short_forms_asks_what_was_tried(chat):
    c = chat("na-me-funciona")
    reach(c, "asked_what_tried", lang="es")
    said = c.say("ya le hice de tó y na' me funciona")
    assert c.slots["treatments_tried"] is None  # never "tried nothing"
    assert c.slots["requested_slot"] == "treatments_tried" and "probado" in said


def test_a_name_at_the_pain_score_question_goes_on_to_book(chat):
    c = chat("peg-name")
    c.say("hi")
    c.say("my neck")
    c.say("5 months")
    c.say("massage and tylenol")
    c.answer_the_screen()
    c.say("sure")  # the three questions about the pain
    c.say("Orla Brennan")
    assert c.slots["booking_name"] == "Orla Brennan" and c.active_form != "peg_form"
    c.say("555 302 4417")
    said = c.say("tuesday afternoons")
    assert "Orla Brennan" in said
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_call_me_after_work_at_when_is_the_time(chat):
    c = chat("call-after-work")
    reach(c, "booking_asked_time")
    said = c.say("could you ring me after 6? I'm at work until then")
    assert c.slots["booking_time"] and "6" in c.slots["booking_time"]
    assert c.slots["booking_reference"] and c.slots["booking_reference"] in said


@pytest.mark.parametrize("first,refusal,words", [
    ("my dad's lower back is bad for a week and since last night he has peed himself twice without noticing",
     "he won't go to the hospital, he says it's nothing. can you just see him monday?", ENGLISH),
    ("escribo por mi papá, le duele la espalda baja hace una semana y desde anoche se orina sin darse cuenta",
     "él no quiere ir al hospital, dice que no es nada. ¿qué hacemos?", None),
])
def test_a_relative_refusing_the_er_at_the_bladder_question_is_an_emergency(chat, first, refusal, words):
    c = chat("refuses-er-" + ("en" if words else "es"))
    c.say("hello" if words else "hola")
    asked = c.say(first)
    if c.slots["triage_level"] != "emergency":  # asked to confirm first
        assert c.slots["red_flags_unsure"], asked
        said = c.say(refusal)
        assert CLINIC.emergency_number in said
    assert c.slots["triage_level"] == "emergency" and "bladder_bowel" in c.slots["red_flags"]
    assert not store.list_bookings(c.sender)
