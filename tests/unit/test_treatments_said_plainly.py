"""Treatments said in plain everyday words (session 22, issues 15 and 20): a bath with salts is
heat, idling on the sofa is rest, a back exercise named without "exercise" is exercise, pills
the patient rejects or cannot pay for are not tried, and bearing it or praying is nothing
tried. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return read(text).slots.get("treatments_tried")


@pytest.mark.parametrize("text,expected", [
    ("I've been doing epsom salt baths at night", ["heat_ice"]),
    ("naproxen and lying around on the sofa", ["otc_medication", "rest"]),
    ("paracetamol and a lot of lazing about", ["otc_medication", "rest"]),
    ("cat-cow stretches every morning", ["exercise"]),
    ("ibuprofen and cat cow in the mornings", ["otc_medication", "exercise"]),
])
def test_a_remedy_said_in_everyday_words_is_tried(text, expected):
    assert sorted(tried(text) or []) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Nothing. I don't believe in pills and I can't afford physio",
    "nothing, i dont believe in meds",
    "solo aguantar y rezar",
    "pues nomás aguantarme y rezarle a San Judas",
])
def test_rejected_or_unaffordable_or_just_bearing_it_is_nothing_tried(text):
    assert tried(text) == []


@pytest.mark.parametrize("text,expected", [
    ("I believe in chiropractors, I go every month", ["chiropractic"]),
    ("ya no aguanto la espalda, me tomo paracetamol cada noche", ["otc_medication"]),
])
def test_believing_in_a_treatment_or_not_bearing_the_pain_keeps_what_was_tried(text, expected):
    assert sorted(tried(text) or []) == expected


def test_salt_for_the_bath_alone_or_a_bath_the_leg_cannot_get_into_is_no_treatment():
    assert not tried("can't get in the bath because my leg won't lift")
