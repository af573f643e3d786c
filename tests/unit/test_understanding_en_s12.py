"""Session 12 (issue 15, English): treatments offered and not taken or done for something
else, activity that is no treatment, regions of the back said apart, the worse or corrected-to
place, a procedure's site on the spine, vague lengths and other events' times. Sentences
written for this test, none from a blind set."""
import datetime

import pytest

from bot.nlu.duration import parse_durations
from tests.unit.reading import read

TODAY = datetime.date(2026, 6, 15)


def _slots(text):
    """What the slots would hold after this first message."""
    return read(text).slots


def _weeks(text):
    found = parse_durations(text, TODAY)
    return found[0].weeks if found else None


# ---------------------------------------------------------------- treatments
@pytest.mark.parametrize("text", [
    "my brother gave me a few of his codeine tablets but I never took them",
    "the GP prescribed naproxen but I haven't taken it",
    "I was sent to physiotherapy but haven't started it yet",
])
def test_a_treatment_offered_and_not_taken_is_nothing_tried(text):
    assert _slots(text).get("treatments_tried") == []


def test_a_treatment_not_taken_leaves_the_one_taken():
    assert _slots("I use ibuprofen gel, never took the diazepam they gave me")[
        "treatments_tried"] == ["otc_medication"]


def test_a_relatives_medicine_the_patient_took_counts():
    assert _slots("I had a couple of my husband's old Norco")["treatments_tried"] == [
        "prescription_medication"]


@pytest.mark.parametrize("text", [
    "it began a month ago at the gym doing squats",
    "I gave up the gym when my back went",
    "my legs are fine, I walked miles on Sunday",
    "my bladder was weak after the twins but pelvic floor exercises fixed that",
    "I take insulin injections for my diabetes",
    "I've been on the Mounjaro jab since spring and lost a stone",
    "the prostate cancer is kept down with hormone jabs",
])
def test_activity_and_injections_for_something_else_are_no_treatment(text):
    assert not _slots(text).get("treatments_tried")


@pytest.mark.parametrize("text,treatment", [
    ("mostly vitamin I and a hot water bottle", "otc_medication"),
    ("Anadin Extra when it's bad", "otc_medication"),
    ("a tube of Bengay", "otc_medication"),
    ("the doctor has me on Zapain", "prescription_medication"),
    ("nothing works, not even the morphine", "prescription_medication"),
    ("solpadeine bought from the pharmacy", "otc_medication"),
])
def test_brands_and_slang_are_read(text, treatment):
    assert treatment in _slots(text)["treatments_tried"]


# ---------------------------------------------------------------- places
@pytest.mark.parametrize("text,place", [
    ("my mid back is really aching", "upper_back"),
    ("the spine hurts, right in the middle", "upper_back"),
    ("it's my back, mostly the middle part", "upper_back"),
    ("an ache in the lower part of my spine", "lower_back"),
    ("the neck and the upper back, but the neck is much worse", "neck"),
    ("low back and neck, neck worse", "neck"),
    ("I wrote lower back but it's actually more my neck", "neck"),
    ("pins and needles in my hand, the physio says it comes from my neck", "neck"),
])
def test_the_region_named_the_worse_or_the_corrected_place_wins(text, place):
    assert _slots(text).get("pain_location") == place


def test_the_spine_only_named_as_a_procedures_site_sets_no_place():
    assert "pain_location" not in _slots("they gave me two injections in my spine in 2023")


@pytest.mark.parametrize("text", [
    "I woke up in the middle of the night with my back hurting",
    "I'm middle aged and my back hurts",
])
def test_a_middle_that_is_no_region_leaves_the_bare_back(text):
    assert _slots(text).get("pain_location") == "lower_back"


def test_a_named_region_treated_is_still_the_pain_place():
    assert _slots("a cortisone shot in my lower back, helped a bit")["pain_location"] == "lower_back"


# ---------------------------------------------------------------- durations
@pytest.mark.parametrize("text,low,high", [
    ("years. at least 12", 600, 650),
    ("months, maybe 4", 16, 19),
    ("lower back, been years", 100, 200),
    ("years, honestly", 100, 200),
])
def test_vague_and_unit_first_lengths(text, low, high):
    assert low <= _weeks(text) <= high


def test_woke_up_with_it_today_is_acute():
    assert _weeks("woke up with it this morning and can't bend") < 1


@pytest.mark.parametrize("text", [
    "I've been on Wegovy since January, lost 10 kilos",
    "they burned the nerves in 2023 and it lasted about a year",
])
def test_another_events_time_is_not_the_pains(text):
    assert _weeks(text) is None


def test_an_onset_since_an_operation_still_counts():
    assert _weeks("it's hurt ever since my operation 2 years ago") > 100
