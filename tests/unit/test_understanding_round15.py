"""Kinds round 15 found missed (sentences written for this test, none from a blind
set): a cancer survived, a fall behind a "didn't see", dictation's "feel" for "fell", a weight
told as two bare numbers, a Spanish leg giving way told as going on, and a question that only
frames what the writer tells ("does it matter that I had ...?"), a carer telling their own
pain, and another body part's time beside the spine's."""
import datetime

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("five years cancer free now but my lower back is bad", "cancer_history"),
    ("I'm a breast cancer survivor, neck pain for a month", "cancer_history"),
    ("beat my cancer in 2018, back pain since october", "cancer_history"),
    ("llevo cinco años libre de cáncer y me duele la cintura", "cancer_history"),
    ("soy sobreviviente de cáncer de colon", "cancer_history"),
    ("never saw the curb and went flat on my back on sunday", "trauma"),
    ("I didn't see the wet floor and went down hard at work yesterday", "trauma"),
    ("I feel down the steps at church on Sunday", "trauma"),
    ("i feel off the ladder 2 days ago", "trauma"),
    ("la pierna izquierda se me está aflojando cada vez más", "leg_weakness"),
    ("se me anda doblando la pierna derecha", "leg_weakness"),
    ("does it matter that I had lymphoma years ago?", "cancer_history"),
    ("is it a problem that I fell off my bike last week?", "trauma"),
    ("¿importa que tuve cáncer de próstata?", "cancer_history"),
])
def test_a_sign_told_is_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text,flag", [
    ("I'm cancer free", "cancer_history"),  # mostly said after a cancer: asked, never denied
    ("libre de cáncer, gracias a Dios", "cancer_history"),
    ("not trying to but I've gone from 190 to 160 since summer", "weight_loss"),
])
def test_a_sign_that_may_be_there_is_asked(text, flag):
    reading = read(text)
    assert flag in reading.asked | reading.raised


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


def test_a_carer_telling_their_own_pain_is_the_patient():
    """A carer who writes of their own back does not make the cared-for person's signs theirs
    (an emergency for the wrong person); a carer writing of the person is still the proxy."""
    own = read("I take care of my husband, he can't control his bladder since his stroke. "
               "My own back is killing me from lifting him, that's why I'm writing")
    assert "bladder_bowel" not in own.raised
    assert "bladder_bowel" in read("I look after my dad, he has been wetting himself since "
                                   "yesterday and his back is agony").raised


@pytest.mark.parametrize("text,weeks", [
    # another part's time is not the spine's, when the spine's place is told in another clause
    ("my knee has been playing up for months but what's really bad now is my lower back", None),
    ("my shoulder has hurt for 2 years, my neck only since last week", 1.0),
    # a part named as the event the time runs from still dates the pain
    ("he's had it since his knee operation 3 years ago, it's his low back", 156.42),
    # the spine's own pain spreading into a limb keeps its time
    ("Dx: lumbar radiculopathy. L leg pain x 5 weeks, worse sitting", 5.0),
    ("cervical disc, and the arm pain has been 3 weeks", 3.0),
])
def test_another_parts_time_is_not_the_pains(text, weeks):
    found = read(text, today=datetime.date(2026, 12, 4)).slots.get("pain_duration_weeks")
    assert found == (pytest.approx(weeks, rel=0.05) if weeks else None)


def test_an_almost_fall_flat_is_asked_not_raised():
    reading = read("my leg gave way and I nearly went flat on my back on the kerb")
    assert "trauma" not in reading.raised


@pytest.mark.parametrize("text", ["Camila Rojas", "tomo Camila para no embarazarme, nada para el dolor"])
def test_a_contraceptive_named_like_a_person_is_no_pain_treatment(text):
    """A patient giving her name ("Camila" is also a norethindrone brand) was told she had
    also tried prescription painkillers, and the booking lost her name."""
    assert "prescription_medication" not in (read(text).slots.get("treatments_tried") or [])
