"""What is no treatment tried: look-alikes, medicines for something else, someone else's, nothing.

Common words and names that look like medicines ("Camila"), a medicine for another condition,
activity, a relative's or neighbour's treatment, Epsom salts in a bath; "nothing yet" answers
the question while "nothing helps" means something was tried. Sentences written for these tests,
none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read, slots, slots_and_asked, tried, tried_as_read
from tests.vocabulary_reading import slots_read, vocab_tried


@pytest.mark.parametrize("text", ["Camila Rojas", "tomo Camila para no embarazarme, nada para el dolor"])
def test_a_contraceptive_named_like_a_person_is_no_pain_treatment(text):
    """A patient giving her name ("Camila" is also a norethindrone brand) was told she had
    also tried prescription painkillers, and the booking lost her name."""
    assert "prescription_medication" not in (read(text).slots.get("treatments_tried") or [])


def test_a_relatives_medicine_does_not_cancel_nothing():
    assert slots_and_asked("mi esposo toma tramadol para la rodilla, yo no he tomado nada")[0]["treatments_tried"] == []


@pytest.mark.parametrize("text", [
    "it began a month ago at the gym doing squats",
    "I gave up the gym when my back went",
    "my legs are fine, I walked miles on Sunday",
    "my bladder was weak after the twins but pelvic floor exercises fixed that",
    "I take insulin injections for my diabetes",
    "I've been on the Mounjaro jab since spring and lost a stone",
    "the prostate cancer is kept down with hormone jabs",
])
def test_activity_and_injections_for_something_else_are_no_treatment(text):
    assert not slots(text).get("treatments_tried")


@pytest.mark.parametrize("text", ["the antibiotics sorted it out", "I've been all clear since",
                                  "about where my bra strap sits"])
def test_common_words_are_no_medicine(text):
    assert "treatments_tried" not in slots(text)


@pytest.mark.parametrize("text", ["haven't really tried anything", "not yet",
                                  "no I haven't done anything for it"])
def test_nothing_tried_answers_the_question(text):
    assert slots(text)["treatments_tried"] == []


@pytest.mark.parametrize("text", ["nothing helps", "nothing really works", "nothing is helping me"])
def test_nothing_helps_is_not_nothing_tried(text):
    assert slots(text).get("treatments_tried") != []


def test_epsom_salts_are_no_medicine():
    assert slots_read("warm baths with epsom salts").get("treatments_tried") == ["heat_ice"]


@pytest.mark.parametrize("text", [
    "the epidural when my daughter was born is the only one I've had, nothing for my back",
    "had an epidural for my c-section years ago, the neck pain is new",
    "Please advise about physiotherapy for my lower back",
    "my back is shot after moving house, two weeks now",
    "me pusieron la epidural cuando tuve a mi hija, para la espalda nada",
    "me dio un tirón en la espalda al cargar la caja",
    "my grandad's walking has changed this week, and his back has ached for years",
    "my walking's got worse, the lower back is bad",
    "I'm on thyroid tablets and diabetes meds, neck pain for a month",
    "still taking my hormone pills every day, my back hurts",
    "the pain in my back is worse lying down",
    "hurts to lie down at night, my lower back",
    "no fall, no fever, rest are a no",
    "I slipped on ice outside the shop, my lower back hurts",
    "she is walking, just slowly, her back is sore",
    "am I a candidate for an epidural for my lower back?",
    "I'm on gabapentin for my neuropathy, the back is new",
    "had a steroid shot in my knee in May, nothing for the back",
    "my blood pressure tablets were changed last month",
])
def test_no_treatment_tried(text):
    assert not vocab_tried(text)


@pytest.mark.parametrize("text", [
    "I took Ollie for a walk and my back went",
    "my watch says I did 500 steps today, back is sore",
    "should I take Zipsor?",
    "my husband takes Zipsor for his knee",
])
def test_no_medicine_in_a_name_or_a_count(text):
    assert not vocab_tried(text) & {"otc_medication", "prescription_medication"}


def test_a_medicine_for_something_else_beside_one_for_the_pain():
    assert vocab_tried("heart pills every morning and ibuprofen for the back") == {"otc_medication"}


@pytest.mark.parametrize("text", [
    "I keep going hot and cold at night",
    "hot and cold sweats since Sunday",
    "rest all no",
    "a steroid jab in my knee for something else",
    "operated for cancer in 2015",
    "I walked the dog this morning and felt it twinge",
])
def test_look_alikes_are_no_treatment(text):
    assert tried(text) == set()


@pytest.mark.parametrize("text", [
    "mi vecina toma las pastillas de mi mamá",
    "my husband had a back op last year, my neck hurts",
])
def test_someone_elses_treatment_is_not_tried(text):
    assert not tried(text)


@pytest.mark.parametrize("text,expected", [
    ("I'm on a baby aspirin and Synthroid, nothing for the back", []),
    ("I take glycomet for my sugar, my back hurts for two weeks", None),
    ("on Xarelto for AFib and I use a heat pack on my back", ["heat_ice"]),
    ("I had prostate cancer, operated in 2015, now my low back aches", None),
    ("I had an epidural when the baby came and the back has been sore ever since", None),
])
def test_english_another_conditions_medicine(text, expected):
    found = tried_as_read(text)
    assert (sorted(found) if found is not None else None) == expected
