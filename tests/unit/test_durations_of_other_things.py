"""Times that are not the pain's: another condition's, an old injury's, a job's, a relief's.

Years in a trade, an earlier episode, a migraine had long, a weight loss or a cancer's time, a
sign's own time, relief after a treatment, a distance, an injury with nothing tying the pain to
it: none is how long the pain has lasted; the pain's own length said beside them stays.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import parse_durations
from bot.nlu.duration_es import parse_durations_es
from bot.nlu.duration_units import MONTH, YEAR
from bot.nlu.injections import injection_entities
from tests.unit.parsed import first_weeks, first_weeks_mid_june, weeks_parsed_friday
from tests.unit.reading import (
    FRIDAY,
    THURSDAY,
    duration_values,
    friday_weeks,
    pain_weeks,
    read,
    slots,
    slots_and_asked,
)
from tests.vocabulary_reading import slots_read, vocab_weeks


def test_the_pains_length_said_after_an_operations_time():
    found = parse_durations("it came back 6 months after the operation so it's been 2 years now")
    assert [m.text for m in found] == ["2 years"]


@pytest.mark.parametrize("text", ["I live about four hours away", "it's 2 hours' drive from here",
                                  "20 minutes by bus"])
def test_a_distance_is_no_pain_length(text):
    assert parse_durations(text) == []


def test_a_length_said_with_help_given_stays_the_pains():
    assert injection_entities("five weeks ago I helped my brother move house, sore since") == []
    assert injection_entities("the epidural helped my wife for 2 months")[-1]["value"] == "good"


@pytest.mark.parametrize("text,weeks", [
    # another part's time is not the spine's, when the spine's place is told in another clause
    ("my knee has been playing up for months but what's really bad now is my lower back", None),
    ("my shoulder has hurt for 2 years, my neck only since last week", 1.0),
    # a part named as the event the time runs from still dates the pain
    ("he's had it since his knee operation 3 years ago, it's his low back", 156.42),
    # the spine's own pain spreading into a limb keeps its time
    ("Dx: lumbar radiculopathy. L leg pain x 5 weeks, worse sitting", 5.0),
    ("cervical disc, and the arm pain has been 3 weeks", 3.0),
])
def test_another_parts_time_is_not_the_pains(text, weeks):
    found = read(text, today=datetime.date(2026, 12, 4)).slots.get("pain_duration_weeks")
    assert found == (pytest.approx(weeks, rel=0.05) if weeks else None)


def test_a_time_said_of_a_sign_like_that_is_the_signs():
    assert duration_values("I keep wetting myself, it has been like that since Friday, my back is sore") == []
    assert duration_values("I feel I need to wee but nothing comes out, it's been like that since yesterday, "
                       "and my back is killing me") == []
    assert duration_values("my neck is stiff, it's been like that since Monday") != []


def test_an_injury_with_nothing_tying_the_pain_to_it_dates_nothing():
    assert weeks_parsed_friday("came off my horse on Tuesday, I was fine") == []


@pytest.mark.parametrize("text,weeks", [
    ("unas tres semanas. Ya había tenido el mismo dolor hace 5 años", 3.0),
    ("about 3 weeks now. I'd had the same pain 5 years ago but it settled", 3.0),
])
def test_an_earlier_episodes_time_is_not_this_pains(text, weeks):
    assert slots_and_asked(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, rel=0.05)


@pytest.mark.parametrize("text", [
    "I've been on Wegovy since January, lost 10 kilos",
    "they burned the nerves in 2023 and it lasted about a year",
])
def test_another_events_time_is_not_the_pains(text):
    assert first_weeks_mid_june(text) is None


@pytest.mark.parametrize("text", [
    "the facet injections helped for 3 months",  # how long the relief lasted
    "an ESI, relief for about 10 days",
    "had an epidural in February which gave me three good months",
])
def test_another_events_duration_is_not_the_pains(text):
    assert parse_durations(text, today=THURSDAY) == []


@pytest.mark.parametrize("text,weeks", [
    ("my neck has ached for 3 weeks and I've lost 4 kilos in the last two months", 3.0),
    ("had a melanoma cut out 3 yrs ago, my lower back has been sore for 6 weeks", 6.0),
    ("the neck pain, about four weeks. my bad knee has played up for ten years", 4.0),
    ("my knee has been bothering me for a month", 4.35),  # the only time said stays
    # where a time is said of the pain, a time said of nothing named is not the pain's
    ("I've driven a bus for thirty years. the low back pain, about five weeks", 5.0),
    ("my fingers tingle from my diabetes, had that for ages. new neck pain 2 weeks", 2.0),
    ("crashed the car, but that was 8 years ago, and my back ache started 3 weeks ago", 3.0),
])
def test_the_pains_duration_not_another_things(text, weeks):
    assert slots(text).get("pain_duration_weeks") == pytest.approx(weeks, rel=0.05)


@pytest.mark.parametrize("text", [
    "lost half a stone since Easter without trying",
    "a lump removed from my arm 4 years ago, that's all",
])
def test_a_weight_loss_or_a_cancers_time_is_no_pains(text):
    assert "pain_duration_weeks" not in slots(text)


def test_a_medicine_that_helped_for_a_while_is_not_the_pains_time():
    assert slots_read("naproxen worked for about 3 days, then nothing").get("pain_duration_weeks") is None


@pytest.mark.parametrize("text", [
    "Yesterday the physio said my back is just stiff",
    "Last week I had a cold",
    "In June I saw a physio for my back",
])
def test_a_day_told_of_something_else_is_no_start(text):
    assert first_weeks(text) is None


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
    assert read(text, today=FRIDAY).slots.get("pain_duration_weeks") == pytest.approx(weeks, rel=0.05)


def test_a_length_into_a_job_with_no_start_times_nothing():
    assert pain_weeks("one month into the new job my back went") is None


@pytest.mark.parametrize("text,expected", [
    ("I am a software engineer 32 years. neck pain since 3 weeks", 3.0),
    ("im a roofer 25 years, back pain for 2 months", 2 * MONTH),
])
def test_who_the_patient_is_is_not_how_long(text, expected):
    assert pain_weeks(text) == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("text,expected", [
    ("Hurt my neck in a fall off a horse 20 years ago, had it pinned. It's been aching again this last fortnight.", 2.0),
    ("About three years ago I hurt my neck at work but it got better on its own. Then this summer it came back, "
     "and now it's been about four months.", 4 * MONTH),
    ("I did my back in about 15 years ago and that cleared up fine. This started 6 weeks ago.", 6.0),
    ("on gabapentin for two years for my diabetes nerve pain, but the back pain is new, started 5 days ago", 5 / 7),
    ("me operaron hace 5 años y quedé curado, pero el dolor volvió hace 3 semanas", 3.0),
])
def test_an_earlier_episode_or_another_things_time_yields(text, expected):
    assert pain_weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "wet myself twice since yesterday",
    "tengo fiebre desde ayer",
    "had a fever 3 weeks ago but it went, the back is fine",
])
def test_a_signs_own_time_stays_the_signs(text):
    assert pain_weeks(text) is None


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
    "my bum goes a bit tingly after sitting on the toilet for ages, is that normal?",
    "a bit numb round my bum after standing in the queue for ages",
    "it's been a while",
    "me duele desde hace un buen rato",
    "llevo un rato largo con este dolor",
])
def test_relief_an_activitys_time_or_a_vague_time_is_no_pain_length(text):
    assert friday_weeks(text) is None


@pytest.mark.parametrize("text,expected", [
    ("I had an injection last year, it helped a bit, but my back has hurt for 3 months now", 3 * MONTH),
    ("me pusieron una infiltración y no me sirvió, el dolor lo tengo desde hace dos meses", 2 * MONTH),
    # an old injury said healed, then the new pain's own time
    ("Hurt my neck in a car crash 10 years ago, fully healed, no problems since. This is a new ache"
     " since I started a new job 2 weeks ago.", 2.0),
    # years on night shifts are the job's, not the pain's
    ("About 4 weeks. I've been on nights for 6 years so I doubt it's work", 4.0),
    # the part of the pain that came later does not restart it
    ("Two years, though the leg pain is only the last 3 weeks", 2 * YEAR),
    ("my lower back for 4 months, the arm bit only the past week", 4 * MONTH),
])
def test_the_pains_own_length_beside_other_times_stays(text, expected):
    assert friday_weeks(text) == pytest.approx(expected, rel=0.02)


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
    assert friday_weeks(text) == pytest.approx(expected, rel=0.1)


@pytest.mark.parametrize("text, expected", [
    ("roofer 30 yrs. my back started aching 6 weeks ago", 6.0),
    ("electrician for 15 years, the pain in my neck began 2 weeks ago", 2.0),
    ("shoulders are shot from 20 yrs of laying bricks but the low back is new, about 3 weeks", 3.0),
    # what is not over keeps its time
    ("my back pain, 3 weeks now, and it still hasn't cleared up", 3.0),
    ("pulled my back 5 weeks ago and it never healed", 5.0),
    ("I had a fall 3 weeks ago and still haven't recovered fully, my back aches", 3.0),
])
def test_years_in_a_trade_or_what_is_not_over(text, expected):
    assert vocab_weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "I had a bladder infection a couple of weeks ago but the tablets cleared it up",
    "I broke my wrist ten years ago and it mended fine",
    "plasterer 25 yrs",
    "knees are bad from 30 years of laying carpet, they dont bother me much",
    "I've had migraines since I was a teenager",
])
def test_times_of_other_things_are_not_the_pains(text):
    assert vocab_weeks(text) is None


def test_a_migraine_had_long_is_not_the_pains_time():
    assert parse_durations_es("sufro de migrañas desde niña", FRIDAY) == []


@pytest.mark.parametrize("text", [
    "my right leg keeps giving way. started on Monday",  # the sign's time, no pain told
    "I can't hold my wee, since this morning",
])
def test_another_things_time(text):
    assert "pain_duration_weeks" not in slots_read(text)


@pytest.mark.parametrize("text,category", [
    ("my lower back has been bad for a good few weeks", "acute"),  # "a few weeks": 3
    ("neck pain for a great many years", "chronic"),
    ("low back since the new year, so a little over eleven months", "chronic"),
])
def test_times_said_with_relief_words_stay_the_pains(text, category):
    assert slots_read(text).get("duration_category") == category


@pytest.mark.parametrize("text", [
    # an old event told as over in everyday words (session 20)
    "Nope. I tripped on a kerb a few years back but that's ancient history",
    "fell off my bike in 2018 but that's long healed",
    "a lorry clipped my car four years ago but I was right as rain after",
    # another illness named by its kind, and time off work (a rest's length)
    "I had a melanoma cut out of my shoulder 6 years ago",
    "I had a bout of shingles a couple of years back, that's all",
    "took a couple of days off work and put my feet up",
])
def test_a_time_told_of_something_else_in_everyday_words_is_not_the_pains(text):
    assert pain_weeks(text) is None


@pytest.mark.parametrize("text,weeks", [
    ("hurt my back lifting a tyre 3 weeks ago and it's still sore", 3),
    ("I fell off a ladder 10 days ago and my back has hurt since", 10 / 7),
    # time off work told as the anchor of the pain's start
    ("been off work a fortnight and the pain began two weeks before that", 4),
])
def test_an_injury_the_pain_is_tied_to_still_dates_it(text, weeks):
    assert pain_weeks(text) == pytest.approx(weeks, abs=0.01)
