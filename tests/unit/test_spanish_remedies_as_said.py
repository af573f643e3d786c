"""Spanish treatments as patients say them: unnamed pills beside a prescribed medicine, lying
down said in the past, a comparison that is no remedy, "sin ... y con ...". Sentences written
for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import THURSDAY, read, tried


@pytest.mark.parametrize("text", [
    "el médico me recetó unas pastillas para el dolor",
    "me dieron unas pastillas, diclofenaco, y nada",
])
def test_unnamed_pills_beside_a_prescribed_medicine_are_that_medicine(text):
    assert tried(text) == {"prescription_medication"}


@pytest.mark.parametrize("text, expected", [
    ("tomo paracetamol y unas pastillas que me recetaron", {"otc_medication", "prescription_medication"}),
    ("me compré unas pastillas en la farmacia", {"otc_medication"}),
])
def test_a_named_or_bought_medicine_stays_over_the_counter(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("tome ibuprofeno y me acoste todo el dia", {"otc_medication", "rest"}),
    ("me quedé tirada dos días y no mejoró", {"rest"}),
    ("estuve acostada unos días sin moverme y con hielo como me dijo mi cuñada", {"rest", "heat_ice"}),
])
def test_lying_down_and_ice_said_in_passing_are_tried(text, expected):
    assert tried(text) == expected


def test_lying_down_for_days_is_the_rests_time_not_the_pains():
    reading = read("me acosté dos días y nada", THURSDAY)
    assert reading.slots.get("treatments_tried") == ["rest"]
    assert reading.slots.get("pain_duration_weeks") is None


@pytest.mark.parametrize("text", [
    "me quema la pierna como si me echaran agua caliente",
    "me arde la espalda como si me pusieran hielo",
])
def test_a_comparison_is_no_remedy(text):
    assert tried(text) == set()


def test_lying_down_in_a_story_is_no_rest():
    assert tried("ayer me acosté y al levantarme no me podía mover") == set()
