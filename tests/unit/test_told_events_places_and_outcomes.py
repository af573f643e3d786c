"""Durations, places and treatments told in words the vocabulary lacked (session 21, issue 15).

A blow told in everyday words dates the pain by its day ("got checked into the boards on
Friday, back's been stiff since"), a misspelt "started", a decade, an event "is where it
started"; years in a job are not the pain's. The back said loosely ("cranky", "messed up",
"my hip and back", "buttcheek", "midle back", "from the neck down to my hips"); a treatment
suggested and then told by how it went is tried; a walk as a strength test or a relative's
gait is no exercise. Sentences written for these tests, none from a blind set; read as the
assistant reads a first message, on Friday 4 December 2026."""
from __future__ import annotations

import pytest

from tests.unit.reading import friday_category, friday_weeks, place, tried


@pytest.mark.parametrize("text,weeks", [
    # a blow in everyday words, then the pain tied to it
    ("got checked hard into the boards on tuesday and my back's been sore since", 3 / 7),
    ("I sat down really hard on a concrete step last Saturday, it still hurts to bend", 6 / 7),
    ("took a nasty knock at rugby wed, lower back killing me ever since", 2 / 7),
    # "started" misspelt straight before the day
    ("lower back pain, strted monday", 4 / 7),
    ("my neck is stiff, it startd wednesday", 2 / 7),
    # waking with it, a crash with a road's name between, the pain said to start with a blow
    ("I woke up monday with my lower back locked and a bit of a temperature", 4 / 7),
    ("got rear-ended on I-95 wednesday and my neck is so stiff", 2 / 7),
    ("the pain began after I came down hard off the last step of the bus on tuesday", 3 / 7),
])
def test_a_day_told_with_an_event_in_other_words_dates_the_pain(text, weeks):
    assert friday_weeks(text) == pytest.approx(weeks, abs=0.02)


@pytest.mark.parametrize("text", [
    "on and off since the 1980s",
    "since the late 90s really",
    "my back has played up since the nineties",
    "a fall off a horse back in 2011 is where all my back trouble started",
    "the whiplash in 2015 was when it began",
])
def test_a_decade_or_an_old_event_the_pain_started_with_is_chronic(text):
    assert friday_category(text) == "chronic"


@pytest.mark.parametrize("text,weeks", [
    ("bus driver, 25 years behind the wheel, and the low back has ached for 6 months", 26.07),
    ("I was 20 years in the army, my neck has been bad for about 3 months", 13.04),
])
def test_years_at_a_job_said_by_its_place_are_not_the_pains(text, weeks):
    assert friday_weeks(text) == pytest.approx(weeks, abs=0.1)


def test_a_blow_with_no_pain_tied_to_it_dates_nothing():
    assert friday_weeks("got tackled on Saturday at footy, is that relevant?") is None


@pytest.mark.parametrize("text,expected", [
    ("back's been cranky since the move", "lower_back"),
    ("my back has been messed up for a while", "lower_back"),
    ("slipped on ice and landed on my bum and back", "lower_back"),
    ("it hurts in my left buttcheek and down the back of the thigh", "lower_back"),
    ("sharp pain in the midle back when I breathe in", "upper_back"),
    ("it runs from the neck down to my hips, the whole way", "other"),
    ("aches all along my backbone", "other"),
    ("fell off the trampoline with the kids on sunday, back's pretty sore now", "lower_back"),
    ("back is proper stiff in the mornings", "lower_back"),
])
def test_the_back_said_loosely_is_placed(text, expected):
    assert place(text) == expected


@pytest.mark.parametrize("text,expected", [
    # dry needling beside a physio is physical therapy (r21-treat; the seen sets label it both ways)
        ("the physio suggested dry needling which helped for a bit", {"physical_therapy"}),
    ("my GP recommended a chiropractor, which did nothing", {"chiropractic"}),
])
def test_a_treatment_suggested_then_told_by_how_it_went_is_tried(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("the GP suggested acupuncture, I'd rather not", set()),
    ("is acupuncture worth trying, which helped my sister?", set()),
])
def test_a_treatment_only_suggested_or_asked_about_is_not(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("my legs are fine, I did toe walks and heel walks for the nurse", set()),
    ("typing for my mum, her toes catch the carpet when she walks", set()),
    ("I go for walks every evening and take ibuprofen", {"exercise", "otc_medication"}),
])
def test_a_walk_as_a_test_or_a_gait_is_no_exercise(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "my aunt had back pain like this, God rest her soul, and it was nothing serious",
    "no fever, the pain doc said to call if I get one after the epidural they have me scheduled for",
    "I had surgery for haemorrhoids years ago, otherwise healthy",
])
def test_no_treatment_tried_in_words_of_the_dead_a_plan_or_another_complaint(text):
    assert tried(text) == set()


@pytest.mark.parametrize("text,weeks", [
    ("each facet block gives me about 6 weeks before it wears off", None),
    ("my back has hurt for 5 months, the tablets wear off after 4 hours", 21.73),
])
def test_how_long_relief_lasts_told_in_the_present_is_not_the_pains(text, weeks):
    assert friday_weeks(text) == weeks
