"""A pain dated by a past time in the patient's story, then said to have lasted ever since.

A year, a time of life or a named past day told with an injury or an operation, followed by
"ever since", "never been right since", "never went away", "desde entonces", "sigo con
dolor" (vocab/ongoing_since.yml). Sentences written for these tests, none from a blind set;
read as on Friday 4 December 2026."""
from __future__ import annotations

import pytest

from tests.unit.reading import friday_category, friday_weeks


@pytest.mark.parametrize("text, weeks", [
    ("Had a bad fall off a ladder in 2016 and my lower back has ached ever since", 544),
    ("I was in a car wreck in 2021. My neck has not been right since.", 283),
    ("crashed my mountain bike two summers ago and my back has hurt ever since", 73),
    ("Tuve un accidente en 2019 y desde entonces me duele la espalda", 387),
    ("me operaron de la columna en 2022 y sigo con dolor en la pierna", 231),
])
def test_a_year_or_a_season_in_the_story_dates_a_pain_said_to_go_on(text, weeks):
    found = friday_weeks(text)
    assert found is not None, text
    assert abs(found - weeks) <= 0.1 * weeks, (text, found)


@pytest.mark.parametrize("text", [
    "Slipped on the ice as a teenager and my back has never been the same",
    "hurt my back lifting hay in my twenties and the pain never really went away",
    "De chamaco me caí de un árbol y la espalda nunca quedó bien",
])
def test_a_time_of_life_then_ever_since_is_a_long_standing_pain(text):
    assert friday_category(text) == "chronic", text


def test_a_named_past_day_then_ever_since_counts_from_that_day():
    weeks = friday_weeks("Went down hard on the stairs at work on Tuesday, my tailbone has been sore ever since")
    assert weeks is not None and abs(weeks - 3 / 7) < 0.1


@pytest.mark.parametrize("text", [
    "I had covid in 2021 and have been exhausted ever since",  # no pain in the tie
    "Had a discectomy in 2020, the leg pain went away and I have been fine since",  # over
    "I start physio next Tuesday and the pain has never gone away",  # a day still to come
])
def test_a_time_not_tied_to_a_pain_that_goes_on_dates_nothing(text):
    assert friday_weeks(text) is None, text


@pytest.mark.parametrize("text, weeks", [
    ("My knee op was in 2019 and it has been fine ever since; the back pain started 3 weeks ago", 3),
    ("Me caí en 2015 pero me recuperé bien, y desde hace 2 semanas me duele la espalda", 2),
])
def test_a_later_count_is_the_pain_s_time(text, weeks):
    assert friday_weeks(text) == pytest.approx(weeks, abs=0.3), text


@pytest.mark.parametrize("text, weeks", [
    ("me jalé la espalda cargando a mi nieto ayer", 1 / 7),  # the day after a longer story
    ("me levanté así ayer", 1 / 7),  # woke up with it
    ("amanecí con este dolor el lunes", 4 / 7),
])
def test_a_day_told_after_a_spanish_story_dates_the_pain(text, weeks):
    assert friday_weeks(text) == pytest.approx(weeks, abs=0.05), text


@pytest.mark.parametrize("text", ["years I guess", "hmm, years i think", "decades probably"])
def test_a_bare_plural_unit_with_a_hedge_answers_how_long(text):
    assert friday_category(text) == "chronic", text


def test_a_holiday_before_last_is_a_year_before_the_latest():
    assert friday_weeks("it has hurt since the Christmas before last") == pytest.approx(101, abs=1)
