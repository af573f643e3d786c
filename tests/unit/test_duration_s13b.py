"""Durations by kind (session 13, second pass), in our own wordings, none from a blind set:
the patient's own count beats a season or holiday said beside it; a time that belongs to
something else (years in a trade, another condition or an old event said to be over, a
migraine had long) is not the pain's; "this past fortnight"; Spanish "llevo una semana con
..." after a denial, and a start month told with the month it is now."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import parse_durations
from bot.nlu.duration_es import parse_durations_es
from tests.vocabulary_reading import slots_read

TODAY = datetime.date(2026, 12, 4)


def weeks(text: str) -> float | None:
    return slots_read(text).get("pain_duration_weeks")


@pytest.mark.parametrize("text, expected", [
    # a count said beside a holiday or a season wins over the calendar
    ("my neck's been stiff since christmas, so 3ish weeks", 3.0),
    ("sore low back since the summer, abt 4 months now", 17.38),
    ("since fall, bout 10 weeks, my back has ached", 10.0),
    # "this past ..." is a length
    ("my lower back has been killing me this past fortnight", 2.0),
    ("my neck has hurt this past week", 1.0),
])
def test_the_patients_count_is_the_pains_time(text, expected):
    found = parse_durations(text, TODAY)
    assert found and found[-1].weeks == pytest.approx(expected, rel=0.03)
    assert len(found) == 1


@pytest.mark.parametrize("text, expected", [
    ("roofer 30 yrs. my back started aching 6 weeks ago", 6.0),
    ("electrician for 15 years, the pain in my neck began 2 weeks ago", 2.0),
    ("shoulders are shot from 20 yrs of laying bricks but the low back is new, about 3 weeks", 3.0),
])
def test_years_in_a_trade_are_not_the_pains(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "I had a bladder infection a couple of weeks ago but the tablets cleared it up",
    "I broke my wrist ten years ago and it mended fine",
    "plasterer 25 yrs",
    "knees are bad from 30 years of laying carpet, they dont bother me much",
    "I've had migraines since I was a teenager",
])
def test_times_of_other_things_are_not_the_pains(text):
    assert weeks(text) is None


@pytest.mark.parametrize("text, expected", [
    # what is not over keeps its time
    ("my back pain, 3 weeks now, and it still hasn't cleared up", 3.0),
    ("pulled my back 5 weeks ago and it never healed", 5.0),
    ("I had a fall 3 weeks ago and still haven't recovered fully, my back aches", 3.0),
])
def test_what_is_not_over_keeps_its_time(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text, expected", [
    # a denial before "y llevo ..." does not reach the pain after it
    ("me oriné sin darme cuenta y llevo dos semanas con la zona lumbar fatal", 2.0),
    ("sin fiebre y llevo un mes con el cuello hecho polvo", 4.35),
])
def test_llevar_a_time_with_the_pain(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.03)


def test_a_start_month_told_with_the_month_it_is_now():
    found = parse_durations_es("el dolor de cintura me empezó cuando fui a ver a mi mamá en"
                               " noviembre, y ya estamos en marzo", TODAY)
    assert [m.weeks for m in found] == [pytest.approx(17.0, abs=1.0)]


def test_a_start_month_of_last_year_is_not_read_as_this_years():
    found = parse_durations_es("me comenzó el dolor de cuello en octubre del año pasado", TODAY)
    assert all(m.weeks > 40 for m in found)


def test_a_migraine_had_long_is_not_the_pains_time():
    assert parse_durations_es("sufro de migrañas desde niña", TODAY) == []
