"""Kinds of wording the vocabulary's phrases do not list, read as the assistant reads them (a sign
told in new words near a sign word (confirmed, never decided alone), past and explained
mentions, misspelt and other-purpose medicines, and durations as clinicians and patients
write them. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.age import no_number_is_an_age, stated_age
from bot.nlu.drugs import closest_drug_name
from bot.nlu.duration import parse_durations
from tests.unit.reading import read

TODAY = datetime.date(2026, 12, 3)  # a Thursday


def flags(text):
    """(flags present at once, flags the assistant asks to confirm) for one message."""
    reading = read(text)
    return reading.raised, reading.asked


@pytest.mark.parametrize("text,flag", [
    ("the part I sit on has gone dead", "saddle_numbness"),
    ("everything feels strange down below when I wipe", "saddle_numbness"),
    ("a cow knocked me flat in the field on Tuesday", "trauma"),
    ("came a cropper at rugby, a big lad tackled me", "trauma"),
    ("I can't tell whether my bladder has emptied", "bladder_bowel"),
    ("my wee just dribbles and I can't stop it", "bladder_bowel"),
    ("my legs just won't work properly on the stairs", "leg_weakness"),
    ("they found a lump on the scan and I'm waiting to hear", "cancer_history"),
])
def test_a_sign_in_new_words_is_confirmed_with_the_patient(text, flag):
    present, confirm = flags(text)
    assert flag in present | confirm


@pytest.mark.parametrize("text,flag", [
    ("my legs are not weak", "leg_weakness"),
    ("no numbness down there at all", "saddle_numbness"),
    ("I never fell off the horse, it just started", "trauma"),
])
def test_a_denied_sign_in_new_words_is_not_raised(text, flag):
    present, confirm = flags(text)
    assert flag not in present | confirm


def test_a_denial_in_the_usual_words_does_not_hide_a_sign_in_new_ones():
    present, confirm = flags("my bum feels weird when I sit, not numb though")
    assert "saddle_numbness" in confirm


@pytest.mark.parametrize("text,flag", [
    ("lost two stone on Wegovy this year, on purpose", "weight_loss"),
    ("the weight came off with Mounjaro", "weight_loss"),
    ("a car crash in 2012, nothing since", "trauma"),
    ("after my knee op last year I had a temperature for a day but it all settled", "fever"),
])
def test_an_explained_or_long_past_mention_raises_no_flag(text, flag):
    present, _ = flags(text)
    assert flag not in present


def test_an_end_said_later_without_a_past_time_is_confirmed_not_dropped():
    present, confirm = flags("I had a temperature this morning but it's gone now")
    assert "fever" in present | confirm


def treatments(text):
    return set(read(text).slots.get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    ("gabapentine and naproxin", {"prescription_medication", "otc_medication"}),
    ("pregabaline at night", {"prescription_medication"}),
    ("ibuprofen 800 from the walk-in", {"prescription_medication"}),
    ("paracetamol my GP prescribed", {"prescription_medication"}),
    ("paracetamol from the corner shop", {"otc_medication"}),
    ("I'm on metformin for my diabetes and take ibuprofen for the back", {"otc_medication"}),
    ("I take tramadol for it", {"prescription_medication"}),
    ("stayed in bed for three days", {"rest"}),
])
def test_medicines_as_written(text, expected):
    assert treatments(text) == expected


@pytest.mark.parametrize("text", ["lost a stone on Ozempic", "omeprazole for my stomach",
                                  "someone at work told me to see a doctor"])
def test_no_pain_treatment_is_read_into_these(text):
    assert treatments(text) == set()


@pytest.mark.parametrize("word,name", [("gabapenten", "gabapentin"), ("amitriptaline", "amitriptyline"),
                                       ("diclofenec", "diclofenac"), ("someone", None),
                                       ("stretches", None), ("physio", None)])
def test_misspelt_drug_names_only(word, name):
    assert closest_drug_name(word) == name


def weeks(text):
    return [d.weeks for d in parse_durations(text, TODAY)]


@pytest.mark.parametrize("text,expected", [
    ("4/52", [4.0]),
    ("low back pain x 3/12", [13.04]),
    ("5/7 of neck pain", [0.71]),
    ("half of a year", [26.07]),
    ("wk and a half", [1.5]),
    ("months, 4 maybe", [17.38]),
    ("years - 3 or 4", [182.49]),
    ("about 3-4 wks approx", [3.5]),
    ("15+ years", [782.1]),
    ("coupla weeks", [2.0]),
    ("since Feb, so about 10 weeks", [10.0]),
    ("since I was 30 and I'm 50 now", [1042.8]),
    ("since my 2nd baby, he's 3 now", [156.42]),
])
def test_durations_as_written(text, expected):
    assert weeks(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("since Thursday, it's Monday now", [0.57]),  # counted back from the patient's Monday
    ("since the 2nd, today's the 16th", [2.0]),
    ("since the end of July and we're in mid October now", [11.29]),  # 28 July to 15 October
    ("mid-September, and today is the 1st of December", [11.0]),
])
def test_the_patients_own_today_is_counted_back_from(text, expected):
    assert weeks(text) == expected


@pytest.mark.parametrize("text", ["pain is 8/10", "seen on 3/12 by the GP", "a while",
                                  "it's March and it still hurts"])
def test_no_duration_is_read_into_these(text):
    assert weeks(text) == []


def test_a_number_beside_a_unit_is_a_duration_beside_years_old_an_age():
    assert no_number_is_an_age("years, 6 maybe") and stated_age("years, 6 maybe") is None
    assert stated_age("I'm 16 years old") == 16
