"""Spanish durations said loosely (session 22, issues 15 and 20): "desde" typed short ("dede el
domingo"), "ya voy pa'l año" said by the patient, and a childhood said "de chamaco". Sentences
written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def duration(text):
    slots = read(text).slots
    return slots.get("pain_duration_weeks"), slots.get("duration_category")


@pytest.mark.parametrize("text", [
    "tngo dolor n la espalda dede el domingo",
    "dsde el lunes me duele el cuello",
    "dede ayer no puedo con la espalda",
])
def test_desde_typed_short_dates_the_pain(text):
    weeks, category = duration(text)
    assert category == "acute" and weeks is not None and weeks <= 1


@pytest.mark.parametrize("text", [
    "ya voy para el año con este dolor de cuello",
    "ya voy pa'l año con la cintura",
    "ya vamos pa’l año con el cuello",
])
def test_going_on_a_year_is_about_a_year(text):
    weeks, category = duration(text)
    assert category == "chronic" and 45 <= weeks <= 60


def test_since_childhood_said_de_chamaco_is_chronic():
    weeks, category = duration("desde chamaca tengo la espalda mala y ahora peor")
    assert category == "chronic" and weeks > 52
