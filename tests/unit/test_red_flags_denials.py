"""How far a denial reaches: "no fever" denies the fever, not the sign said after it.

A sign said straight after an unpunctuated denial ("no fever cant hold my pee"), after "y se" or
a new verb in Spanish, or after a cause, is raised; a denied list stays denied; a denial the
writer is unsure of is asked; a denial after a sign said present denies nothing and raises no
other sign. English and Spanish. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import raised, read, slots_and_asked
from tests.vocabulary_reading import red_flags_read


@pytest.mark.parametrize("text, flag", [
    ("no temperature no tumbles I did have a lymphoma treated in 2019", "cancer_history"),
    ("no numbness no fever I have dropped a stone without trying", "weight_loss"),
    ("nope no cancer my legs have started giving way on the stairs", "leg_weakness"),
    ("no fevers no weight loss I slipped on the stairs on friday", "trauma"),
    ("no no temperature but i did lose 8 kilos without meaning to", "weight_loss"),
    ("no fiebre no caídas tuve un linfoma hace tres años", "cancer_history"),
    ("nada de fiebre me operaron de un cáncer de riñón", "cancer_history"),
])
def test_a_sign_after_an_unpunctuated_denial_is_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text, denied", [
    ("no fever or chills, I have not lost weight", {"fever", "weight_loss"}),
    ("fiebre no tengo, caídas tampoco", {"fever", "trauma"}),
    ("no tengo fiebre ni me he caído", {"fever", "trauma"}),
    ("no fever my bladder is fine", {"fever", "bladder_bowel"}),
])
def test_a_denial_still_reaches_its_own_list(text, denied):
    reading = read(text)
    assert not (reading.raised | reading.asked) & denied


def test_a_denial_the_writer_is_unsure_of_is_asked_not_cut_short():
    reading = read("no falls I know of or temperatures")
    assert not reading.raised and "trauma" in reading.asked


@pytest.mark.parametrize("text", [
    "trabajo de pie todo el día. no me he caído ni nada",
    "no se me ha escapado la orina, camino bien",
    "fuerza en los brazos y las piernas tengo bien",
    "ya no la tengo floja la pierna, como antes",
])
def test_a_spanish_denial_before_a_verb_is_not_cut_short(text):
    reading = read(text)
    assert not reading.raised and not reading.asked


@pytest.mark.parametrize("text", [
    "no fever no leg weakness no numbness no bladder trouble",
    "no fever no cancer no weight loss",
    "no tengo fiebre no me he caído no he bajado de peso",
    "no fiebre ni debilidad en las piernas, de la orina bien",
    "pérdida de orina no, debilidad no, fiebre no, caídas ninguna",
    "mi hermano tuvo cáncer, ¿eso cuenta?",
    "ninguna caída, ningún golpe",  # "ninguna" is also "nothing tried": still the denial
    "caídas ninguna, fiebre tampoco",
    "my little girl had a fever all weekend and I was up with her, my neck is stiff",
    "I'm a nurse on the cancer floor, lifting patients wrecked my back",  # a workplace: asked at most
    "trabajo en el piso de cáncer y de cargar pacientes me duele la espalda",
])
def test_a_denied_list_stays_denied(text):
    assert read(text).raised == set()


def test_a_denial_after_a_sign_said_present_denies_nothing():
    # "I don't have one" is about the fever asked about, never the leaking told as present
    found = raised("I've been leaking urine since Monday. can back pain give you a fever? I don't have one")
    assert "bladder_bowel" in found


@pytest.mark.parametrize("text", [
    "Fiebre no tengo y de la orina estoy bien",
    "Control de esfínteres normal, fiebre no",
])
def test_a_denial_raises_no_other_sign(text):
    slots, _ = slots_and_asked(text)
    assert not slots.get("red_flags")


def test_a_weak_leg_after_a_cause_is_not_denied_by_what_came_before():
    present, _ = red_flags_read("no subo las escaleras porque la pierna se me pone débil")
    assert "leg_weakness" in present


@pytest.mark.parametrize("text", [
    "no tengo fiebre y se me sale la orina",
    "sin calentura y se me escapa la caca",
])
def test_a_denial_does_not_reach_a_sign_after_y_se(text):
    present, _ = red_flags_read(text)
    assert "bladder_bowel" in present
