"""Durations and places read by kind, not by phrase (session 22, issue 15).

A bare "back" that is the subject of any verb is the lower back ("back is giving me grief"),
while "back" after a verb of going is a direction ("came back", "went back"); a current bout
named with words between ("this nasty bout") is the pain's time beside a longer history; a
plural unit opening a clause of its own is vague ("a long old while, years honestly"); a
child's age told with "they're", ages told with a hedge; the start of Lent; a history then
"constant since"; the spine with a level word in any order ("down low", "the down part").
Sentences written for these tests, none from a blind set; read as the assistant reads a first
message, on Friday 4 December 2026."""
from __future__ import annotations

import datetime

import pytest

from tests.unit.reading import friday_category, friday_weeks, place


@pytest.mark.parametrize("text", [
    "back is doing my head in this week",
    "ugh back has been acting up since the move",
    "backs been bad for days",
    "my backs killing me after the gym",
    "back keeps catching when I bend over the sink",
])
def test_a_bare_back_doing_or_being_anything_is_the_lower_back(text):
    assert place(text) == "lower_back"


@pytest.mark.parametrize("text,expected", [
    ("the ache came back is that normal?", None),  # a direction, no place named
    ("went back to the GP is all I did", None),
    ("upper back is burning between the shoulder blades", "upper_back"),  # a region wins
    ("my wife's back is bad but I am asking about my neck", "neck"),  # someone else's back
    ("there is a rash on my back, it is itchy", None),  # skin, not the spine
])
def test_back_as_a_direction_a_region_or_someone_elses_is_not_read_as_the_lower_back(text, expected):
    assert place(text) == expected


@pytest.mark.parametrize("text,weeks", [
    ("on and off for ten years, but this nasty bout has been 2 weeks", 2),
    ("decades of it really, this latest awful spell about 5 weeks", 5),
])
def test_a_current_bout_named_with_words_between_is_the_pains_time(text, weeks):
    assert friday_weeks(text) == pytest.approx(weeks, rel=0.25)


@pytest.mark.parametrize("text,category", [
    ("a long old while, years honestly", "chronic"),
    ("hard to pin down, years really", "chronic"),
    ("since the grandkids were born, they're 3 now", "chronic"),
])
def test_vague_units_in_their_own_clause_and_ages_told_with_theyre(text, category):
    assert friday_category(text) == category


def test_the_start_of_lent_is_a_day_to_count_from():
    # Ash Wednesday 2026 was 18 February; read on 1 April 2026: 6 weeks
    assert friday_weeks("low back since the start of lent", datetime.date(2026, 4, 1)) == pytest.approx(6, rel=0.1)


@pytest.mark.parametrize("text,expected", [
    ("it aches in the down part of the spine when I stand", "lower_back"),
    ("the pain sits in my spine, down low on the right", "lower_back"),
])
def test_the_spine_with_a_level_word_in_any_order_takes_that_level(text, expected):
    assert place(text) == expected


def test_ages_told_with_a_hedge_count_the_years_between():
    assert friday_weeks("bad back since I was around 35, I'm nearly 50 now") == pytest.approx(15 * 52.14, rel=0.1)


def test_a_history_then_the_pain_constant_since_a_day_is_that_days_time():
    # "every day since" names the episode now, beside "on and off for years"
    assert friday_weeks("on and off for years, but constant since halloween") == pytest.approx(5, rel=0.25)
