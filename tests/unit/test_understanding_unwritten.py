"""Kinds of wording the vocabulary had not written down (issue 15, after blind set 4): a
temperature given as a bare reading, feeling warm, going to the toilet more often, an odd
feeling when going, brands of other countries, "back" as typed on a phone, and a red flag's
own timing, which is not how long the pain has lasted. Sentences written here, not copied
from the blind sets."""
from __future__ import annotations

import pytest

from tests.unit.reading import entities, read


def flags(text):
    """(raised at once, confirmed with the patient first) for a first message."""
    reading = read(text)
    return reading.raised, reading.asked


@pytest.mark.parametrize("text", [
    "my temperature hit 39.2 yesterday",
    "the thermometer read 38.7 this morning",
    "had a temp of 101 all weekend",
])
def test_a_reading_with_a_temperature_word_is_a_fever(text):
    assert "fever" in flags(text)[0]


@pytest.mark.parametrize("text", [
    "it was 38.2 when I checked at bedtime",
    "not a fever really, though it read 38.9 after tea",
    "nope, apart from feeling a little warm at night",
])
def test_a_bare_reading_or_feeling_warm_is_confirmed_never_guessed(text):
    raised, asked = flags(text)
    assert "fever" not in raised and "fever" in asked


@pytest.mark.parametrize("text", ["I weigh 38.5 kg", "I'm 38 and my back hurts",
                                  "the pain is a 7 out of 10"])
def test_a_weight_an_age_or_a_score_is_no_temperature(text):
    assert flags(text) == (set(), set())


@pytest.mark.parametrize("text", [
    "I'm peeing way more than usual at night",
    "running to the toilet all the time these days",
    "I go to the loo a lot more since the pain started",
    "something feels off down there when I pee",
])
def test_going_more_often_or_an_odd_feeling_when_going_is_confirmed(text):
    raised, asked = flags(text)
    assert "bladder_bowel" in asked and "bladder_bowel" not in raised


@pytest.mark.parametrize("text,expected", [
    ("been on crocin twice a day and a hot water bag", {"otc_medication", "heat_ice"}),
    ("Zerodol SP from the clinic, not much help", {"prescription_medication"}),
    ("just Panadeine Forte, the GP wrote it", {"prescription_medication"}),
    ("Solpadeine Max when it's bad", {"otc_medication"}),
    ("Panadol Osteo helps a bit", {"otc_medication"}),  # not the osteopath
    ("hot fomentation every evening", {"heat_ice"}),
])
def test_brands_of_other_countries(text, expected):
    assert set(read(text).slots["treatments_tried"]) == expected


@pytest.mark.parametrize("text,place", [
    ("my bak is agony since friday", "lower_back"),
    ("lowr back pain for a month", "lower_back"),
    ("the kids say my back's been bad for weeks", "lower_back"),
    ("had a crook back since the footy", "lower_back"),
    ("the pain came back worse after physio", None),
])
def test_back_as_typed(text, place):
    assert read(text).slots.get("pain_location") == place


def durations(text):
    return [round(e["value"], 1) for e in entities(text) if e["entity"] == "duration"]


@pytest.mark.parametrize("text", [
    "wet myself twice since Monday and my lower back is agony",
    "lost all feeling round my bottom since this morning",
    "burning up with a temperature for 3 days",
    "tingling round my back passage, started this afternoon",  # the clause before says what
])
def test_a_red_flags_own_timing_is_not_the_pains(text):
    assert durations(text) == []


@pytest.mark.parametrize("text,weeks", [
    ("legs weak for 2 weeks, back pain for 3 months", [13.0]),  # the pain's, not the legs'
    ("back pain and a fever since 3 weeks ago", [3.0]),  # the pain is in its clause
    ("fell off a ladder 3 weeks ago", [3.0]),  # an injury dates the pain's start
    ("sore lower back, started 3 weeks ago", [3.0]),
    ("ibuprofen for the pain for 3 weeks", [3.0]),
])
def test_the_pains_duration_stays(text, weeks):
    assert durations(text) == weeks


@pytest.mark.parametrize("text", ["went to physio twice a week for a month",
                                  "a course of naproxen for ten days, no help"])
def test_how_long_a_treatment_went_on_is_not_the_pains(text):
    assert durations(text) == []



# Classes blind set 5 showed missing (new sentences, not the set's own): bowel or urine words
# as verbs near a sign, going "more often" without a toilet word, leaking with a sneeze (all
# confirmed first), a knock to the back (raised), a weight loss a birth explains (none).
@pytest.mark.parametrize("text,flag", [
    ("honestly I can't tell when I've peed", "bladder_bowel"),
    ("I have to go more often than I used to, day and night", "bladder_bowel"),
    ("I dribble a bit when I laugh now", "bladder_bowel"),
])
def test_vague_bladder_signs_are_confirmed_first(text, flag):
    raised, confirmed = flags(text)
    assert flag in confirmed and flag not in raised


def test_a_knock_to_the_back_is_an_injury():
    assert "trauma" in flags("bumped my lower back on the car door on monday")[0]


def test_a_dog_knocking_the_patient_over_stays_an_injury():
    assert "trauma" in flags("my dog knocked me over yesterday and now my back hurts")[0]


def test_weight_lost_after_a_birth_is_explained():
    raised, confirmed = flags("I've lost weight since I gave birth in the summer")
    assert "weight_loss" not in raised | confirmed


def test_more_often_about_something_else_raises_nothing():
    assert flags("I walk the dog more often than I used to") == (set(), set())
