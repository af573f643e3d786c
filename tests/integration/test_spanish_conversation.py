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


def test_a_clinic_question_mid_questions_is_answered_in_spanish_and_the_question_comes_back(chat):
    c = chat("pregunta")
    c.say("hola, me duele la espalda baja")
    assert c.slots["language"] == "es"
    reply = c.say("¿a qué hora abren los sábados?")
    assert "Estamos cerrados los sábados." in reply
    assert "lun–vie 8:00–17:00; sáb–dom cerrado" in reply
    assert "¿Desde hace cuánto tiempo" in reply  # the pending question again
    assert "Mon" not in reply and "closed" not in reply
    c.say("como tres semanas")
    assert c.slots["pain_duration_weeks"] == pytest.approx(3.0)


def test_no_se_at_the_warning_signs_is_never_recorded_as_none_of_them(chat):
    c = chat("nose")
    c.say("buenos días, tengo dolor de cuello desde hace 2 semanas")
    c.say("solo reposo")
    reply = c.say("no sé")
    assert c.slots["red_flag_screen"] == "unsure"
    assert "911" in reply  # which signs need the emergency number, in Spanish
    assert c.slots["language"] == "es"


def test_what_can_i_do_at_home_while_the_duration_choices_are_shown_asks_again(chat):
    # conv-es-17's kind: an off-script question the action answers with nothing mid-form
    # read as an action-server outage ("tengo un problema técnico").
    c = chat("encasa")
    c.say("hola")
    c.say("me duele la espalda baja")
    c.say("uy, ni idea")  # not knowing: asked again with examples
    c.say("de verdad no me acuerdo")  # then the choices
    assert c.slots["reask"] == "pain_duration_weeks_choices"
    reply = c.say("¿y qué hago mientras tanto?")
    assert "problema técnico" not in reply
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_spanish_patient_asks_to_cancel(chat):
    c = chat("cancelar")
    c.say("hola")
    reply = c.say("necesito cancelar mi cita")
    assert "Para cambiar o cancelar una cita, llame a la recepción" in reply
    assert "lun–vie 8:00–17:00; sáb–dom cerrado" in reply  # the hours said in Spanish
    assert c.slots["change_requested"] == []


def test_nothing_tried_answers_the_treatments_question_and_nothing_helping_does_not(chat):
    c = chat("nadatried")
    c.say("hola, me duele la espalda baja desde hace 2 semanas")
    reply = c.say("nada, no he tomado nada")
    assert c.slots["treatments_tried"] == []
    assert "Siento que nada le haya ayudado" not in reply
    assert c.slots["requested_slot"] != "treatments_tried"

    c = chat("nadahelps")
    c.say("hola, me duele el cuello desde hace 5 meses")
    reply = c.say("nada me ha funcionado")
    assert "Siento que nada le haya ayudado" in reply
    assert c.slots["treatments_tried"] is None  # what was tried is asked again


def test_where_the_pain_goes_and_an_epidural_that_helped_are_read_in_spanish(chat):
    c = chat("historia")
    c.say("hola, me duele la cintura desde hace 8 meses y me baja por la pierna")
    assert c.slots["pain_pattern"] == "radiating_leg"
    assert c.slots["pain_duration_weeks"] == pytest.approx(34.76, abs=0.2)
    c.say("la epidural me ayudó unos tres meses")
    assert c.slots["prior_injections"] == [{"kind": "epidural", "relief": "good", "relief_weeks": 13.0}]
    assert "injection" in c.slots["treatments_tried"]


def test_a_daughter_typing_for_her_father_gets_his_emergency_advice(chat):
    c = chat("hija")
    reply = c.say("hola, soy su hija, a mi papá le duele la espalda y ya no puede levantar el pie")
    assert "leg_weakness" in c.slots["red_flags"]
    assert c.slots["triage_level"] == "emergency"
    assert "urgencias" in reply
