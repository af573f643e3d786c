"""Red flags in wordings the vocabulary missed in session 9, through the vocabulary alone: a
carer typing "so I'm typing it", a dating "not long after", a weight loss "not intentional",
a sign's topic the writer is unsure of, urine "dribbly", a scan "lesion", what a doctor
"never said"; and the look-alikes that must be asked, never raised (a fever the writer only
thought they had, a weakness placed last "yr"). Sentences written for these tests, none from
a blind set."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import english_model, red_flags_read, slots_read, vocabulary_extractor


@pytest.mark.parametrize("text,flag", [
    # a carer who says they type for the patient: "he"'s signs are the patient's
    ("She says she's fine so I'm typing it for her. She has lost two stone without trying", "weight_loss"),
    ("he refuses to see anyone so I am typing. he wakes up soaked in sweat every night", "fever"),
    # "not long after" dates, it denies nothing
    ("it began not long after my radiotherapy ended", "cancer_history"),
    # a loss said not to be meant
    ("my trousers are falling off me, I've lost weight and it's not intentional", "weight_loss"),
])
def test_signs_now_raised(text, flag):
    assert flag in red_flags_read(text)[0]


@pytest.mark.parametrize("text,flag", [
    # the writer unsure of a sign's topic word: asked, never silently dropped
    ("not sure about the bladder, it feels a bit odd lately", "bladder_bowel"),
    ("unsure about the numbness to be honest", "saddle_numbness"),
    ("not shure if the weakness is new", "leg_weakness"),
    ("my pee has been dribbly this week", "bladder_bowel"),
    ("they found a lesion on my spine on the MRI and are watching it", "cancer_history"),
    ("the consultant never said it was cancer, just a shadow", "cancer_history"),
    # look-alikes of a present sign: asked, never raised at once
    ("I thought I had a temperature but the thermometer said normal", "fever"),
    ("my leg went weak last yr after a disc problem", "leg_weakness"),
])
def test_signs_asked(text, flag):
    raised, asked = red_flags_read(text)
    assert flag in asked and flag not in raised


@pytest.mark.parametrize("text,place", [
    ("typing for my dad: the middle of his back has hurt for weeks", "upper_back"),
    ("my wife says the top of her back is the worst", "upper_back"),
    ("his pain is at the base of his spine", "lower_back"),
])
def test_a_carers_places(text, place):
    assert slots_read(text).get("pain_location") == place


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
