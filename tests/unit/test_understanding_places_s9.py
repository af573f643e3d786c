"""Places read in session 9, by class: "me" for "my" ("hurt me back", "me lower back"),
"round my kidneys", a back "stuffed", sciatica misspelt, a place whose sentence is corrected
("? no actually"), and what is no place of pain: the back of the head, a place that "feels
fine". Epsom salts in a bath are no medicine. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import slots_read


@pytest.mark.parametrize("text,place", [
    ("I hurt me back lifting the telly", "lower_back"),
    ("me lower back's been playing up", "lower_back"),
    ("a dull ache around my kidneys, on the left", "lower_back"),
    ("back's stuffed since the weekend", "lower_back"),
    ("sciatcia down the right leg", "lower_back"),
    ("my neck started hurting, hmm, last week? no actually the week before", "neck"),
])
def test_places_as_said(text, place):
    assert slots_read(text).get("pain_location") == place


@pytest.mark.parametrize("text", [
    "a pounding pain at the back of my head every evening",
    "headaches, the back of it mostly. my neck feels fine",
    "can you call me back tomorrow",
])
def test_no_place_of_pain(text):
    assert slots_read(text).get("pain_location") is None


def test_epsom_salts_are_no_medicine():
    assert slots_read("warm baths with epsom salts").get("treatments_tried") == ["heat_ice"]
