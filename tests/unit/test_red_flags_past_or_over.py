"""Red flags in the past or over: a sign that is over is not raised, a recent one always counts.

An episode said to be over, a benign growth, a fever with an illness that has passed or a sign
absent now are no flag; a sign long the same is asked whether it is new; a sign of last week, a
recent fall in years of pain, a sign not said to be over or one that has not come back is raised
or at least asked ("last week" is never historical). Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import asked, pain_weeks, raised, read, slots_and_asked
from tests.vocabulary_reading import red_flags_read


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


@pytest.mark.parametrize("text, flag", [
    ("I had a fever with a water infection last week but the antibiotics cleared it", "fever"),
    ("tuve fiebre con la gripe la semana pasada pero ya se me quitó", "fever"),
])
def test_a_fever_with_an_illness_that_is_over_is_not_raised(text, flag):
    assert flag not in read(text).raised


def test_a_recent_sign_that_has_not_come_back_is_still_a_sign():
    text = "my left leg buckled under me once on Saturday, it hasn't happened since. back pain 3 weeks"
    assert "leg_weakness" in raised(text) | asked(text)


def test_since_a_fever_that_is_over_the_back_has_hurt():
    # the time of a sign said to be over still dates the pain the message tells of
    text = "I had a fever ten days ago with flu, gone now, but the back ache it came with is still here"
    assert pain_weeks(text) == 1.43


def test_a_past_sign_not_said_to_be_over_is_still_asked():
    assert "saddle_numbness" in asked("after my caesarean I was numb down there, but that was 4 years ago")


@pytest.mark.parametrize("text,flag", [
    ("my flatmate's got a temperature, hope I don't catch it. back hurts a week", "fever"),
    ("could a slipped disc cause a fever? I don't have one, just asking", "fever"),
    ("is numbness down below a bad sign? nothing like that now, just the ache", "saddle_numbness"),
    ("I'm scared my bladder will stop working in the future", "bladder_bowel"),
    ("they did bloods to rule out cancer and it all came back clear", "cancer_history"),
    ("they thought it could be a tumour but the biopsy came back benign", "cancer_history"),
    ("I had a chest infection with a fever in March but that's separate from the back", "fever"),
    ("I had a fever last week with a cold but it has cleared up", "fever"),
    ("after my caesarean I was numb down there for a day, but that was 4 years ago. nothing like that since",
     "saddle_numbness"),
])
def test_signs_absent_now_are_neither_raised_nor_asked(text, flag):
    assert flag not in raised(text)
    assert flag not in asked(text)


def test_an_injury_that_dates_years_of_pain_is_asked_not_raised():
    slots, asked = slots_and_asked("unos 6 años, desde un accidente en la moto")
    assert not slots.get("red_flags") and "trauma" in asked


def test_a_recent_fall_in_years_of_pain_stays_a_red_flag():
    slots, _ = slots_and_asked("back pain for years, worse since a fall last week")
    assert "trauma" in slots["red_flags"]


def test_a_fever_gone_for_good_is_still_over():
    present, _ = red_flags_read("tuve calentura el domingo pero ya no tengo")
    assert "fever" not in present
