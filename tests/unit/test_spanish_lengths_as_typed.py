"""Spanish lengths as patients type them: misspelt numbers and units, vague lengths, a
pregnancy's months beside the pain's weeks. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import THURSDAY, pain_weeks


@pytest.mark.parametrize("text, expected", [
    # by ear: b for v, s for c or z, a final s dropped
    ("beinte días con el dolor de cintura", 2.86),
    ("me duele el cuello hace quinse dias", 2.14),
    ("ya son tre semana con este dolor", 3.0),
    ("ocho messes que me duele la espalda", 34.76),
    ("llevo onse días así", 1.57),
])
def test_misspelt_numbers_and_units_are_counted(text, expected):
    assert pain_weeks(text, THURSDAY) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "me duele la espalda hace muchísimo",
    "hace un montón que me duele el cuello",
    "hace una banda que tengo este dolor",
    "hace una eternidad que me duele la cintura",
    "me duele la espalda hace muchísimo tiempo",
    "tengo el dolor de espalda, años ya",
    "el cuello me molesta, meses.",
])
def test_a_long_vague_length_is_chronic(text):
    assert pain_weeks(text, THURSDAY) >= 12


@pytest.mark.parametrize("text, expected", [
    ("estoy embarazada de 8 meses y hace una semana me empezó el dolor en la cintura", 1.0),
    ("embarazada de casi 6 meses, la espalda baja me duele desde hace 10 días", 1.43),
])
def test_a_pregnancys_months_are_not_the_pains(text, expected):
    assert pain_weeks(text, THURSDAY) == pytest.approx(expected, rel=0.03)


def test_an_age_alone_is_still_no_length():
    assert pain_weeks("tengo 30 años y me duele la espalda", THURSDAY) is None
