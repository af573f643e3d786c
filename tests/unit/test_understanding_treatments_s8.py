"""Treatments as spoken, session 8, read as the assistant reads them: brands, therapies in plain
words, misspellings, a relative's medicine the patient took, and look-alikes (feeling hot and
cold, "the rest", a shot for something else). Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return set(read(text).slots.get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    ("spent three days on the couch", {"rest"}),
    ("I got my back cracked at a place in town", {"chiropractic"}),
    ("my partner rubs my neck when it's bad", {"massage"}),
    ("a masage once", {"massage"}),
    ("borrowed my brother's heat pack", {"heat_ice"}),
    ("my husband's cyclobenzaprine", {"prescription_medication"}),
    ("some cbd oil from the health shop", {"otc_medication"}),
    ("the doctor put me on etoricoxib", {"prescription_medication"}),
    ("the gel from the chemist", {"otc_medication"}),
    ("had an injecshun in march", {"injection"}),
    ("they did the burn thing on the nerves in my neck", {"radiofrequency_ablation"}),
    ("still bad, not even after the epidural", {"injection"}),
    ("he's had a nerve block and been on pregabalin", {"injection", "prescription_medication"}),
])
def test_treatments_as_spoken(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "I keep going hot and cold at night",
    "hot and cold sweats since Sunday",
    "rest all no",
    "a steroid jab in my knee for something else",
    "operated for cancer in 2015",
    "I walked the dog this morning and felt it twinge",
])
def test_look_alikes_are_no_treatment(text):
    assert tried(text) == set()


def test_a_medicine_bought_after_a_prescribed_one_stays_over_the_counter():
    assert tried("tramadol prescribed by my doctor and bought some ibuprofen gel") == {
        "prescription_medication", "otc_medication"}
