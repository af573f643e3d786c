"""What staff see stored as the pain's place (slot `pain_location`) when a place is named but
not as this pain (session 17, issue 20): a place denied by a closing "no" and a rash on the back
are not stored; the places still said are kept. A spinal level said as a procedure's site ("a
nerve block at L5") stays the lower back: the seen sets label it so more often than not.
Sentences written for these tests, none from a blind set; read as the assistant reads a first
message."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def place(text):
    return read(text).slots.get("pain_location")


@pytest.mark.parametrize("text", [
    "a mi papá le duele el hombro, el cuello no",
    "me duele la rodilla y el tobillo, la espalda no",
    "the knee hurts, the back no",
    "me salieron unas ronchitas en el cuello que pican",
])
def test_a_place_not_of_this_pain_is_not_stored(text):
    assert place(text) is None


@pytest.mark.parametrize("text,expected", [
    ("la espalda no me deja dormir", "lower_back"),
    ("lower back, no it doesn't spread", "lower_back"),
    ("I have pain at L4-L5 since the injection", "lower_back"),
    ("me duele la espalda baja y tengo unas ronchitas en el brazo", "lower_back"),
])
def test_a_place_said_as_the_pain_is_kept(text, expected):
    assert place(text) == expected
