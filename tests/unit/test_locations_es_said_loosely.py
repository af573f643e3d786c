"""Spanish places said loosely (session 22, issues 15 and 20): "espalda" texted short ("spalda",
"epalda") is still the back, and "cervicalgia" is the neck. Sentences written for these tests,
none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,place", [
    ("tengo cervicalgia desde hace un año, quiero cita", "neck"),
    ("me duele n la spalda desde ayer", "lower_back"),
    ("tengo un dolol en la epalda q me baja a la pielna", "lower_back"),
    ("me operaron de un tumor en el pecho y ahora me duele la espalda entre las paletas", "upper_back"),
])
def test_a_place_said_loosely_is_read(text, place):
    assert read(text).slots.get("pain_location") == place
