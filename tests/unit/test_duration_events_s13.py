"""Durations counted from the days and events patients date their pain by, read in session 13
by kind: holidays and school terms from vocab/holidays.yml (fixed, nth-weekday, Easter-based
and lunar or Islamic dates), parts of a season, month or year ("the end of last month", "late
last year", "the first week of November"), a grandchild's birth and age, the back giving way
"around" a day; and a time that is another person's or a treatment's, never the pain's.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import parse_durations
from bot.nlu.holidays import holidays, latest_holiday
from tests.unit.reading import read
from tests.vocabulary_reading import slots_read

TODAY = datetime.date(2026, 12, 4)


def weeks_on(text, today=TODAY):
    found = parse_durations(text, today)
    return found[0].weeks if found else None


@pytest.mark.parametrize("text,start", [
    ("my neck has ached since Easter", datetime.date(2026, 4, 5)),
    ("lower back sore since good friday", datetime.date(2026, 4, 3)),
    ("it started around Diwali", datetime.date(2026, 11, 8)),
    ("since eid my back has been stiff", datetime.date(2026, 3, 20)),
    ("back's been bad since mothers day", datetime.date(2026, 5, 10)),
    ("since the kids went back to school in the autumn term", datetime.date(2026, 9, 1)),
    ("it began at the start of the school year", datetime.date(2026, 9, 1)),
    ("my back went out around spring break", datetime.date(2026, 3, 15)),
    ("sore ever since the summer vacation", datetime.date(2026, 7, 1)),
    ("started the week before Thanksgiving", datetime.date(2026, 11, 19)),
])
def test_a_day_of_the_year_dates_the_pain(text, start):
    assert weeks_on(text) == pytest.approx((TODAY - start).days / 7, abs=0.2)


@pytest.mark.parametrize("text,start", [
    ("has hurt since the end of last month", datetime.date(2026, 11, 29)),
    ("since the start of the month", datetime.date(2026, 12, 1)),
    ("it started late last year", datetime.date(2025, 11, 7)),
    ("since the beginning of the year", datetime.date(2026, 1, 1)),
    ("began the second week of October", datetime.date(2026, 10, 11)),
    ("since the end of summer", datetime.date(2026, 8, 14)),
    ("since last fall", datetime.date(2026, 10, 15)),
])
def test_a_part_of_a_month_season_or_year(text, start):
    assert weeks_on(text) == pytest.approx((TODAY - start).days / 7, abs=0.6)


def test_the_fall_alone_may_be_an_injury_and_dates_nothing():
    assert weeks_on("it has hurt since the fall") is None


def test_a_day_still_to_come_dates_nothing():
    assert weeks_on("since the end of this year") is None


def test_a_moving_day_missing_from_the_table_gives_no_date():
    assert latest_holiday("diwali", datetime.date(2035, 12, 1)) is None
    assert latest_holiday("bonfire night", datetime.date(2035, 12, 1)) == datetime.date(2035, 11, 5)


def test_every_day_in_the_table_has_a_date_this_year():
    for key, day in holidays().items():
        said = day["names"][0].replace("'?", "").replace("(?: day| eve)?", "").replace("s?", "")
        if "(" in said or "\\" in said:
            continue
        assert latest_holiday(said, TODAY), key


@pytest.mark.parametrize("text,weeks", [
    ("my lower back has been bad since my granddaughter arrived, she's 3 now", 3 * 52.14),
    ("since my grandson was born my neck's been stiff, he just turned 2", 2 * 52.14),
    ("ever since my youngest was born and she is 5 now", 5 * 52.14),
])
def test_a_childs_birth_and_age(text, weeks):
    assert weeks_on(text) == pytest.approx(weeks, rel=0.02)


@pytest.mark.parametrize("text,weeks", [
    ("my lower back has ached a lot for 5 weeks", 5),
    ("my partner has been a nurse since 2012 and my back pain started four days ago", 4 / 7),
    ("my dad has had his knee pain since Christmas, my own lower back is 2 weeks", 2),
    ("my neck started hurting on Good Friday", (TODAY - datetime.date(2026, 4, 3)).days / 7),
])
def test_the_pains_own_time(text, weeks):
    assert slots_read(text).get("pain_duration_weeks") == pytest.approx(weeks, rel=0.05)


def test_a_medicine_that_helped_for_a_while_is_not_the_pains_time():
    assert slots_read("naproxen worked for about 3 days, then nothing").get("pain_duration_weeks") is None


@pytest.mark.parametrize("text,weeks", [
    ("four nights ago my lower back locked up", 4 / 7),
    ("the weekend before last", 13 / 7),
    ("Last night I reached for the kettle and my back went", 1 / 7),
    ("On Saturday I was digging the veg patch and my neck has been stiff since", 6 / 7),
    ("since the 12th of last month", (TODAY - datetime.date(2026, 11, 12)).days / 7),
])
def test_when_it_started_told_first(text, weeks):
    assert weeks_on(text) == pytest.approx(weeks, abs=0.05)


@pytest.mark.parametrize("text", [
    "Yesterday the physio said my back is just stiff",
    "Last week I had a cold",
    "In June I saw a physio for my back",
])
def test_a_day_told_of_something_else_is_no_start(text):
    assert weeks_on(text) is None


@pytest.mark.parametrize("text,weeks", [
    ("since Hanukkah, so like 5 weeks", 5),
    ("started around Thanksgiving, I'd say roughly two weeks", 2),
    ("about seven weeks, since the start of term", 7),
])
def test_the_length_the_patient_makes_of_a_day_wins(text, weeks):
    assert weeks_on(text) == pytest.approx(weeks)


@pytest.mark.parametrize("text,weeks", [
    # an injury with a time, then the pain told in the same message
    ("came off my scooter on Saturday, the A&E said nothing was broken but my lower back is really sore", 6 / 7),
    # a change in a pain that began earlier is not when it began
    ("roughly 8 months, and over the last fortnight it's begun shooting down my arm", 8 * 4.345),
    ("my lower back has played up for years but it got much worse over the past 3 weeks", 156.42),
    # a medicine for something else, its time beside the pain's
    ("Pain's been about 4 weeks. I've been on metformin for 10 years.", 4),
    # "shot" as worn out, not an injection
    ("my wife broke her wrist last month so I've done all the lifting and now my back is shot, about 2 weeks", 2),
    ("it began when my eldest was born and she's 7 now", 7 * 52.14),
])
def test_whose_time_and_which(text, weeks):
    # read on a fixed Friday: "on Saturday" is six days back only then
    assert read(text, today=TODAY).slots.get("pain_duration_weeks") == pytest.approx(weeks, rel=0.05)
