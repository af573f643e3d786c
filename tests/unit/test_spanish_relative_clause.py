"""A relative's sign told in a relative clause ("mi esposo, que ya no controla la orina desde
ayer, ..."), read by the extractor: the patient's sign when the writer types for that relative
and never speaks of themself; another person's when the writer tells their own pain. Also past
colds with a fever, a healed fracture and a star sign. Sentences written here, not taken from
the blind sets."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("mi esposo, que ya no controla la orina desde ayer, tiene mucho dolor de espalda", "bladder_bowel"),
    ("mi mamá que se cayó el lunes tiene dolor en la espalda baja", "trauma"),
    ("mi abuela que tiene fiebre desde el domingo, le duele mucho la espalda baja", "fever"),
    ("mi papá, que se le sale la orina desde anoche, tiene dolor lumbar", "bladder_bowel"),
    ("mi suegra q no puede orinar desde ayer, dolor lumbar fuerte", "bladder_bowel"),
])
def test_a_relatives_sign_in_a_relative_clause_typed_for_them_is_the_patients(text, flag):
    reading = read(text)
    assert flag in reading.raised


@pytest.mark.parametrize("text,flag", [
    ("Yo cuido a mi esposo que tiene cáncer de próstata y ya no controla la orina. "
     "A mí me duele la cintura desde hace dos meses, por eso escribo.", "bladder_bowel"),
    ("mi tío que tuvo cáncer, bueno yo tengo dolor de espalda hace 2 meses", "cancer_history"),
    ("mi hermana que tuvo cáncer de mama me dijo que les escribiera, me duele el cuello", "cancer_history"),
])
def test_a_relatives_sign_when_the_writer_tells_their_own_pain_is_never_raised(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text", [
    "le escribo por mi mamá que se cayó ayer, yo la veo muy mal, le duele la espalda",
    "mi mamá que se cayó ayer, me preocupa mucho, le duele la espalda",
])
def test_a_relatives_sign_beside_the_writers_words_is_still_asked_never_dropped(text):
    reading = read(text)
    assert "trauma" in reading.raised | reading.asked


def test_a_denial_in_the_relatives_clause_stays_a_denial():
    reading = read("mi mamá que no tiene fiebre ni nada, le duele la espalda baja hace una semana")
    assert "fever" not in reading.raised | reading.asked


@pytest.mark.parametrize("text,flag", [
    ("no. bueno un resfriado con fiebre hace un mes pero ya nada", "fever"),
    ("hace 12 años me caí de la moto y me fracturé la pierna, eso sanó bien", "trauma"),
    ("soy de signo Cáncer jaja y me duele el cuello desde hace 2 semanas", "cancer_history"),
])
def test_over_or_no_sign_at_all_is_never_raised(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text,flag", [
    ("tengo fiebre desde ayer, un resfriado con fiebre y dolor de espalda", "fever"),
    ("hace 2 años me operaron y ahora no controlo la orina", "bladder_bowel"),
    ("me caí de la escalera el lunes y me fracturé una costilla", "trauma"),
])
def test_a_present_sign_near_those_words_still_counts(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "bajé como 6 kilos pero es porque voy al gimnasio",
    "perdí peso, sí, pero estoy a dieta y voy al gym",
])
def test_the_gym_that_explains_weight_lost_is_no_exercise_tried(text):
    assert "exercise" not in (read(text).slots.get("treatments_tried") or [])


def test_the_gym_as_a_treatment_still_counts():
    assert "exercise" in read("voy al gimnasio y hago estiramientos para la espalda").slots["treatments_tried"]
