"""Red flags told as a weight amount with "not trying" in other words, a weakness that now needs
a walking aid or barely manages stairs, a cancer told by its treatment; and look-alikes: a trip
or fall the weak leg causes, a loss on a diet named with "the".

Read by the whole reading (tests/unit/reading.py). Sentences written for these tests (kinds
of round 21's misses), none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    # a weight lost, misspelt, with "not trying" said another way
    ("dropped a ton of wieght recently, no idea why, about 12 pounds since june", "weight_loss"),
    ("I lose some pounds, around 5, I don't try, I eat the same as always", "weight_loss"),
    # Spanish: the loss told as the weight now less
    ("me subí a la báscula y peso como 7 kilos menos que en navidad, sin dieta ni nada", "weight_loss"),
    ("tengo unos 4 kilos menos que hace dos meses y no sé por qué", "weight_loss"),
    # a weakness told as worse: a walking aid newly needed, stairs barely managed
    ("la pierna izquierda se me está debilitando, hoy casi no subo las escaleras del metro",
     "leg_weakness"),
])
def test_a_sign_told_this_way_is_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text", [
    "my right foot drags and I tripped twice on the kerb because it catches",
    "cada día más débiles las piernas, ya me caigo porque la izquierda no me responde",
])
def test_a_trip_or_fall_the_weak_leg_causes_is_no_injury_raised(text):
    reading = read(text)
    assert "trauma" not in reading.raised
    assert "leg_weakness" in reading.raised | reading.asked


def test_a_weight_lost_on_a_diet_named_with_the_is_no_sign():
    reading = read("down about 10 lbs since new year but I've been on the diet my dietitian set")
    assert "weight_loss" not in reading.raised


@pytest.mark.parametrize("text", [
    "I guess I should mention I had radiotherapy for prostate cancer two years ago",
    "oh and I should probably say I finished chemotherapy for lymphoma in 2022",
])
def test_a_cancer_announced_with_should_mention_is_raised(text):
    assert "cancer_history" in read(text).raised


@pytest.mark.parametrize("text,flag", [
    # a slip caught before a fall: no fall, so the injury is asked
    ("I think I hurt it when I lost my footing on the wet deck on sunday, didn't actually fall "
     "though, I grabbed the railing", "trauma"),
    # something taken out that the doctor called "malo": the cancer is asked
    ("me sacaron una verruga del hombro el año pasado y el doctor dijo que era algo malo, "
     "no me acuerdo bien", "cancer_history"),
])
def test_a_sign_told_half_is_asked(text, flag):
    reading = read(text)
    assert flag in reading.asked | reading.raised


def test_one_buttock_numb_from_sitting_long_is_asked_not_raised():
    reading = read("my bum goes numb on long flights, only one side, fine once I stand, nothing between my legs")
    assert "saddle_numbness" not in reading.raised


@pytest.mark.parametrize("text", [
    # Spanish: a walking aid newly needed, as English already read it
    "desde el martes tengo que usar bastón para moverme por la casa",
    "mi hija me prestó su andador porque ya no aguanto caminar sola, necesito el andador desde ayer",
])
def test_a_walking_aid_newly_needed_in_spanish_is_raised(text):
    assert "leg_weakness" in read(text).raised

