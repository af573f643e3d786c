"""Red flags told sideways, and signs that belong elsewhere or are explained (session 19, English).

A foot that no longer clears a step is leg weakness, and a trip on the stairs is no injury; a
ring, a watch that spins or slides off is weight lost. A relative "just diagnosed" (or "my ma",
"my da", "my pops") is theirs; "the flu" gives way to a fever the message denies; a weight
loss explained by diabetes, a wired jaw or "bc ..." is no sign; an injury in a year long past is
no recent one. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text", [
    "my left foot doesn't clear the kerb any more",
    "the toes on my right foot won't clear the stairs lately",
])
def test_a_foot_that_no_longer_clears_a_step_is_leg_weakness(text):
    assert "leg_weakness" in read(text).raised


def test_a_trip_on_the_stairs_from_a_dragging_foot_is_no_injury_raised():
    reading = read("I tripped going down the stairs twice this week, my foot just drags")
    assert "leg_weakness" in reading.raised and "trauma" not in reading.raised


@pytest.mark.parametrize("text", [
    "my watch slides off my wrist these days",
    "my rings spin on my fingers since the summer",
])
def test_jewellery_gone_loose_is_weight_lost(text):
    assert "weight_loss" in read(text).raised


@pytest.mark.parametrize("text,flag", [
    ("my brother just got diagnosed with lung cancer and I worry about my back", "cancer_history"),
    ("my aunt was just diagnosed with a tumour", "cancer_history"),
    ("my ma had breast cancer", "cancer_history"),
    ("my pops fell off the roof last month", "trauma"),
    ("my da's got a fever", "fever"),
])
def test_a_relatives_sign_is_theirs(text, flag):
    reading = read(text)
    assert flag not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "no fever at all, I had the flu at christmas and lost a bit of weight then",
    "never had a temperature, it was flu-like but my back is the problem",
])
def test_the_flu_gives_way_to_a_fever_the_message_denies(text):
    assert "fever" not in read(text).raised


@pytest.mark.parametrize("text", [
    "I think I have the flu, sweating at night",
    "my husband has no fever but I have the flu",  # his fever denied, not hers
])
def test_the_flu_alone_or_with_someone_elses_denial_is_still_a_fever(text):
    assert "fever" in read(text).raised


@pytest.mark.parametrize("text", [
    "I'm diabetic and lost some weight when my sugars were high",
    "dropped 10 lbs bc of the diabetes",
    "lost weight cuz I had my jaw wired shut after dental surgery",
])
def test_an_explained_weight_loss_is_no_sign(text):
    assert "weight_loss" not in read(text).raised


@pytest.mark.parametrize("text", [
    "I'm diabetic and I've lost weight without trying",
    "lost weight bc I'm not hungry",
    "no temperature now, I had the flu last month and I've lost some weight",  # a flu is no reason
])
def test_a_weight_loss_still_unexplained_is_raised(text):
    assert "weight_loss" in read(text).raised


@pytest.mark.parametrize("text", [
    "I was rear-ended back in 2012, fine since",
    "I was in a car crash, it was in 2016",
])
def test_an_injury_in_a_year_long_past_is_no_recent_injury(text):
    assert "trauma" not in read(text).raised


def test_a_recent_crash_is_still_an_injury():
    assert "trauma" in read("got rear-ended last week").raised
