"""How long the pain has lasted, by kind (session 15), read as the assistant reads a first
message (tests/unit/reading.py) on a fixed day: two dates in one message (the day the patient
says it is, a holiday or a weekday said alone), the episode now named beside a longer history
("on and off for years, this flare 10 days": the flare's time is the one the triage needs, a
worsening is not an episode), lengths told relative to another, dictated number words, relief
after a treatment, and vague lengths that stay unknown. Sentences written for these tests."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration_units import MONTH, YEAR
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


@pytest.mark.parametrize("text,expected", [
    ("About half as long as I've been retired, and that's 2 years", YEAR),
    ("roughly twice as long as I've been on the blood thinner, which is 3 months", 6 * MONTH),
    ("about as long as I've had this job, 3 years", 3 * YEAR),
    ("la mitad de lo que llevo en el trabajo nuevo, que son 4 meses", 2 * MONTH),
    ("me duele el doble de lo que llevo jubilado, que son dos meses", 4 * MONTH),
])
def test_a_length_told_as_a_share_of_another(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text,expected", [
    ("as long as I keep moving it's fine, I've had it 3 weeks", 3.0),  # a condition, no share
    ("I've been on pregabalin for 4 months but the pain was there a good year before that", 16 * MONTH),
    ("the hip started 3 weeks ago and my back went about a week before that", 4.0),
])
def test_a_condition_is_no_share_and_before_that_adds(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text,expected", [
    ("using voice to text, my lower back has been sore for about won month", MONTH),
    ("it has been ate days now", 8 / 7),
    ("my neck has been stiff for tree months", 3 * MONTH),
    ("it must be going on for a good twelve months now", YEAR),
    ("sore for a good month", MONTH),
])
def test_dictated_and_stressed_number_words(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text", [
    "I had a good day yesterday and we won the game",
    "I ate too much and it was a good year for us",
])
def test_the_same_words_elsewhere_are_no_length(text):
    assert weeks(text) is None


@pytest.mark.parametrize("text", [
    "had facet injections, helped maybe half, for a month or so",
    "nerve block, helped a bit, maybe 10 days",
    "epidural at L5, about half the pain gone for 6 wks",
    "I had injection in back 2 times. First time help very good, one year.",
    "the naproxen took the pain away for a few days",
    "las infiltraciones me quitaron el dolor unas seis semanas",
    "me hicieron un bloqueo hace un año y me anduvo bárbaro como cuatro meses",
    "me pusieron inyecciones en la columna y me ayudaron un poco, como dos semanas",
    "fui con el sobador y me sentí mejor dos días y luego igual",
    "la pomada me alivió como tres días",
])
def test_relief_after_a_treatment_is_no_pain_length(text):
    assert weeks(text) is None


@pytest.mark.parametrize("text,expected", [
    ("I had an injection last year, it helped a bit, but my back has hurt for 3 months now", 3 * MONTH),
    ("me pusieron una infiltración y no me sirvió, el dolor lo tengo desde hace dos meses", 2 * MONTH),
])
def test_the_pains_own_length_beside_a_relief_stays(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text", [
    "my bum goes a bit tingly after sitting on the toilet for ages, is that normal?",
    "a bit numb round my bum after standing in the queue for ages",
    "it's been a while",
    "me duele desde hace un buen rato",
    "llevo un rato largo con este dolor",
])
def test_vague_or_an_activitys_time_stays_unknown(text):
    assert weeks(text) is None


def test_ages_about_the_pain_is_long():
    # the contract: a vague answer still gets a category ("for ages" said of the pain)
    assert category("my back has been sore for ages") == "chronic"


@pytest.mark.parametrize("text,expected", [
    ("me duele desde el embarazo, y mi niño ya tiene tres años", 3 * YEAR),
    ("estoy embarazada de 20 semanas y me duele la espalda desde hace 2 semanas", 2.0),
])
def test_a_pregnancy_and_the_childs_age(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text,expected", [
    # an old injury said healed, then the new pain's own time
    ("Hurt my neck in a car crash 10 years ago, fully healed, no problems since. This is a new ache"
     " since I started a new job 2 weeks ago.", 2.0),
    # years on night shifts are the job's, not the pain's
    ("About 4 weeks. I've been on nights for 6 years so I doubt it's work", 4.0),
    # the part of the pain that came later does not restart it
    ("Two years, though the leg pain is only the last 3 weeks", 2 * YEAR),
    ("my lower back for 4 months, the arm bit only the past week", 4 * MONTH),
])
def test_an_old_injury_a_job_and_a_later_part(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.02)


def test_a_share_without_its_factor_stops_the_start(tmp_path, monkeypatch):
    from bot.nlu import duration_relative
    bad = tmp_path / "relative_lengths.yml"
    bad.write_text("half:\n  words: [half as long as]\n", encoding="utf-8")
    monkeypatch.setattr(duration_relative, "RELATIVE_VOCAB", bad)
    duration_relative._shares.cache_clear()
    try:
        with pytest.raises(ValueError, match="factor"):
            duration_relative._shares()
    finally:
        monkeypatch.undo()
        duration_relative._shares.cache_clear()


def test_a_dictation_word_must_be_a_number(tmp_path):
    from bot.nlu.duration_units import _dictation_numbers
    bad = tmp_path / "dictation_numbers.yml"
    bad.write_text("before_plural:\n  too: two\nbefore_singular: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="number"):
        _dictation_numbers(bad)
