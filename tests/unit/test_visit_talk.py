"""Talk as spoken in a visit (session 22, public dev set): "back" as a posture or idiom, ice as
the weather of a fall, a gun's shot, a weight loss the patient wants: no place, treatment or
red flag invented from them, while the real ones beside them are still read."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text", [
    "my hip aches, and it is worse if I lie flat on my back in bed",
    "I get carsick when I ride in the back of a bus",
    "I turned my back for a moment and my toddler pulled the pan off the stove",
    "it wakes me up when I sleep on my back, the shoulder I mean",
])
def test_back_as_posture_or_idiom_is_no_place(text):
    assert read(text).slots.get("pain_location") is None


@pytest.mark.parametrize("text", [
    "my lower back hurts when I lie flat on my back",
    "my back is killing me, I turned my back on the gym for a year",
])
def test_the_back_that_hurts_is_still_read_beside_them(text):
    assert read(text).slots.get("pain_location") == "lower_back"


@pytest.mark.parametrize("text", [
    "the driveway was covered in snow and ice and I fell on my wrist",
    "slid on a patch of ice outside the bakery and twisted my ankle",
    "the porch steps were icy and I fell down the last three",
])
def test_ice_on_the_ground_is_no_ice_tried(text):
    reading = read(text)
    assert "heat_ice" not in (reading.slots.get("treatments_tried") or [])
    assert "trauma" in reading.raised | reading.asked  # the fall itself is still told


def test_ice_put_on_after_the_fall_is_still_tried():
    text = "I slipped on a patch of ice yesterday and then kept ice on my ankle all evening"
    assert "heat_ice" in (read(text).slots.get("treatments_tried") or [])


def test_a_gunshot_among_violence_suffered_is_no_injection():
    text = "over the years I got stabbed, shot and jumped, so my whole body aches"
    assert "injection" not in (read(text).slots.get("treatments_tried") or [])


@pytest.mark.parametrize("text", [
    "I dropped 12 pounds since January and I'd like to lose 10 more before summer",
    "the weight loss has helped my knees a lot, I feel lighter on the stairs",
])
def test_a_weight_loss_the_patient_wants_is_no_red_flag(text):
    assert "weight_loss" not in read(text).raised


def test_an_unexplained_weight_loss_is_still_raised():
    text = "I've lost 15 pounds in two months without trying and my back hurts at night"
    assert "weight_loss" in read(text).raised | read(text).asked
