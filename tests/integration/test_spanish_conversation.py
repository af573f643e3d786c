"""Whole Spanish conversations through the real trained model and action server: the
language slot, and the triage slots staff read, reached from a patient's Spanish words.
(What the assistant says in Spanish is the content's side; these check understanding.)"""
from __future__ import annotations

import pytest


def test_hola_to_consultation_in_spanish(chat):
    c = chat("consulta")
    c.say("Hola")
    assert c.slots["language"] == "es"
    c.say("me duele la cintura")
    assert c.slots["pain_location"] == "lower_back"
    c.say("como cuatro meses")
    assert c.slots["pain_duration_weeks"] == pytest.approx(17.38, abs=0.1)
    assert c.slots["duration_category"] == "chronic"
    c.say("ibuprofeno y me sobaron, pero no me ayudó")
    assert set(c.slots["treatments_tried"]) == {"otc_medication", "massage"}
    c.say("se queda en la espalda")  # where the pain goes (read in English only, for now)
    c.say("no, nada de eso")
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] == "consultation"
    assert c.slots["language"] == "es"


def test_spanish_emergency_sign_mid_form_stops_the_questions(chat):
    c = chat("urgencia")
    c.say("buenas tardes")
    c.say("me duele la espalda baja desde hace dos semanas")
    c.say("y se me sale la orina sin darme cuenta")
    assert "bladder_bowel" in c.slots["red_flags"]
    assert c.slots["triage_level"] == "emergency"


def test_spanish_denials_and_other_peoples_history_raise_no_flag(chat):
    c = chat("negacion")
    c.say("hola, me duele el cuello desde hace 3 semanas")
    assert c.slots["pain_location"] == "neck"
    c.say("no he tomado nada")
    assert c.slots["treatments_tried"] == []
    c.say("no tengo fiebre ni me he caído, mi mamá tuvo cáncer pero yo no")
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] == "self_care"


def test_the_patient_switches_language_when_asking(chat):
    c = chat("cambio")
    c.say("hello")
    assert c.slots["language"] == "en"
    c.say("¿habla español?")
    assert c.slots["language"] == "es"
    c.say("ok")
    assert c.slots["language"] == "es"
    c.say("English please")
    assert c.slots["language"] == "en"
