"""Treatments misspelt or said loosely, "waist" for the lower back, and durations that belong
to something else (a course of medicine, a pregnancy, a replaced joint), read as the
assistant reads them (tests/unit/reading.py). Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from tests.unit.reading import read


def slots(text):
    return read(text).slots


@pytest.mark.parametrize("text,expected", [
    ("I had a microdiscetomy at L5 in 2021", ["surgery"]),
    ("they did a lamenectomy", ["surgery"]),
    ("two epiderals so far", ["injection"]),
    ("saw a chiropracter a few times", ["chiropractic"]),
    ("did six weeks of fisio", ["physical_therapy"]),
    ("tried accupuncture once", ["acupuncture"]),
])
def test_a_misspelt_treatment_is_read(text, expected):
    assert slots(text).get("treatments_tried") == expected


@pytest.mark.parametrize("text", [
    "honestly I've tried the lot and none of it touches it",
    "tried just about everything going",
    "tried all sorts, nothing shifts it",
    "I've had the lot, nothing takes the edge off",
])
def test_tried_everything_is_never_nothing_tried(text):
    assert slots(text).get("treatments_tried") != []


@pytest.mark.parametrize("text,place", [
    ("my waist is killing me on the left", "lower_back"),
    ("pain across my waist when I bend", "lower_back"),
    ("numb from the waist down", None),
])
def test_waist_is_the_lower_back_but_not_below_the_waist(text, place):
    assert slots(text).get("pain_location") == place


@pytest.mark.parametrize("text,weeks", [
    ("I'm on a 3 month course of antibiotics for my chest and my back's hurt for 10 days", 1.43),
    ("my partner is 8 months pregnant and my back has been sore for 3 weeks", 3.0),
    ("I'm expecting, 24 weeks, and the back pain came on a week ago", 1.0),
    ("had my knee replaced 4 years ago and this back pain started a fortnight ago", 2.0),
    ("been on HRT for 6 years, my lower back hurts for a week", 1.0),
    ("of course it's been 3 months now", 13.04),  # "of course" is no course of medicine
])
def test_a_duration_of_something_else_is_not_the_pains(text, weeks):
    assert slots(text).get("pain_duration_weeks") == weeks


@pytest.mark.parametrize("text,weeks", [
    ("got rear-ended at the lights last week and my neck's been stiff ever since", 1.0),
    ("knocked off my scooter by a taxi on Monday and my back has hurt since", 0.43),
])
def test_the_day_of_an_injury_dates_the_pain(text, weeks):
    assert read(text, today=datetime.date(2026, 12, 3)).slots.get("pain_duration_weeks") == weeks  # a Thursday
