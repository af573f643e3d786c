"""Whose sign it is (ConText's experiencer), read as the assistant reads them: a relative or carer
typing for the patient, someone else's illness, an animal as the subject of a sign and as
the cause of the patient's injury. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def flags(text):
    """Every red flag the assistant raises or asks to confirm for the patient."""
    reading = read(text)
    return reading.raised | reading.asked


@pytest.mark.parametrize("text,flag", [
    ("I'm typing this for my grandad as his hands shake. he can't lift his left leg at all",
     "leg_weakness"),
    ("writing on behalf of my mother, she has wet herself three times since yesterday",
     "bladder_bowel"),
    ("my husband is typing this for me, I've wet myself twice today", "bladder_bowel"),
    ("this is his son writing. Dad has had a temperature of 39 all night", "fever"),
    ("I'm her carer. she says she can't feel her bottom when she wipes", "saddle_numbness"),
    ("asking for my wife who fell down the stairs this morning", "trauma"),
])
def test_a_relative_typing_for_the_patient_reports_the_patients_sign(text, flag):
    assert flag in flags(text)


def test_a_relatives_present_bladder_sign_is_asked_never_raised_as_the_patients():
    # Since session 12 (context.yml `others_signs_confirmed`): the writer may be typing for that
    # relative ("my husband's back went out and he peed himself"), so one confirming question is
    # asked; it is never an emergency on the writer's behalf without their answer.
    text = "my sister wet herself laughing at a wedding, my back is agony"
    reading = read(text)
    assert "bladder_bowel" not in reading.raised
    assert "bladder_bowel" in reading.asked


@pytest.mark.parametrize("text,flag", [
    ("my auntie had breast cancer", "cancer_history"),
    ("typing for my dad. my mum had ovarian cancer years back", "cancer_history"),
    ("doing this for him, his brother had bowel cancer", "cancer_history"),
    ("writing this for my husband, there is a family history of cancer", "cancer_history"),
    ("my dog has cancer and I'm heartbroken, my back is agony", "cancer_history"),
    ("the cat's got a fever, vet says it's an infection", "fever"),
])
def test_someone_elses_or_an_animals_illness_is_no_flag(text, flag):
    assert flag not in flags(text)


@pytest.mark.parametrize("text", [
    "my dog knocked me over in the park",
    "my neighbour's labrador jumped up and knocked me flat yesterday",
    "my son kicked me in the back by accident",
])
def test_an_injury_someone_or_something_else_caused_is_the_patients(text):
    assert "trauma" in flags(text)
