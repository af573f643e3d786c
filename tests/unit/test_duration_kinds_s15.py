"""How long the pain has lasted, by kind (session 15), read as the assistant reads a first
message (tests/unit/reading.py) on a fixed day: two dates in one message (the day the patient
says it is, a holiday or a weekday said alone), the episode now named beside a longer history
("on and off for years, this flare 10 days": the flare's time is the one the triage needs, a
worsening is not an episode), lengths told relative to another, dictated number words, relief
after a treatment, and vague lengths that stay unknown. Sentences written for these tests."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration_units import MONTH, YEAR  # noqa: F401 (the relative lengths below)
from tests.unit.reading import read

FRIDAY = datetime.date(2026, 12, 4)


def weeks(text, today=FRIDAY):
    return read(text, today=today).slots.get("pain_duration_weeks")


def category(text, today=FRIDAY):
    return read(text, today=today).slots.get("duration_category")


@pytest.mark.parametrize("text,expected", [
    # the holiday it is today: dates before it count back from it, not from the reading day
    ("my neck went on boxing day, and it's valentine's day today", 7.1),
    ("since new year's day. today is valentines day", 6.3),
    ("it's been bad since the 4th of july, and it's labor day now", 9.3),
    ("me duele la espalda desde año nuevo y hoy es San Valentín", 6.3),
    ("desde el día de muertos, y ya es navidad", 7.6),
])
def test_a_holiday_said_to_be_today_dates_the_start(text, expected):
    assert weeks(text) == pytest.approx(expected, abs=0.2)


@pytest.mark.parametrize("text", [
    "Since Sunday's match. It's Wednesday.",
    "hurt it lifting on Sunday, it's Wednesday",
    "the pain came on Sunday night. it's Wednesday lol",
])
def test_a_weekday_said_alone_is_today(text):
    assert weeks(text) == pytest.approx(3 / 7, abs=0.02)


def test_a_weekday_that_says_when_is_no_today():
    # "it's Monday that it started": no "today", the start is counted from the reading day
    assert weeks("since Monday") == pytest.approx(4 / 7, abs=0.02)


@pytest.mark.parametrize("text,expected", [
    ("I've had back trouble on and off for years but this flare started 10 days ago", 10 / 7),
    ("on and off for 20 years, the latest bout began a fortnight ago", 2.0),
    ("sciatica off and on since my twenties, this episode has gone on for about 3 weeks", 3.0),
    ("la espalda me molesta a ratos desde hace años pero esta crisis empezó hace 10 días", 10 / 7),
    ("me da de vez en cuando desde hace cinco años, esta vez lleva dos semanas", 2.0),
])
def test_the_flare_now_is_the_pains_length(text, expected):
    assert weeks(text) == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize("text", [
    "bad back for years, worse the last 2 weeks",
    "off and on for decades, bad again for the last month",
])
def test_a_worsening_keeps_the_long_course(text):
    assert category(text) == "chronic"
