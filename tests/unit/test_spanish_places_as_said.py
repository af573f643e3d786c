"""Spanish places as patients say them: words typed by ear, the whole spine from the neck down,
between the shoulders, a back said not to hurt. Sentences written for these tests, none from
a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import place


@pytest.mark.parametrize("text, expected", [
    ("me duele la rabadiya desde el sábado", "lower_back"),
    ("dolor en el coxix al sentarme", "lower_back"),
    ("me duele la sintura", "lower_back"),
    ("tengo dolor en el pescueso", "neck"),
    ("me duelen las paletiyas", "upper_back"),
])
def test_a_place_typed_by_ear_is_read(text, expected):
    assert place(text) == expected


def test_an_ordinary_word_is_never_read_as_a_place_by_ear():
    assert place("ay que rico, gracias") is None


@pytest.mark.parametrize("text", [
    "me duele toda, desde el cuello hasta la rabadilla",
    "del cuello a la cintura me duele todo",
])
def test_the_spine_from_the_neck_down_is_all_of_it(text):
    assert place(text) == "other"


def test_between_the_shoulders_is_the_upper_back():
    assert place("me duele entre los hombros") == "upper_back"


@pytest.mark.parametrize("text", [
    "la espalda no me duele, es la rodilla",
    "el cuello no me molesta, lo que me duele es el hombro",
])
def test_a_back_said_not_to_hurt_is_no_place(text):
    assert place(text) is None


def test_a_back_that_hurts_after_a_denied_sign_stays():
    assert place("no sale nada y la espalda me duele horrible") == "lower_back"
