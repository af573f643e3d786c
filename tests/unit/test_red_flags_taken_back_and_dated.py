"""A sign taken back because it was someone else's, an injury dated by a year, a trip from weakness.

A sign said and taken back in the same breath with a reattribution to another person and the
writer's own "not me" is no flag; a reattribution or a "not me" alone is asked; a bare "wait,
no" takes nothing back (a day corrected, "both"), and a bare "no" leading a correction of
something else asks the sign. A year said of an injury is long ago by the day of reading, with
no yearly edit; a recent injury beside an old one stays, also when the year follows "an older one". A trip a weak leg
explains asks no injury question; a trip with a fall is an injury. A relative's bladder sign
told without writing-for words is asked. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from tests.unit.reading import read

DECEMBER_2026 = datetime.date(2026, 12, 4)


@pytest.mark.parametrize("text, flag", [
    ("Temperature yes, oh wait, sorry, that was my husband, he had the temperature last night. Not me", "fever"),
    ("A fever yes... hang on, sorry, it was my daughter who had a fever on Sunday. Me no", "fever"),
    ("Fiebre sí, ay no, perdón, la que tuvo fiebre fue mi esposa el domingo. Yo no", "fever"),
    ("Me caí, sí... no, perdón, el que se cayó fue mi papá. Yo no", "trauma"),
])
def test_a_sign_given_to_someone_else_with_not_me_is_no_flag(text, flag):
    reading = read(text)
    assert flag not in reading.raised and flag not in reading.asked


@pytest.mark.parametrize("text, flag", [
    ("A fever, yes. Oops, no, that was my daughter", "fever"),  # no "not me": asked
    ("Se me escapa la orina, perdón, me confundí. Yo no", "bladder_bowel"),  # "not me" alone
])
def test_a_sign_half_taken_back_is_asked_never_dropped(text, flag):
    assert flag in read(text).asked


@pytest.mark.parametrize("text, flag", [
    ("I fell on Monday... no wait, sorry, on Tuesday", "trauma"),  # the day corrected
    ("me caí el domingo... no, perdón, el sábado", "trauma"),
    ("losing control of my bladder yes, wait, no, my bowels too", "bladder_bowel"),
    ("Fever yes, sorry, my son has a fever too", "fever"),  # an addition, not a reattribution
    ("Fever yes, sorry, the baby is crying, yes I've had a fever since Monday", "fever"),
    ("se me escapa la orina, mejor dicho desde el lunes", "bladder_bowel"),  # a time corrected
])
def test_a_bare_correction_takes_no_sign_back(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("se me está escapando la caca, no, perdón, desde el jueves", "bladder_bowel"),
    ("I keep wetting myself, no sorry, since Thursday not Friday", "bladder_bowel"),
    ("tengo fiebre, no, perdón, desde el sábado", "fever"),
    ("a high temperature, no wait, two days not three", "fever"),
])
def test_a_bare_no_leading_a_correction_of_something_else_never_drops_the_sign(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


@pytest.mark.parametrize("text, flag", [
    ("leaking urine, no, sorry, I don't leak urine", "bladder_bowel"),  # the sign denied again
    ("fiebre, no, perdón, fue mi hija. Yo no", "fever"),  # given to someone else
])
def test_a_bare_no_that_takes_the_sign_itself_back_still_does(text, flag):
    reading = read(text)
    assert flag not in reading.raised and flag not in reading.asked


@pytest.mark.parametrize("text", [
    "Got knocked off my bike but that was back in 2018, not a scratch",
    "pt, and tramadol after my fall, but that was 2021",
    "me caí de la escalera pero eso fue en 2018",
    "a car crash in 2016 and an older one in 2009",  # both old
    "me caí de la bici en 2015 y otra vieja en 2010",
])
def test_an_injury_said_to_be_years_back_is_no_flag(text):
    reading = read(text, DECEMBER_2026)
    assert "trauma" not in reading.raised and "trauma" not in reading.asked


def test_the_same_year_is_long_ago_or_recent_by_the_day_of_reading():
    text = "I came off a ladder but that was 2026"
    assert "trauma" in read(text, DECEMBER_2026).raised  # this year: may be last week
    assert "trauma" in read(text, datetime.date(2027, 1, 10)).raised  # could be December
    later = read(text, datetime.date(2029, 3, 1))  # three calendar years back: long ago
    assert "trauma" not in later.raised and "trauma" not in later.asked


@pytest.mark.parametrize("text", [
    "I came off my bike in 2018 and again on Saturday",
    "I slipped on the ice on Friday, and my car accident, that was 2017",
    "tuve un choque en 2017 y me volví a caer anteayer",
    "car crash a fortnight ago, and an older one in 2016",  # the year dates only the older one
    "me caí hace una semana, y uno más viejo en 2015",
])
def test_a_recent_injury_beside_an_old_one_is_still_raised(text):
    assert "trauma" in read(text, DECEMBER_2026).raised


@pytest.mark.parametrize("text", [
    "I had a fall in 2015 and another one last week",
    "me caí en 2016 y otra en la semana pasada",
])
def test_another_injury_after_an_old_one_may_be_recent_and_is_asked(text):
    reading = read(text, DECEMBER_2026)
    assert "trauma" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "my right foot flops when I walk and I keep tripping on the kerb, it's worse every week",
    "the left leg is getting weaker and I stumbled going up the steps twice",
    "la pierna derecha cada vez más débil, ya me tropiezo en los escalones",
])
def test_a_trip_a_weak_leg_explains_asks_no_injury_question(text):
    reading = read(text)
    assert "leg_weakness" in reading.raised | reading.asked
    assert "trauma" not in reading.raised and "trauma" not in reading.asked


@pytest.mark.parametrize("text", [
    "my leg is getting weaker and I tripped on the stairs and landed hard on my back",
    "la pierna cada vez más débil, me tropecé en la escalera y me caí de espaldas",
])
def test_a_trip_with_a_fall_is_still_an_injury(text):
    assert "trauma" in read(text).raised


@pytest.mark.parametrize("text", [
    "mi mamá dice que ya no siente cuando va a orinar",
    "my mum says she can't tell any more when she needs the toilet",
])
def test_a_relatives_bladder_sign_without_writing_for_words_is_asked(text):
    reading = read(text)
    assert "bladder_bowel" in reading.raised | reading.asked
