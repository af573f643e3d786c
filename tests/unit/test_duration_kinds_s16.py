"""How long the pain has lasted, by kind (session 16), read as the assistant reads a first
message (tests/unit/reading.py) on a fixed day: a date or holiday beside the patient's own count
(the count wins, whatever day the message is read), a length said "still ... later", the times
of other things (a child's age, a job, a wait for a treatment, a medicine for something else,
a relative's pain beside the writer's own), a pain that began when the patient "was fine
until ...", and an earlier episode said to have lasted. Sentences written for these tests."""
from __future__ import annotations

import datetime

import pytest

from tests.unit.reading import read

FRIDAY = datetime.date(2026, 12, 4)
SPRING = datetime.date(2026, 5, 15)


def weeks(text, today=FRIDAY):
    return read(text, today=today).slots.get("pain_duration_weeks")


@pytest.mark.parametrize("today", [FRIDAY, SPRING])
@pytest.mark.parametrize("text,expected", [
    ("since Christmas, so about 6 weeks now", 6),
    ("my back went at Easter. About 4 weeks.", 4),
    ("since the 4th of july. so bout 7 weeks", 7),
    ("it started Memorial Day weekend at the beach, it's been close to 5 weeks", 5),
    ("neck pain since my sister's wedding in June, so near three month now", 13),
    ("lower back started the Tuesday after Thanksgiving, a little over 2 weeks ago", 2),
    ("my back went out Saturday night after the game, been 4 days", 0.57),
    ("slipped on the ice New Year's Eve, and my tailbone still hurts 3 weeks later", 3),
    ("me duele la espalda desde Semana Santa. Unas 6 semanas.", 6),
    ("desde el domingo, ya son 3 días", 0.43),
])
def test_the_patients_own_count_beats_a_date(text, expected, today):
    assert weeks(text, today) == pytest.approx(expected, rel=0.1)


@pytest.mark.parametrize("text,expected", [
    ("i'm 6 weeks postpartum (baby is 6 wks) and my back hurts when I lift her", None),
    ("Mum of twins (14 months). My back has been like this since they started crawling, so about 5 months", 21.7),
    ("my daughter is 8 months old and my back has ached since she was born", 34.8),
    ("sciatica ever since I gave birth, the baby is 3 months old now", 13),
])
def test_a_childs_age_is_no_length_unless_the_pain_dates_from_the_birth(text, expected):
    found = weeks(text)
    assert found == (pytest.approx(expected, rel=0.1) if expected else None)


@pytest.mark.parametrize("text,expected", [
    ("been at the factory 15 years and never had a problem til about 2 wks ago", 2),
    ("I've been with the company 20 yrs, back pain only the last 3 weeks", 3),
    ("I was fine until 10 days ago", 1.43),
    ("my GP referred me to physio but the waiting list is 10 weeks, back hurts since last month", 4.35),
    ("my wife has had back pain for 15 years, mine started 3 weeks ago", 3),
    ("mi esposo tiene dolor de espalda hace 10 años, el mío empezó hace 2 semanas", 2),
    ("tomo la pastilla de la presión desde hace 8 años, pero el dolor es nuevo, de esta semana", 0.5),
    ("me duele la espalda baja desde hace 2 meses y tuve cáncer de mama hace 5 años", 8.7),
    ("a week this time, but I had the same thing last year and it lasted a month", 1),
])
def test_the_time_of_something_else_is_not_the_pains(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.1)


@pytest.mark.parametrize("text,expected", [
    # a relative typed for is the patient: a later worsening keeps the long course
    ("My dad has had back pain for 20 years, but worse for 2 weeks", 1042.8),
    ("Mi abuelo tiene ese dolor desde hace como 20 años, pero desde hace 2 semanas está peor", 1042.8),
    # a leak since the birth is the leak's, not the pain's
    ("i'm postpartum (baby is 5 wks) and i leak a little when i sneeze since delivery", None),
])
def test_what_stays_as_it_was(text, expected):
    found = weeks(text)
    assert found == (pytest.approx(expected, rel=0.1) if expected else None)
