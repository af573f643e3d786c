"""Session 16's red-flag kinds, read as the assistant reads them (the learned detector off):
a conversation typed for the patient by a relative, said in an earlier message; a job or
place of work is no cancer history; legs weak from hard exercise just done are no nerve's
weakness. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.typed_for import as_meant, entities_said, typed_for_patient
from tests.unit.reading import entities, read, reading_of


def _after(earlier: list[str], text: str):
    """`text` read as the conversation means it, after the `earlier` messages."""
    return reading_of(as_meant(entities(text), [entities(t) for t in earlier]), text)


# ---------------------------------------------------------------- typed for the patient, said before
@pytest.mark.parametrize("earlier, text, flag", [
    (["I'm writing for my dad"], "he can't hold his water since yesterday", "bladder_bowel"),
    (["hello, I'm asking on behalf of my mum", "her lower back, for 3 weeks"], "she fell in the garden on Sunday",
     "trauma"),
    (["I look after my husband, he has had back pain for 2 months"], "he can't lift his left foot any more",
     "leg_weakness"),
    (["escribo por mi papá"], "él tuvo cáncer de próstata hace dos años", "cancer_history"),
    (["soy su hija, le duele la cintura"], "mi papá se cayó ayer en el baño", "trauma"),
])
def test_a_relatives_sign_after_they_said_they_write_for_the_patient_is_the_patients(earlier, text, flag):
    assert flag in _after(earlier, text).raised


@pytest.mark.parametrize("text, flag", [
    ("he can't control his bladder", "bladder_bowel"),
    ("mi papá se cayó ayer en la calle", "trauma"),
])
def test_without_it_the_same_sign_is_asked_never_raised_nor_dropped(text, flag):
    reading = _after(["my lower back has hurt for 3 weeks"], text)
    assert flag not in reading.raised


@pytest.mark.parametrize("earlier, text, flag", [
    (["I'm writing for my dad"], "his mum had breast cancer", "cancer_history"),
    (["escribo por mi papá"], "su hermana murió de cáncer", "cancer_history"),
])
def test_the_patients_relatives_stay_someone_else_when_typed_for_the_patient(earlier, text, flag):
    assert flag not in _after(earlier, text).raised


def test_the_conversation_fact_is_read_from_its_messages():
    said = entities_said([{"event": "user", "parse_data": {"entities": entities("typing this for my wife")}},
                          {"event": "bot", "text": "Where is the pain?"}])
    assert typed_for_patient(said)
    assert not typed_for_patient([entities("my wife had a fever last week")])


def test_a_message_said_for_the_patient_keeps_its_own_reading():
    # the second reading adds signs; it never takes away what the first found
    text = "he fell yesterday and can't feel his bum"
    first = {e["value"] for e in entities(text) if e["entity"].startswith("red_flag")}
    meant = {e["value"] for e in as_meant(entities(text), [entities("I'm writing for my dad")])
             if e["entity"].startswith("red_flag")}
    assert first <= meant


# ---------------------------------------------------------------- a job or a place of work
@pytest.mark.parametrize("text", [
    "I'm a nurse on a cancer ward and my lower back has hurt for 2 months",
    "I work in oncology, 12 hour shifts, my back has been sore for 3 weeks",
    "I work on the cancer ward as a nurse and lift patients all day",
])
def test_a_job_in_cancer_care_is_no_cancer_history(text):
    reading = read(text)
    assert "cancer_history" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "I was treated on a cancer ward for lymphoma in 2019",
    "I had bowel cancer and I work in oncology now",
])
def test_a_cancer_of_the_patients_own_is_still_raised(text):
    assert "cancer_history" in read(text).raised


# ---------------------------------------------------------------- legs weak from exercise
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


# ---------------------------------------------------------------- a star sign
@pytest.mark.parametrize("text", [
    "soy de signo Cáncer jaja y me duele el cuello desde hace 2 semanas",
    "my star sign is cancer lol, my lower back has hurt for 2 weeks",
])
def test_a_star_sign_is_no_cancer_history(text):
    reading = read(text)
    assert "cancer_history" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", ["I'm a cancer survivor, my back hurts", "soy sobreviviente de cáncer"])
def test_a_cancer_survived_is_still_raised(text):
    assert "cancer_history" in read(text).raised
