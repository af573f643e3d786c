"""Treatments read in session 13, by kind: a combination medicine with one ingredient for
pain beside a stomach protector still treats pain, supplements bought in any shop, a chiropractor's adjustments and a back rub
in everyday words, a medicine given by a dentist or an emergency department, and a treatment
offered and refused (not tried). Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.nlu.drugs import drug_category, for_pain
from tests.vocabulary_reading import slots_read


def treatments(text):
    return set(slots_read(text).get("treatments_tried") or [])


def test_a_combination_treats_pain_when_one_ingredient_may():
    assert drug_category("Ibuprofen/paracetamol") == "otc_medication"
    assert for_pain("Naproxen/esomeprazole")
    assert not for_pain("Omeprazole")


@pytest.mark.parametrize("text,expected", [
    ("my GP prescribed Vimovo for the low back", {"prescription_medication"}),
    ("cod liver oil and omega 3 capsules every morning", {"otc_medication"}),
    ("the chiropractor adjusted me twice, got adjusted again friday", {"chiropractic"}),
    ("my husband gives me a back rub at night", {"massage"}),
    ("the dentist gave me some pain pills and I've used them for my back", {"prescription_medication"}),
])
def test_treatments_as_said(text, expected):
    assert treatments(text) == expected


@pytest.mark.parametrize("text", [
    "the doctor offered me pregabalin but I turned it down",
    "they suggested tramadol and I declined it",
])
def test_a_treatment_offered_and_refused_is_not_tried(text):
    assert not treatments(text)


@pytest.mark.parametrize("text,expected", [
    # a brand no dictionary knows, told as a medicine by its dose or form
    ("Dorsalex 100 twice a day for the low back", {"otc_medication"}),
    ("two Flexon tablets at night", {"otc_medication"}),
    ("I rub Lumbacalm gel on my lower back", {"otc_medication"}),
    # ... or capitalised right after a taking verb
    ("been taking Zipsor for my back", {"otc_medication"}),
    ("the doctor put me on Zipsor and it helps", {"prescription_medication"}),
])
def test_a_brand_no_dictionary_knows(text, expected):
    assert expected <= treatments(text)


@pytest.mark.parametrize("text", [
    "I took Ollie for a walk and my back went",
    "my watch says I did 500 steps today, back is sore",
    "should I take Zipsor?",
    "my husband takes Zipsor for his knee",
])
def test_no_medicine_in_a_name_or_a_count(text):
    assert not treatments(text) & {"otc_medication", "prescription_medication"}


@pytest.mark.parametrize("text", [
    "my grandad's walking has changed this week, and his back has ached for years",
    "my walking's got worse, the lower back is bad",
    "I'm on thyroid tablets and diabetes meds, neck pain for a month",
    "still taking my hormone pills every day, my back hurts",
])
def test_walking_as_a_sign_and_medicines_for_something_else_are_not_tried(text):
    assert not treatments(text)


def test_a_medicine_for_something_else_beside_one_for_the_pain():
    assert treatments("heart pills every morning and ibuprofen for the back") == {"otc_medication"}


@pytest.mark.parametrize("text,expected", [
    ("the GP reckons acupuncture might help, I've only had ibuprofen", {"otc_medication"}),
    ("I've done physio and my sister thinks massage could be worth a try", {"physical_therapy"}),
    ("a bag of frozen peas on it every evening", {"heat_ice"}),
])
def test_a_treatment_only_suggested_is_not_tried(text, expected):
    assert treatments(text) == expected
