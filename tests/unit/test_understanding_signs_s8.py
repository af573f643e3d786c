"""Red flags in wordings the vocabulary missed in session 8, through the pure functions: a
sign whose own words hold "can't", falls told as "going down", tackles and collisions the
patient caused, leaking told as dribbling, unsteady legs, a vague problem "down there", a
relative's sign told by a writer who never speaks of themself; and the look-alikes that
must raise nothing. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("since lunch I could not make wee at all", "bladder_bowel"),
    ("not able to do pee since yesterday", "bladder_bowel"),
    ("I can't go toilet, I try and nothing happens", "bladder_bowel"),
    ("I keep dribbling since Tuesday", "bladder_bowel"),
    ("last night I had an accident and didn't notice it happening", "bladder_bowel"),
    ("I can't get my right foot to lift off the floor", "leg_weakness"),
    ("I'm unsteady on my feet since the weekend", "leg_weakness"),
    ("my left leg is weeker than the right now", "leg_weakness"),
    ("I went down on the floor in the hall twice", "trauma"),
    ("got speared playing league on Sunday", "trauma"),
    ("I rear-ended a bus on the way to work", "trauma"),
    ("replying for my mother: she has wet herself twice today", "bladder_bowel"),
])
def test_a_sign_in_new_words_is_raised(text, flag):
    raised = read(text).raised
    assert flag in raised


@pytest.mark.parametrize("text,flag", [
    # a topic word "denied" only by an inability may be the sign itself
    ("I can't tell with my bladder anymore", "bladder_bowel"),
    # a problem "down there" the patient will not name: both signs asked
    ("something's not right down there, I don't want to go into it", "bladder_bowel"),
    ("something's not right down there, I don't want to go into it", "saddle_numbness"),
    # a writer who never speaks of themself, telling of a relative's present sign
    ("my grandad is 90 and he had a fall on the stairs this morning", "trauma"),
    ("She keeps wetting the bed, she never used to", "bladder_bowel"),
    ("Mum's been muddled, I think she's been wetting herself", "bladder_bowel"),
    ("he was treated for leukaemia when he was small", "cancer_history"),
    ("my sister wet herself laughing at a wedding", "bladder_bowel"),
])
def test_an_uncertain_sign_is_asked_not_raised(text, flag):
    reading = read(text)
    raised, asked = reading.raised, reading.asked
    assert flag in asked and flag not in raised


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
