"""A red-flag sign's own time and place in Spanish are not the pain's: "y desde ayer no puedo
orinar" times the sign, "tengo dormidas las nalgas" places it. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import THURSDAY, read


@pytest.mark.parametrize("text, flag", [
    ("me duele la espalda baja y desde ayer no puedo hacer pipí", "bladder_bowel"),
    ("tengo dolor de espalda y desde anoche se me sale la orina", "bladder_bowel"),
    ("me duele mucho la cintura y tengo calentura desde el domingo", "fever"),
])
def test_a_signs_time_in_its_own_clause_is_not_the_pains(text, flag):
    reading = read(text, THURSDAY)
    assert flag in reading.raised
    assert reading.slots.get("pain_location") == "lower_back"
    assert reading.slots.get("pain_duration_weeks") is None  # the assistant asks how long it hurts


def test_the_pains_own_time_stays_beside_a_signs():
    reading = read("me duele la cintura desde hace 3 semanas y desde ayer no puedo orinar", THURSDAY)
    assert reading.slots.get("pain_duration_weeks") == pytest.approx(3.0)
    assert "bladder_bowel" in reading.raised


@pytest.mark.parametrize("text", [
    "tengo dormidas las nalgas y la entrepierna desde ayer",
    "se me duerme la parte de las nalgas desde hace unos días",
    "sí, tengo como entumida la parte de entre las piernas y las nalgas desde anoche",
])
def test_a_numb_place_is_the_signs_not_the_pains(text):
    reading = read(text, THURSDAY)
    assert "saddle_numbness" in reading.raised
    assert reading.slots.get("pain_location") is None
    assert reading.slots.get("pain_duration_weeks") is None


def test_a_painful_place_beside_a_numb_one_stays():
    reading = read("me duele la rabadilla y tengo las nalgas dormidas", THURSDAY)
    assert reading.slots.get("pain_location") == "lower_back"
    assert "saddle_numbness" in reading.raised


def test_a_back_said_to_hurt_after_a_sign_is_the_pains_place():
    reading = read("ayuda, ya no siento cuando voy al baño y la espalda me está matando", THURSDAY)
    assert reading.slots.get("pain_location") == "lower_back"
