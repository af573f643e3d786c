"""Whole conversations (real model, real action server) for session 16's red-flag kinds: a
relative who said in an earlier message that they write for the patient tells the patient's
signs later as "he" or "dad", and those signs are the patient's (an emergency sign stops the
conversation at once), while the patient's own relatives stay someone else; the same in
Spanish. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot.clinic import load_clinic

CLINIC = load_clinic()


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
