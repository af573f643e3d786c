"""Look-alikes of red flags raise nothing: a cancer-care job, a star sign, legs weak from the gym.

A cancer ward as a workplace, "my star sign is cancer", legs wobbly after leg day, an eye kept
on something, a phone number's digits beside "numb", and other everyday words are no red flag,
while the patient's own cancer, a weak leg beside exercise or numbness beside a phone number
still counts. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read
from tests.vocabulary_reading import english_model, red_flags_read, vocabulary_extractor


@pytest.mark.parametrize("text", [
    "I'm a nurse on a cancer ward and my lower back has hurt for 2 months",
    "I work in oncology, 12 hour shifts, my back has been sore for 3 weeks",
    "I work on the cancer ward as a nurse and lift patients all day",
    "soy de signo Cáncer jaja y me duele el cuello desde hace 2 semanas",
    "my star sign is cancer lol, my lower back has hurt for 2 weeks",
])
def test_a_job_in_cancer_care_or_a_star_sign_is_no_cancer_history(text):
    reading = read(text)
    assert "cancer_history" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "I was treated on a cancer ward for lymphoma in 2019",
    "I had bowel cancer and I work in oncology now",
    "I'm a cancer survivor, my back hurts", "soy sobreviviente de cáncer",
])
def test_a_cancer_of_the_patients_own_or_survived_is_still_raised(text):
    assert "cancer_history" in read(text).raised


@pytest.mark.parametrize("text", [
    "my legs felt weak after a long run yesterday, back a bit stiff",
    "legs like jelly after the gym this morning and my lower back aches",
    "legs a bit wobbly after leg day, low back tight",
])
def test_legs_weak_from_hard_exercise_just_done_are_no_red_flag(text):
    reading = read(text)
    assert "leg_weakness" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "my legs went weak after I fell down the stairs",
    "my left leg gave way after my run and it's getting worse every day",
    "my legs are weak after the gym and I can't feel my bum",
])
def test_a_weak_leg_or_a_sign_beside_exercise_still_counts(text):
    reading = read(text)
    assert {"leg_weakness", "saddle_numbness"} & reading.raised


@pytest.mark.parametrize("text", [
    "I feel down lately and my back hurts",  # a mood, not a fall
    "my pain went from 5 to 8 out of 10 this week",  # a pain score, not a weight
    "does it matter that my mum had cancer?",  # someone else's
    "I didn't fall, I just bent over",
    "no se me está aflojando la pierna, solo me duele",
])
def test_no_sign(text):
    reading = read(text)
    assert not reading.raised, text


@pytest.mark.parametrize("text,flag", [
    ("I can't stand up straight after sitting for a while", "leg_weakness"),
    ("can barely stand upright in the mornings", "leg_weakness"),
    ("I'm trying to lose weight, lost 4 kilos so far", "weight_loss"),
    ("I came off my bike, but that was 20 years ago, my back is new", "trauma"),
    ("last night I had an accident and didn't notice it happening", "trauma"),
    ("my mum had breast cancer, my own back is sore", "cancer_history"),
    ("the dog's got a fever, poor thing", "fever"),
    ("my auntie had breast cancer", "cancer_history"),
])
def test_look_alikes_raise_nothing(text, flag):
    reading = read(text)
    raised, asked = reading.raised, reading.asked
    assert flag not in raised
    if flag != "weight_loss":
        assert flag not in asked


def test_an_eye_kept_on_something_is_no_eye():
    from bot.nlu.build_spacy import build_pipeline
    from bot.nlu.components import english_matcher

    nlp = build_pipeline()
    found = english_matcher(nlp)(nlp("they said they'd keep an eye on it"))
    assert not [m for m in found if m.label == "body_part_other"]


@pytest.mark.parametrize("text", [
    "I'd rather not give my number until I know the price",
    "what's the number for your front desk?",
    "I don't have my doctor's numbers with me",
])
def test_a_phone_number_is_no_numbness(text):
    # The lookup lemmatizer reads "number" as "numb": a refusal to give one denied numbness.
    entities = vocabulary_extractor().entities_for(text, english_model())
    assert not [e for e in entities if e["entity"].startswith("red_flag")]


def test_numbness_beside_a_phone_number_is_still_read():
    assert "saddle_numbness" in red_flags_read("my number is 555 0147 and my bum has gone numb")[0]
