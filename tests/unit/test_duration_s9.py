"""Durations read in session 9, by class: days and holidays as typed ("since sat", "yday",
Labor Day, Pongal), the day it is said to be near a holiday ("it's nearly Christmas now", "a
week out from Halloween"), a season after other words, "a year and a bit", "thirty odd
years", "only the last month", a number that corrects the length just said, weeks within a
pregnancy, a starting point restated as a length; and times that are another thing's (a sign
told before its time, a relief word inside "the better part of").
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import parse_durations
from tests.vocabulary_reading import slots_read

TODAY = datetime.date(2026, 12, 3)  # a Thursday


def weeks(text):
    return [d.weeks for d in parse_durations(text, TODAY)]


@pytest.mark.parametrize("text,expected", [
    ("it's been like this since sat", 5 / 7),
    ("fell off my scooter yday", 1 / 7),
    ("since the day after Labor Day", 12.29),          # Mon 7 Sep 2026 + 1 day
    ("sore since Bonfire Night and it's almost Christmas now", 7.14),   # 5 Nov to 25 Dec
    ("ever since Labor Day, and we're two weeks from Halloween now", 5.71),  # 7 Sep to 17 Oct
    ("my neck since the wedding in the spring, and it's July now", 13.0),
    ("pain since Pongal, now it is 5 weeks", 5.0),
    ("a month and a bit", 4.35 * 1.2),
    ("forty odd years", 40 * 52.14),
    ("the ache, only the last month", 4.35),
    ("about 3 weeks. no wait more like 4", 4.0),
    ("I'm 30 weeks pregnant and it started at week 26", 4.0),
])
def test_lengths_as_said(text, expected):
    found = weeks(text)
    assert found and max(found) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "since I sat down at work it's been sore",  # "sat" is no Saturday here
    "now it is 3 weeks",  # a length, never "the 3rd"
])
def test_no_false_day(text):
    assert all(w < 1 or w == pytest.approx(3.0) for w in weeks(text))


@pytest.mark.parametrize("text", [
    "my right leg keeps giving way. started on Monday",  # the sign's time, no pain told
    "I can't hold my wee, since this morning",
])
def test_another_things_time(text):
    assert "pain_duration_weeks" not in slots_read(text)


@pytest.mark.parametrize("text,category", [
    ("the better part of a year, my neck", "chronic"),
    ("my low back since my great grandson was christened in the spring", "chronic"),
    ("my lower back since my great granddaughter's wedding in the summer", "chronic"),
    ("two years and a bit", "chronic"),
    ("Three weeks. And I've been wetting myself", "acute"),  # the time told first: the pain's
    ("what if my legs go weak? it's been 6 weeks", "subacute"),  # a feared sign has no time
])
def test_pain_lengths_kept(text, category):
    assert slots_read(text).get("duration_category") == category


@pytest.mark.parametrize("text,expected", [
    ("my shoulder blades, 2 years and half", 2.5 * 52.14),
    ("since like monday", 3 / 7),
    ("since Easter, so a little over 7 months", 7 * 4.35),
])
def test_more_lengths_as_said(text, expected):
    found = weeks(text)
    assert found and max(found) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text,category", [
    ("my lower back has been bad for a good few weeks", "acute"),  # "a few weeks": 3
    ("neck pain for a great many years", "chronic"),
    ("low back since the new year, so a little over eleven months", "chronic"),
])
def test_times_said_with_relief_words_stay_the_pains(text, category):
    assert slots_read(text).get("duration_category") == category
