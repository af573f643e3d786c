"""Red flags doubted, or told in words that mean something else: asked or raised, never guessed.

A benign result said with a doubt, a sign the writer doubts before naming it, a sign asked
about then "no idea" (not knowing is no "no"), "no to the others" after a question about one
sign, and an "accident" told as soiling or wetting (incontinence, not an injury). English and
Spanish. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text", [
    "me quitaron un quiste del seno, creo que salió benigno",
    "el doctor dijo que era benigno, eso creo, no me acuerdo bien",
    "they said the lump was benign but I'm not sure",
    "had a mole cut off, benign I think",
])
def test_a_benign_result_said_with_a_doubt_is_asked(text):
    reading = read(text)
    assert "cancer_history" in reading.asked and "cancer_history" not in reading.raised


@pytest.mark.parametrize("text", [
    "me quitaron un quiste del seno y salió benigno",
    "they took a lump out and it was benign",
    "my sister's lump was benign I think",
])
def test_a_benign_result_said_plainly_or_of_someone_else_is_no_sign(text):
    reading = read(text)
    assert "cancer_history" not in reading.asked | reading.raised


@pytest.mark.parametrize("text,flag", [
    ("I don't think that was cancer, they froze it off", "cancer_history"),
    ("no creo que haya sido cáncer lo que me quitaron", "cancer_history"),
    ("I doubt it counts as a fall, I just sat down hard", "trauma"),
])
def test_a_sign_the_writer_doubts_is_asked_not_raised_nor_denied(text, flag):
    reading = read(text)
    assert flag in reading.asked and flag not in reading.raised


@pytest.mark.parametrize("text,flag", [
    ("¿tiene que ver si tengo la pierna floja? no sé si va a peor", "leg_weakness"),
    ("¿cuenta si me mareo y se me duerme la entrepierna? no sé, la verdad", "saddle_numbness"),
    ("¿cuenta si me da fiebre en la noche? ni idea", "fever"),
    ("would it matter if my leg is weak? no idea if it's worse", "leg_weakness"),
    ("does a fever count? not sure, I feel hot at night", "fever"),
])
def test_a_sign_asked_about_then_not_known_is_asked_not_denied(text, flag):
    reading = read(text)
    assert flag in reading.asked | reading.raised


@pytest.mark.parametrize("text,flag", [
    ("fever? no", "fever"),
    ("¿fiebre? no", "fever"),
])
def test_a_sign_asked_then_answered_no_is_still_denied(text, flag):
    reading = read(text)
    assert flag not in reading.asked | reading.raised


@pytest.mark.parametrize("text", [
    "they cut out a growth last spring, was it cancer? no to everything else",
    "me sacaron un bulto del cuello, ¿eso cuenta como cáncer? No a lo demás.",
])
def test_no_to_the_others_after_a_question_leaves_that_sign_asked(text):
    assert "cancer_history" in read(text).asked


@pytest.mark.parametrize("text", [
    "had an accident on the bus today, wet myself and never felt it",
    "i had a little accident at work, pooed myself without noticing",
    "tuve un accidente en la oficina, se me salió la pipí sin sentirlo",
])
def test_an_accident_told_as_soiling_is_incontinence_and_the_injury_only_asked(text):
    reading = read(text)
    assert "bladder_bowel" in reading.raised
    assert "trauma" not in reading.raised


@pytest.mark.parametrize("text", [
    "had a car accident last week and since then I keep leaking urine",
    "tuve un accidente de moto el lunes y ahora se me sale la orina",
])
def test_an_accident_of_a_kind_stays_an_injury_beside_incontinence(text):
    reading = read(text)
    assert {"bladder_bowel", "trauma"} <= reading.raised


def test_an_accident_alone_is_still_an_injury():
    assert "trauma" in read("i had an accident at work on monday and hurt my back").raised


def test_a_reflexive_no_after_a_question_still_denies():
    reading = read("¿preguntó si mi papá se cayó? No se ha caído, gracias a Dios")
    assert "trauma" not in reading.raised


@pytest.mark.parametrize("text,flag", [
    ("I've never had cancer. Oh wait, does a melanoma they cut off my arm count?", "cancer_history"),
    ("no me he caído... bueno, ¿cuenta si me resbalé en la ducha la semana pasada?", "trauma"),
])
def test_a_sign_asked_about_after_its_denial_is_asked(text, flag):
    assert flag in read(text).asked


@pytest.mark.parametrize("text,flag", [
    ("My momma had cancer of the colon, that's why I'm nervous", "cancer_history"),
    ("my stepdad fell off a ladder on sunday, I've been helping him", "trauma"),
    ("lost a few pounds over the winter with flu but I'm putting it back on", "weight_loss"),
    ("bajé de peso cuando estuve enferma pero ya lo estoy recuperando", "weight_loss"),
    ("a year ago I lose weight because I make diet, now is normal", "weight_loss"),
])
def test_a_relatives_sign_or_a_loss_being_regained_is_never_raised(text, flag):
    assert flag not in read(text).raised


def test_walking_limited_by_the_pain_is_asked_not_raised():
    reading = read("twisted it lifting a box on friday, now I can barely walk because of the pain")
    assert "leg_weakness" in reading.asked and "leg_weakness" not in reading.raised


def test_a_weak_leg_said_beside_the_pain_stays_raised():
    assert "leg_weakness" in read("my right leg is getting weaker and I can barely walk because of the pain").raised


def test_a_remedy_a_relative_swears_by_is_the_patients_when_they_take_it():
    from tests.unit.reading import slots

    tried = slots("Mom swears by Advil and I've pretty much lived on it since").get("treatments_tried")
    assert "otc_medication" in (tried or [])


@pytest.mark.parametrize("text", [
    "me tumbé en la cama todo el día y nada",   # Spain: I lay down (same lemma as "me tumbó")
    "ayer me tumbé un rato en el sofá y mejoró algo",
])
def test_lying_down_is_no_injury(text):
    assert "trauma" not in read(text).raised


@pytest.mark.parametrize("text", [
    "me tumbó una ola en la playa el domingo",
    "el sábado me tumbó un caballo y caí de espaldas",
])
def test_knocked_down_by_something_is_an_injury(text):
    assert "trauma" in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("el que tuvo fiebre fue mi nieto el domingo, yo estoy bien", "fever"),
    ("la que tenía cáncer era mi tía, yo nunca", "cancer_history"),
])
def test_the_one_who_had_it_named_after_is_someone_else(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("tengo fiebre desde el lunes, fue mi peor semana", "fever"),
    ("me caí de la escalera, fue mi culpa por no mirar", "trauma"),
])
def test_fue_mi_said_of_something_else_keeps_the_sign(text, flag):
    assert flag in read(text).raised
