"""English red flags told as a weight "down", a fall off what gave way, a relative's own pain,
an unknown weight; and look-alikes that are over, feared or someone else's.

Read by the whole reading (tests/unit/reading.py). Sentences written for these tests (kinds
of round 20's misses), none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    # a weight "down" by an amount, with or without a hedge word before the number
    ("down about 20 lbs and I haven't been trying", "weight_loss"),
    ("I'm down like 8 pounds since christmas and idk why", "weight_loss"),
    ("the scale says I'm down nearly 6 kilos since Easter", "weight_loss"),
    # a long message: the weight told late, among other signs, is still raised
    ("neck bad for a month, sweats at night, and funny thing I'm down around 14 lbs, "
     "not dieting at all, panadol does nothing", "weight_loss"),
    # what the patient stood on gave way: a fall
    ("the stepladder slid out from under me while I was painting the ceiling", "trauma"),
    ("on friday the ladder slipped and I landed on the patio", "trauma"),
    # the relative whose pain is told is the patient: "she", "he" are the patient's
    ("My husband's back pain has been bad for 10 days. He's in treatment for prostate cancer at the moment",
     "cancer_history"),
    ("My dad's neck has been bad since June, he is on chemo for bowel cancer", "cancer_history"),
])
def test_a_sign_told_this_way_is_raised(text, flag):
    assert flag in read(text).raised


def test_a_fall_off_a_sliding_ladder_is_no_leg_giving_way():
    reading = read("the stepladder slid out from under me on Sunday and my back hurts since")
    assert "trauma" in reading.raised
    assert "leg_weakness" not in reading.raised


@pytest.mark.parametrize("text", [
    "honestly no clue what I weigh, I never weigh myself",
    "no fever, no falls. my weight I don't know, I do not weigh myself",
])
def test_an_unknown_weight_is_asked(text):
    reading = read(text)
    assert "weight_loss" in reading.asked
    assert "weight_loss" not in reading.raised


@pytest.mark.parametrize("text,flag", [
    # a fever that was over long ago
    ("I ran a temperature at the beginning but it was covid and it's been gone for ten days", "fever"),
    # someone else's cancer, in a clause of its own, and the writer's own denied
    ("My uncle had the same back ache and it turned out to be a tumour in his spine, but I've never had cancer",
     "cancer_history"),
    # a scare named by its cancer: feared, not had
    ("No to everything. I had a lymphoma scare in 2021 but they were just swollen glands", "cancer_history"),
    # "nothing" before the numbness denies it
    ("nothing numb around my bottom, all fine down there", "saddle_numbness"),
    ("just the neck. nothing feels numb between my legs", "saddle_numbness"),
])
def test_a_sign_over_feared_or_denied_is_not_raised(text, flag):
    assert flag not in read(text).raised


def test_a_typed_for_patients_cancer_in_her_bones_is_hers():
    assert "cancer_history" in read("I'm typing for my mum. She has cancer in her bones and her back hurts").raised


@pytest.mark.parametrize("text", [
    "I get really hot at night but it's just hot flushes, my thermometer says 36.8",
    "feeling hot in the evenings, that's the menopause, temperature is normal",
])
def test_a_heat_put_down_to_the_menopause_is_no_fever(text):
    assert "fever" not in read(text).raised


def test_a_fever_beside_hot_flushes_is_still_caught():
    reading = read("it's the menopause that gives me hot flushes, but now I have a fever of 39 since yesterday")
    assert "fever" in reading.raised
