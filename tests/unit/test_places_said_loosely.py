"""Places said loosely (session 20, issue 15): the back as said in dialects and in a hurry
("ma back's", "mi back a hurt", "LBP", "lwr bck"), the low back's flanks and belt line, the middle
of the back in a new speaker's word order; a bare "spine" that names no part yields to the place
named beside it, the whole spine wins over its parts, and a spine doctor is no place. Sentences
written for these tests, none from a blind set; read as the assistant reads a first message."""
from __future__ import annotations

import pytest

from tests.unit.reading import place, tried


@pytest.mark.parametrize("text,expected", [
    ("ma back's been sore since the wedding, about three weeks", "lower_back"),
    ("mi back a hurt mi since Easter", "lower_back"),
    ("my back been achin for a month from lifting boxes", "lower_back"),
    ("chronic LBP for years, worse lately", "lower_back"),
    ("lowr bck and left leg", "lower_back"),
    ("it's round the kidneys, both sides, low down", "lower_back"),
    ("right where a belt sits", "lower_back"),
    ("my back's killing me, right in the small of it", "lower_back"),
    ("pain in back since two week", "lower_back"),
    ("i have pain in back middle since a month", "upper_back"),
    ("aching round the back of my ribs on both sides", "upper_back"),
    ("I have pain in back of neck since a week", "neck"),
])
def test_the_back_said_loosely_is_placed(text, expected):
    assert place(text) == expected


@pytest.mark.parametrize("text,expected", [
    # someone else's spine, or a spine doctor: the place the patient names is the pain's
    ("my uncle had a tumour in his spine, so i'm worried. my neck has hurt for a month", "neck"),
    ("do I need to see a spine dr for sciatica down my right leg?", "lower_back"),
    # the whole spine holds the parts named before it
    ("some days it's the low back, some days the neck, honestly my whole spine aches", "other"),
    ("it's all up and down my spine, from my neck to my tailbone", "other"),
    ("all the way up my spine from my bottom to my neck", "other"),
    ("my spine hurts", "other"),
    ("my spine hurts right in the middle", "upper_back"),
])
def test_a_bare_spine_yields_to_a_named_place_and_the_whole_spine_wins(text, expected):
    assert place(text) == expected


@pytest.mark.parametrize("text", [
    "my mum's back home in Glasgow, my ma back there says hi",
    "my dad had a cancer that spread to his spine, I'm scared this is the same",
])
def test_no_place_of_the_patients_pain(text):
    assert place(text) is None


def test_an_oil_named_by_its_tradition_is_the_massages():
    assert tried("an ayurvedic oil massage every evening") == {"massage"}


@pytest.mark.parametrize("text", [
    "took a few days off work and lay flat on the floor",
    "been takin it easy mostly",
])
def test_rest_as_told_is_rest(text):
    assert "rest" in tried(text)
