"""Treatments referred, planned or asked about but not begun (session 16): a referral denied or
not yet answered, the plan, the next step a doctor names, a treatment the patient asks
whether they need or is due to start, and in Spanish one a doctor wants to give or that the
patient asks about ("quería saber si ..."). None is a treatment tried. Sentences written for
these tests, none from a blind set; read as the assistant reads a first message."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return read(text).slots.get("treatments_tried")


@pytest.mark.parametrize("text,expected", [
    ("chiro referral got denied by my insurance, so just tylenol", ["otc_medication"]),
    ("cyclobenzaprine for now, the plan is physio after Christmas", ["prescription_medication"]),
    ("I've taken ibuprofen; my doctor says next step is the epidural", ["otc_medication"]),
    ("Been on gabapentin. Please advise whether I require surgery", ["prescription_medication"]),
    ("heat packs so far, I'm due to start physio next week", ["heat_ice"]),
    ("El doctor me quiere mandar a terapia. Por ahora solo paracetamol", ["otc_medication"]),
    ("Quería saber si la radiofrecuencia sirve, yo solo he tomado ibuprofeno", ["otc_medication"]),
])
def test_a_treatment_not_begun_is_not_tried(text, expected):
    assert sorted(tried(text) or []) == sorted(expected)


def test_a_treatment_had_is_still_tried():
    assert "physical_therapy" in tried("I did physio for 6 weeks and it helped, the plan is to keep going")
