"""Treatments read in session 9, by class: rest as typed ("layed down", "laying flat", "lying
on the sofa"), heat as a "hot pad", cupping, a "test block"; and what is no treatment tried:
lying down as what makes it worse, "rest are a no", slipping on ice, walking as what the
patient can still do, a treatment asked about as a "candidate for", a medicine or a shot for
something else. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import slots_read


def treatments(text):
    return set(slots_read(text).get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    ("took paracetamol and layed down all afternoon", {"otc_medication", "rest"}),
    ("been laying flat on my bed for two days", {"rest"}),
    ("mostly lying on the couch with a hot pad", {"rest", "heat_ice"}),
    ("a lady near me does cupping, tried that twice", set()),  # suction cups: no acupuncture, no listed treatment
    ("had a test block at the pain clinic", {"injection"}),
    ("the doctor give me naproxen", {"prescription_medication"}),
])
def test_treatments_as_said(text, expected):
    assert treatments(text) == expected


@pytest.mark.parametrize("text", [
    "the pain in my back is worse lying down",
    "hurts to lie down at night, my lower back",
    "no fall, no fever, rest are a no",
    "I slipped on ice outside the shop, my lower back hurts",
    "she is walking, just slowly, her back is sore",
    "am I a candidate for an epidural for my lower back?",
    "I'm on gabapentin for my neuropathy, the back is new",
    "had a steroid shot in my knee in May, nothing for the back",
    "my blood pressure tablets were changed last month",
])
def test_no_treatment_tried(text):
    assert not treatments(text)


@pytest.mark.parametrize("text,expected", [
    ("can you do nerve blocks? had one last year and it helped", {"injection"}),
    ("is physio any use? I've tried it already", {"physical_therapy"}),
])
def test_asked_about_then_had(text, expected):
    assert treatments(text) == expected


@pytest.mark.parametrize("text", [
    "do you do epidurals? never had one",
    "is surgery an option? I'd rather not",
])
def test_asked_about_not_had(text):
    assert not treatments(text)
