"""Round 22's kinds of missed sign, never silently absent: a cancer told as removed with "no
problems since", a weight loss an illness is given as the reason for, a skin spot cut off
whose nature is not said, stairs told as getting harder ("needed the railing", "went up on my
bottom"), and a Spanish feverish feeling ("destemplado"); while plain denials still deny.

Read by the whole reading (tests/unit/reading.py). Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text", [
    "I had melanoma on my arm in 2015, they removed it, no problems since",
    "prostate cancer 2018, operated, no issues since",
    "tuve cáncer de mama hace años, me operaron, no problems since",
])
def test_a_cancer_told_with_no_problems_since_is_never_denied(text):
    reading = read(text)
    assert "cancer_history" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "I've lost about 8 pounds but I had a tummy bug last week",
    "weight has dropped a bit, I had food poisoning after a wedding",
    "he bajado unos kilos, tuve diarrea la semana pasada",
])
def test_a_weight_loss_given_an_illness_as_reason_is_asked(text):
    reading = read(text)
    assert "weight_loss" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "I lost 6 kilos on a diet this spring",
    "bajé 4 kilos porque estoy a dieta",
    # an illness, then over it: no weight lost now
    "dropped a couple of pounds with a sickness bug in May, put it back on since",
    "had a tummy bug at Easter and lost a bit, eating normally again",
    # a stomach operation meant to lose it
    "bajé 20 kilos porque me hicieron la manga gástrica",
])
def test_a_weight_loss_on_a_diet_is_still_no_sign(text):
    reading = read(text)
    assert "weight_loss" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "the dermatologist had a spot burnt off my cheek, I never asked what it was",
    "years ago I had a spot removed from my back",
    "me sacaron un lunar del cuello hace tiempo, nunca supe el resultado",
    "me quitaron una mancha de la cara y no sé qué salió en la biopsia",
])
def test_a_skin_spot_taken_off_is_asked_as_a_cancer(text):
    reading = read(text)
    assert "cancer_history" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "I had a spot frozen off my ear, the biopsy showed it was benign",
    "me quitaron una mancha del hombro y era benigna",
])
def test_a_skin_spot_said_benign_is_no_cancer(text):
    reading = read(text)
    assert "cancer_history" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "friday I was fine on the steps, sunday I needed the handrail, this morning I had to crawl up the stairs",
    "two days ago I could manage, now I have to hold onto the railing to get upstairs",
    "I go up the stairs on my bottom now, my leg won't lift",
])
def test_stairs_told_as_getting_harder_are_asked_as_weakness(text):
    reading = read(text)
    assert "leg_weakness" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "me siento destemplado desde el domingo",
    "en las noches ando destemplada y con escalofríos",
])
def test_a_feverish_feeling_in_spanish_is_asked(text):
    reading = read(text)
    assert "fever" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "no problems with my bladder since the operation",
    "no fever, the flu cleared up, no problems since",
])
def test_a_plain_denial_of_a_sign_still_denies(text):
    reading = read(text)
    assert not ({"bladder_bowel", "fever"} & (reading.raised | reading.asked))
