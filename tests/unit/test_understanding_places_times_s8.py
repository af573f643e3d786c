"""Durations and places, session 8, read as the assistant reads them: a duration beside a weight
loss, a cancer or another body part times that, not the pain; places misspelt or said as
"the middle part". Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def slots(text):
    return read(text).slots


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


@pytest.mark.parametrize("text,category", [
    ("years", "chronic"),  # the bare answer to "how long?"
    ("ever since before covid really", "chronic"),
])
def test_long_vague_times(text, category):
    assert slots(text).get("duration_category") == category


@pytest.mark.parametrize("text", [
    "lost half a stone since Easter without trying",
    "a lump removed from my arm 4 years ago, that's all",
])
def test_a_weight_loss_or_a_cancers_time_is_no_pains(text):
    assert "pain_duration_weeks" not in slots(text)


@pytest.mark.parametrize("text,place", [
    ("siatica all down my left leg", "lower_back"),
    ("my nek is stiff as a board", "neck"),
    ("it hurts in the middle part of my back", "upper_back"),
])
def test_places_as_typed(text, place):
    assert slots(text).get("pain_location") == place
