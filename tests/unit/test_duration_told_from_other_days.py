"""How long the pain has lasted when the patient tells it from another day (session 17): a date
or holiday counted up to the day they say it is, an event before or after another whose own age
they give, a share of their life, an era, a weekday counted to "it's Thursday now", misspelt
Spanish counts; and times that are not the pain's (a treatment still to come, a waiting list).
Read as the assistant reads a first message (tests/unit/reading.py) on a fixed day; the weeks
and the category are what a clinician sees. Sentences written for these tests."""
from __future__ import annotations

import datetime

import pytest

from tests.unit.reading import read

FRIDAY = datetime.date(2026, 12, 4)
SPRING = datetime.date(2026, 5, 15)


def duration(text, today=FRIDAY):
    slots = read(text, today=today).slots
    return slots.get("pain_duration_weeks"), slots.get("duration_category")


@pytest.mark.parametrize("today", [FRIDAY, SPRING])
@pytest.mark.parametrize("text,weeks,category", [
    # a starting date a few words after "since", counted to the day the patient says it is
    ("my dad's back has been bad since he moved in with us on March 3rd, today is April 14", 6, "subacute"),
    ("my neck has hurt ever since I tripped and landed on it on Jan 10th. Today's Feb 21st.", 6, "subacute"),
    # the back giving way on a weekday, counted to the weekday the patient says it is
    ("my back locked up Tuesday evening at work, it's Friday now and it's no better", 0.43, "acute"),
    ("my lower back went out Monday, today's Thursday", 0.43, "acute"),
    # Spanish: the month the patient says it is now
    ("me duele el cuello desde noviembre y ya vamos por marzo", 17, "chronic"),
    ("llevo con la espalda así desde las Fallas, y ya estamos a mediados de mayo", 8, "subacute"),
    ("desde unos días antes de Navidad me duele la espalda, y hoy es Día de Reyes", 2, "acute"),
    ("empezó dos semanas antes de Navidad y ahora estamos a 8 de enero", 4, "subacute"),
    # a holiday whose month the patient gives beside it (countries keep it on different days)
    ("me duele desde el Día de la Madre (marzo), y ya estamos en mayo", 8.7, "subacute"),
])
def test_a_date_counts_to_the_day_the_patient_says_it_is(text, weeks, category, today):
    found, said = duration(text, today)
    assert found == pytest.approx(weeks, rel=0.25)
    assert said == category


@pytest.mark.parametrize("text,weeks,category", [
    ("my back went out the day after my son's wedding, and the wedding was 5 weeks ago", 4.9, "subacute"),
    ("it started the week before Easter, and Easter was three weeks ago", 4, "subacute"),
    ("it began a week before I had the baby, she's 10 weeks old now", 11, "subacute"),
    ("started a month after the accident, and that was 6 months ago", 21.7, "chronic"),
    ("empezó una semana antes de la boda, que fue hace un mes", 5.3, "subacute"),
    ("since I had my first child, and he's 12 now", 626, "chronic"),
    ("desde que nació mi nieta, y ya va a cumplir el año", 52, "chronic"),
])
def test_an_event_before_or_after_another_with_its_own_age(text, weeks, category):
    found, said = duration(text)
    assert found == (pytest.approx(weeks, rel=0.25) if weeks else None)
    assert said == category


@pytest.mark.parametrize("text,category", [
    ("half my life honestly, I'm 40", "chronic"),
    ("la mitad de mi vida, tengo 50 años", "chronic"),
    ("since before JFK was assassinated, I'm 90 now", "chronic"),
    ("my back has been bad ever since I started working from home during the pandemic", "chronic"),
    ("ever since I started working from home during covid", "chronic"),
    ("desde la pandemia", "chronic"),
    ("my back's been bad since Reagan was president", "chronic"),
    # under a week, told vaguely
    ("it's not bad, it only started this week", "acute"),
    ("my neck flared up earlier this week", "acute"),
    ("me duele la lower back desde el weekend", "acute"),
    ("ay, ya ni me acuerdo, años y años", "chronic"),
])
def test_a_share_of_life_or_an_era_is_chronic(text, category):
    assert duration(text)[1] == category


@pytest.mark.parametrize("text,weeks", [
    ("tengo dolor de espalda desde ase como sinco mese", 21.7),
    ("me duele la espalda desde el savado", 0.86),
])
def test_misspelt_spanish_counts_and_days(text, weeks):
    assert duration(text)[0] == pytest.approx(weeks, rel=0.1)


@pytest.mark.parametrize("text", [
    "I'm booked in for physio starting next Monday, just ibuprofen till then",
    "the injection is booked for next Friday, till then tylenol",
    "el médico me mandó a fisioterapia pero hay lista de espera de dos meses",
    # a symptom older than the pain, a diet or a weight lost: their times, not the pain's
    "my toes have tingled for years, since long before the back pain",
    "la orina se me escapa hace años, desde antes del dolor",
    "I've been doing keto since February, that's why I've lost weight",
    "bajé 8 kilos con la dieta desde el verano, lo demás no",
])
def test_a_time_that_is_not_the_pains_gives_none(text):
    assert duration(text) == (None, None)


@pytest.mark.parametrize("text,weeks", [
    ("my toes tingle, have done for months, since long before the back pain started. back pain is 3 weeks", 3),
    ("I've been dieting since March and my back has hurt for 2 months", 8.7),
    ("me duele la espalda desde hace 3 meses, hago dieta desde enero", 13),
])
def test_the_pains_own_time_beside_another_things_stays(text, weeks):
    assert duration(text)[0] == pytest.approx(weeks, rel=0.1)
