"""How long the pain has lasted, dated by events and days: holidays, weekdays, dates, births.

Holidays and school terms (vocab/holidays.yml), parts of a season, month or year, a weekday or
holiday said to be today, a named one-off event, a child's birth or age, an operation; the
patient's own count beats a date said beside it; a day still to come or told of something else
dates nothing. Read on fixed days (tests/unit/reading.py). Sentences written for these tests,
none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import parse_durations
from bot.nlu.duration_es import parse_durations_es
from bot.nlu.duration_units import MONTH, YEAR
from bot.nlu.holidays import holidays, latest_holiday
from tests.unit.parsed import first_weeks, first_weeks_mid_june, weeks_parsed_friday, weeks_parsed_thursday
from tests.unit.reading import (
    FRIDAY,
    SPRING,
    THURSDAY,
    friday_weeks,
    pain_weeks,
    slots_and_asked,
    weeks_since,
)


def test_since_university_is_years():
    assert weeks_parsed_friday("on and off since college")[0] > 12 * 4


@pytest.mark.parametrize("text,weeks", [
    ("empezó el 5 de marzo, hoy es 2 de abril", 4.0),
    ("desde el Día de Reyes. Estamos a principios de febrero", 4.1),
    ("it began on March 5th, today is April 2nd", 4.0),
    ("hurting since Jan 10, it's Feb 21 now", 6.0),
])
def test_a_stated_today_dates_the_start(text, weeks):
    assert slots_and_asked(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, rel=0.15)


def test_an_onset_since_an_operation_still_counts():
    assert first_weeks_mid_june("it's hurt ever since my operation 2 years ago") > 100


@pytest.mark.parametrize("text,weeks", [
    ("the night before last", 0.29),
    ("since Sunday evening", 0.57),
    ("it started the week before Thanksgiving", 2.0),
    ("Since my daughter was born. She's four now.", 208.56),
    ("my back has hurt for 6 months and physio helped a bit", 26.07),
])
def test_durations_tied_to_days_and_events(text, weeks):
    [found] = parse_durations(text, today=THURSDAY)
    assert found.weeks == pytest.approx(weeks, abs=0.01)


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
    assert first_weeks(text) == pytest.approx((FRIDAY - start).days / 7, abs=0.2)


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
    assert first_weeks(text) == pytest.approx((FRIDAY - start).days / 7, abs=0.6)


def test_the_fall_alone_may_be_an_injury_and_dates_nothing():
    assert first_weeks("it has hurt since the fall") is None


def test_a_day_still_to_come_dates_nothing():
    assert first_weeks("since the end of this year") is None


def test_a_moving_day_missing_from_the_table_gives_no_date():
    assert latest_holiday("diwali", datetime.date(2035, 12, 1)) is None
    assert latest_holiday("bonfire night", datetime.date(2035, 12, 1)) == datetime.date(2035, 11, 5)


def test_every_day_in_the_table_has_a_date_this_year():
    for key, day in holidays().items():
        said = day["names"][0].replace("'?", "").replace("(?: day| eve)?", "").replace("s?", "")
        if "(" in said or "\\" in said:
            continue
        assert latest_holiday(said, FRIDAY), key


@pytest.mark.parametrize("text,weeks", [
    ("my lower back has been bad since my granddaughter arrived, she's 3 now", 3 * 52.14),
    ("since my grandson was born my neck's been stiff, he just turned 2", 2 * 52.14),
    ("ever since my youngest was born and she is 5 now", 5 * 52.14),
])
def test_a_childs_birth_and_age(text, weeks):
    assert first_weeks(text) == pytest.approx(weeks, rel=0.02)


@pytest.mark.parametrize("text,weeks", [
    ("since Hanukkah, so like 5 weeks", 5),
    ("started around Thanksgiving, I'd say roughly two weeks", 2),
    ("about seven weeks, since the start of term", 7),
])
def test_the_length_the_patient_makes_of_a_day_wins(text, weeks):
    assert first_weeks(text) == pytest.approx(weeks)


@pytest.mark.parametrize("text,day", [
    ("desde el huracán María me duele la espalda, imagínese", datetime.date(2017, 9, 20)),
    ("my lower back has been bad since Hurricane Harvey", datetime.date(2017, 8, 25)),
    ("el cuello me duele desde el huracán Otis", datetime.date(2023, 10, 25)),
])
def test_a_named_event_dates_the_pain(text, day):
    assert pain_weeks(text) == pytest.approx(weeks_since(day), abs=0.2)


def test_an_event_no_list_can_date_gives_no_length():
    assert pain_weeks("me duele la espalda desde el terremoto") is None


@pytest.mark.parametrize("text,expected", [
    ("pues desde que nació mi nieto, que ya tiene un año y medio, me duele la espalda", 1.5 * YEAR),
    ("me duele la espalda desde el parto, y mi niña ya tiene 4 meses", 4 * MONTH),
    ("since my daughter was born, she's four now, my back has hurt", 4 * YEAR),
])
def test_a_childs_age_times_the_pain(text, expected):
    assert pain_weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text,expected", [
    # an emoji ends a sentence: the sign after it does not own the time before it
    ("my back is wrecked lol. had it like 3 days now after the gym 💀 kinda feel feverish too", 3 / 7),
    # someone typing for the patient: the fall's day starts the pain told after "since then"
    ("my dad fell in the bathroom 4 days ago and since then he cant get comfortable, pain in his lower back", 4 / 7),
    ("mi esposo se cayó de una escalera en el trabajo hace 4 días y desde ahí tiene dolor en la espalda baja", 4 / 7),
    # a fever's time that the pain is said to share
    ("Fever about 3 weeks ago after covid, resolved in a couple of days. The back pain started around then", 3.0),
    # an injection's time that the pain is said to follow
    ("I had an epidural for my labour 3 months ago and since then my lower back has been sore", 3 * MONTH),
    # the operation that starts the time is not what it times
    ("she's had it since her hip replacement 2 years ago, it's her lower back", 2 * YEAR),
    ("3 weeks, no wait, it was before my trip to Goa so more like 5", 5.0),
    ("started with back pain last wk", 1.0),
])
def test_a_time_the_pain_is_tied_to(text, expected):
    assert pain_weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text,expected", [
    # the holiday it is today: dates before it count back from it, not from the reading day
    ("my neck went on boxing day, and it's valentine's day today", 7.1),
    ("since new year's day. today is valentines day", 6.3),
    ("it's been bad since the 4th of july, and it's labor day now", 9.3),
    ("me duele la espalda desde año nuevo y hoy es San Valentín", 6.3),
    ("desde el día de muertos, y ya es navidad", 7.6),
])
def test_a_holiday_said_to_be_today_dates_the_start(text, expected):
    assert friday_weeks(text) == pytest.approx(expected, abs=0.2)


@pytest.mark.parametrize("text", [
    "Since Sunday's match. It's Wednesday.",
    "hurt it lifting on Sunday, it's Wednesday",
    "the pain came on Sunday night. it's Wednesday lol",
])
def test_a_weekday_said_alone_is_today(text):
    assert friday_weeks(text) == pytest.approx(3 / 7, abs=0.02)


def test_a_weekday_that_says_when_is_no_today():
    # "it's Monday that it started": no "today", the start is counted from the reading day
    assert friday_weeks("since Monday") == pytest.approx(4 / 7, abs=0.02)


@pytest.mark.parametrize("text,expected", [
    ("me duele desde el embarazo, y mi niño ya tiene tres años", 3 * YEAR),
    ("estoy embarazada de 20 semanas y me duele la espalda desde hace 2 semanas", 2.0),
])
def test_a_pregnancy_and_the_childs_age(text, expected):
    assert friday_weeks(text) == pytest.approx(expected, rel=0.02)


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
    assert friday_weeks(text, today) == pytest.approx(expected, rel=0.1)


@pytest.mark.parametrize("text,expected", [
    ("i'm 6 weeks postpartum (baby is 6 wks) and my back hurts when I lift her", None),
    ("Mum of twins (14 months). My back has been like this since they started crawling, so about 5 months", 21.7),
    ("my daughter is 8 months old and my back has ached since she was born", 34.8),
    ("sciatica ever since I gave birth, the baby is 3 months old now", 13),
])
def test_a_childs_age_is_no_length_unless_the_pain_dates_from_the_birth(text, expected):
    found = friday_weeks(text)
    assert found == (pytest.approx(expected, rel=0.1) if expected else None)


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
    found = parse_durations(text, FRIDAY)
    assert found and found[-1].weeks == pytest.approx(expected, rel=0.03)
    assert len(found) == 1


def test_a_start_month_told_with_the_month_it_is_now():
    found = parse_durations_es("el dolor de cintura me empezó cuando fui a ver a mi mamá en"
                               " noviembre, y ya estamos en marzo", FRIDAY)
    assert [m.weeks for m in found] == [pytest.approx(17.0, abs=1.0)]


def test_a_start_month_of_last_year_is_not_read_as_this_years():
    found = parse_durations_es("me comenzó el dolor de cuello en octubre del año pasado", FRIDAY)
    assert all(m.weeks > 40 for m in found)


@pytest.mark.parametrize("text", [
    "since I sat down at work it's been sore",  # "sat" is no Saturday here
    "now it is 3 weeks",  # a length, never "the 3rd"
])
def test_no_false_day(text):
    assert all(w < 1 or w == pytest.approx(3.0) for w in weeks_parsed_thursday(text))
