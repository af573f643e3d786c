"""Whole conversations with red flags: raised, asked or not, as the patient means.

A sign said after a denial or as an amount is an emergency; a denied list goes on; a fever asked
about then denied asks nothing; a sign told in other words is raised at once; after a relative
says they write for the patient, "he" and "dad" are the patient. Real model, real action server.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.integration.steps import CLINIC, CONFIRM


def test_a_fever_asked_about_then_denied_asks_no_confirming_question(chat):
    c = chat("s11-fever-denied")
    c.say("hello")
    c.say("lower back")
    reply = c.say("could a bad back give you a fever? I don't have one, just curious")
    assert CONFIRM not in reply
    assert not c.slots["red_flags"] and not c.slots.get("red_flags_unsure")
    assert c.active_form == "triage_form"


def test_clothes_hanging_off_without_dieting_is_weight_loss_at_once(chat):
    c = chat("s11-weight")
    c.say("hello")
    c.say("lower back")
    c.say("my jeans are literally hanging off me these days and I haven't been dieting, pain about 6 weeks")
    assert "weight_loss" in c.slots["red_flags"]


@pytest.mark.parametrize("first, second, sign", [
    ("my lower back has hurt for 3 days", "no fever cant control my bladder since this morning",
     "bladder_bowel"),
    ("my lower back has hurt for 3 days", "this morning I peed a bit in my trousers and didn't notice",
     "bladder_bowel"),
    ("me duele la cintura desde hace 3 días", "no tengo fiebre ya no aguanto la orina desde anoche",
     "bladder_bowel"),
    ("me duele la cintura desde hace 3 días", "y se me ha salido la caca sin querer dos veces",
     "bladder_bowel"),
])
def test_a_sign_said_after_a_denial_or_as_an_amount_is_an_emergency(chat, first, second, sign):
    c = chat("round16-sign")
    c.say(first)
    reply = c.say(second)
    assert c.slots["triage_level"] == "emergency" and sign in c.slots["red_flags"]
    assert CLINIC.emergency_number in reply


def test_a_denied_list_at_the_screen_goes_on(chat):
    c = chat("round16-denied")
    c.say("me duele la cintura desde hace 3 meses")
    c.say("ibuprofeno")
    c.say("caídas ninguna, fiebre no, ninguna pérdida de peso, de la orina bien")
    assert not c.slots.get("red_flags") and c.slots["triage_level"] not in ("emergency", "urgent")


def test_a_sign_told_as_he_after_writing_for_dad_is_an_emergency(chat):
    c = chat("writing-for-dad")
    c.say("hi, I'm writing for my dad, his lower back has been bad for 2 months")
    reply = c.say("and since yesterday he can't hold his water")
    assert c.slots["triage_level"] == "emergency" and "bladder_bowel" in c.slots["red_flags"]
    assert CLINIC.emergency_number in reply


def test_the_patients_own_relatives_history_stays_theirs_after_writing_for_him(chat):
    c = chat("writing-for-dad-family")
    c.say("hi, I'm writing for my dad, his lower back has been bad for 2 months")
    c.say("his mum had breast cancer, if that matters")
    assert "cancer_history" not in (c.slots.get("red_flags") or [])


def test_without_writing_for_anyone_a_relatives_sign_is_not_raised_as_the_patients(chat):
    c = chat("own-pain-dad")
    c.say("hi, my lower back has been bad for 2 months")
    c.say("my dad can't control his bladder these days, he's 90")
    assert c.slots.get("triage_level") != "emergency"


def test_a_fall_told_of_papa_after_writing_for_him_is_urgent_in_spanish(chat):
    c = chat("escribo-por-papa")
    c.say("hola, le escribo por mi papá, le duele la espalda baja desde hace un mes")
    c.say("mi papá se cayó ayer en la calle")
    assert "trauma" in (c.slots.get("red_flags") or []) and c.slots["triage_level"] == "urgent"
