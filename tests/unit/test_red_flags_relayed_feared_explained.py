"""Red flags a relative relays, a fear in other words, an episode that subsided, a loss explained.

A relative named as answering the screen ("Dad says no to all of these, except he ...") is the
patient, so the exception is theirs; a fear that the pain is a cancer, said as "pánico" or
"terror", is neither raised nor asked (the screen asks); a fever that "subsided" is over; weight lost because of walking or a diet is no
red flag; "que yo sepa" after a denial is asked. English and Spanish. Sentences written for
these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("Grandpa says no to all of those, except he had bowel cancer in 2016", "cancer_history"),
    ("my husband says none of these apply, but he did fall down the stairs on monday", "trauma"),
    ("our son says no to all of them except he slipped on the ice yesterday", "trauma"),
])
def test_a_relatives_exception_to_their_own_no_is_theirs(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


def test_a_relative_saying_no_to_something_else_types_for_nobody():
    reading = read("my wife says no to another operation, she is scared of it")
    assert not reading.raised


@pytest.mark.parametrize("text", [
    "me da pánico que sea un cáncer",
    "me da terror que sea algo malo como un tumor",
    "me aterra que sea cáncer porque a mi vecina le dio cáncer de hueso",
])
def test_a_fear_of_cancer_in_other_words_is_neither_raised_nor_asked(text):
    # the pain feared to be a cancer tells no cancer had: a nurse asks nothing (session 21),
    # the warning-sign screen still asks about a cancer history by name
    reading = read(text)
    assert "cancer_history" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "none of those. I had a bit of a fever on saturday but it subsided by sunday",
    "a temperature last week that died down after two days, nothing else",
])
def test_a_fever_that_subsided_is_not_raised(text):
    assert "fever" not in read(text).raised


@pytest.mark.parametrize("text", [
    "I lose 6 kilo because I walk every day now",
    "dropped 8 pounds, been walking daily since new year",
    "no, I lose some weight because I am on diet",
    "bajé 3 kilos porque salgo a caminar en las mañanas",
])
def test_weight_lost_by_walking_or_dieting_is_no_red_flag(text):
    assert "weight_loss" not in read(text).raised


def test_a_spanish_denial_hedged_by_as_far_as_i_know_is_asked():
    reading = read("calentura no tengo, que yo sepa")
    assert "fever" in reading.asked
