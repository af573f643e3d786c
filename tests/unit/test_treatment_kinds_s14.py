"""Treatments by kind, session 14, in both languages: "op" for an operation, the medicine said
with its shot ("a steroid jab": the injection, not a medicine too), a medicine only suggested
("the GP's saying try ..."), a prescription given ("GP has given me"), a chest rub by its brand,
a relative's pills the patient took ("las pastillas de mi esposo"), a massage therapist named in
English inside Spanish, cupping (no listed treatment, in either language). Sentences written for
these tests, none from a blind set; read as the assistant reads a first message."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return set(read(text).slots.get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    ("had a spine op in 2018 and the low back still aches", {"surgery"}),
    ("a steroid jab in my lower back last spring, no help", {"injection"}),
    ("physio for a month and my doctor's now saying try duloxetine", {"physical_therapy"}),
    ("the doctor has given me naproxen for my back", {"prescription_medication"}),
    ("I rub Vicks on my back at night", {"otc_medication"}),
    ("me tomé unas pastillas de mi esposo para la espalda", {"otc_medication"}),
    ("me puse la pomada de mi mamá en la espalda", {"otc_medication"}),
    ("Tylenol y un massage therapist cada semana", {"otc_medication", "massage"}),
    ("me hicieron acupuntura con ventosas", {"acupuncture"}),
])
def test_treatments_as_said(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "mi vecina toma las pastillas de mi mamá",
    "my husband had a back op last year, my neck hurts",
])
def test_someone_elses_treatment_is_not_tried(text):
    assert not tried(text)
