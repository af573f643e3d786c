"""Round 14's red-flag misses by kind (session 15), read as the assistant reads a first message
(tests/unit/reading.py), in both languages: a denial does not reach across an unpunctuated new
clause into the next sign; a past episode that is over, a growth said benign and a sign long the
same are not raised (an old unchanged one is asked first, never dropped, and "last week" is never
old); a carer who writes for the patient makes the patient's signs count, while a writer's
relative stays someone else. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


# ---------------------------------------------------------------- a denial's reach
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
    "none of those my brother had kidney cancer though",
    "ninguna de esas, mi tía tuvo cáncer de ovario",
    "my grandad had prostate cancer, none of the rest apply to me",
])
def test_a_relatives_history_after_a_denial_stays_theirs(text):
    assert "cancer_history" not in read(text).raised | read(text).asked


# ---------------------------------------------------------------- past episodes
@pytest.mark.parametrize("text", [
    "I fell off a horse but that was around twenty years ago and I was right as rain after",
    "had a temperature with a kidney infection two months ago but the antibiotics sorted it",
    "they cut a tumour out of my neck in 2012, it was benign, and I've been fine",
    "had a cyst taken off my back, the lab said it was not cancerous",
    "me quitaron un quiste de la espalda hace años, era benigno",
    "fiebre tuve con la gripe en marzo, ahora nada",
])
def test_a_past_episode_that_is_over_or_a_benign_growth_is_no_flag(text):
    reading = read(text)
    assert not reading.raised and not reading.asked


@pytest.mark.parametrize("text, flag", [
    ("my right leg is weak, it has been since the stroke in 2018 and it is no worse", "leg_weakness"),
    ("weak left foot. same as it's been for years after my polio, nothing new", "leg_weakness"),
    ("la pierna derecha la tengo sin fuerza desde la operación de hace años, no ha cambiado", "leg_weakness"),
])
def test_an_old_sign_long_the_same_is_asked_whether_it_is_new(text, flag):
    reading = read(text)
    assert flag in reading.asked and flag not in reading.raised


@pytest.mark.parametrize("text, flag", [
    ("my leg gave out last week and it is no better, no change", "leg_weakness"),
    ("se me durmió la entrepierna ayer, sigue igual que antes", "saddle_numbness"),
    ("I had breast cancer in 2016 and a lump in the other breast that was benign", "cancer_history"),
    ("tuve cáncer de colon y un bulto benigno en el cuello", "cancer_history"),
])
def test_a_recent_sign_or_a_cancer_named_is_still_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("had a chest infection last week with a temperature but the antibiotics cleared it", "fever"),
    ("I had a high temperature last week, it's gone now", "fever"),
])
def test_last_week_is_never_dropped_unasked(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


# ---------------------------------------------------------------- whose sign
@pytest.mark.parametrize("text, flag", [
    ("mi papá se cayó en la calle anoche, yo lo veo muy adolorido", "trauma"),
    ("mi suegra se cayó de la cama, ella está aquí al lado y dice que le duele la espalda", "trauma"),
    ("mi tío tuvo cáncer de pulmón hace 4 años. el resto no tiene", "cancer_history"),
    ("my husband slipped on the stairs yesterday and I'm writing this for him", "trauma"),
    ("I look after my dad, he fell in the garden on Tuesday", "trauma"),
    ("I read the list to mum - she says no to all of it, but she did have ovarian cancer", "cancer_history"),
])
def test_a_carer_writing_for_the_patient_tells_the_patients_signs(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("my husband fell off a ladder last year, my back has hurt for 2 weeks", "trauma"),
    ("my mum had bowel cancer, I've had back pain for 3 weeks, no fever", "cancer_history"),
    ("mi esposa se cayó ayer, a mí me duele la espalda desde hace un mes", "trauma"),
    ("mi mamá tuvo cáncer de mama, lo demás no tengo", "cancer_history"),
])
def test_a_patient_who_mentions_someone_else_keeps_it_theirs(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("I had a fever with a water infection last week but the antibiotics cleared it", "fever"),
    ("tuve fiebre con la gripe la semana pasada pero ya se me quitó", "fever"),
])
def test_a_fever_with_an_illness_that_is_over_is_not_raised(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text", [
    "my kid had a temperature on Sunday and I've been carrying her about, now my back aches",
    "I had a fever with a kidney infection at Christmas but that is all finished",
])
def test_someone_elses_fever_or_one_long_over_is_no_flag(text):
    reading = read(text)
    assert "fever" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "trabajo de pie todo el día. no me he caído ni nada",
    "no se me ha escapado la orina, camino bien",
    "fuerza en los brazos y las piernas tengo bien",
    "ya no la tengo floja la pierna, como antes",
])
def test_a_spanish_denial_before_a_verb_is_not_cut_short(text):
    reading = read(text)
    assert not reading.raised and not reading.asked


def test_a_sign_asked_about_stays_a_question_past_a_new_verb():
    reading = read("¿perder peso me ayudaría con el dolor?")
    assert "weight_loss" not in reading.raised


def test_a_carer_who_hurt_their_own_back_keeps_the_relatives_fall_theirs():
    text = ("mi hermano se cayó el lunes y se rompió el brazo, yo lo estoy cuidando y de tanto "
            "levantarlo me empezó a doler la espalda")
    assert "trauma" not in read(text).raised
