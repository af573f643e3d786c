"""A normal state told of a time before now is no denial of a sign today; a walking aid newly
needed is asked; a fall the weak leg caused, said with "because of it" / "por eso", is asked,
never raised as an injury on those words alone.

Read by the whole reading (tests/unit/reading.py). Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text", [
    # a walking aid newly needed beside a past normal state: asked, never read as denied
    "since Tuesday I need a walking stick, a month ago I could walk fine",
    "this week I've had to use my walker, up until now walking fine",
    "desde el jueves necesito bastón, antes caminaba normal",
    "empecé a usar andador este mes, hasta hace poco caminaba sin problema",
])
def test_a_walking_aid_newly_needed_beside_a_past_normal_state_is_asked(text):
    reading = read(text)
    assert "leg_weakness" in reading.asked | reading.raised


@pytest.mark.parametrize("text", [
    "I can walk fine, no fever, no trouble with my bladder",
    "before you ask: I can walk fine and there's no fever",
    "camino bien y no tengo fiebre",
    "antes que nada, camino bien, fiebre no",
])
def test_a_denial_of_now_still_denies(text):
    reading = read(text)
    assert not ({"leg_weakness", "fever"} & (reading.asked | reading.raised))


@pytest.mark.parametrize("text", [
    "is there a ramp at the entrance? my father needs a walker",
    "mi suegra usa andador, ¿tienen ascensor?",
])
def test_a_relatives_walking_aid_is_not_the_patients_sign(text):
    reading = read(text)
    assert "leg_weakness" not in reading.asked | reading.raised


@pytest.mark.parametrize("text", [
    "my right leg buckles more each week and on Sunday I went down in the garden because of it",
    "la pierna izquierda se me dobla cada vez más y el martes me caí por eso en la calle",
])
def test_a_fall_the_weak_leg_caused_is_asked_not_raised(text):
    reading = read(text)
    assert "trauma" not in reading.raised
    assert "leg_weakness" in reading.raised | reading.asked


def test_a_fall_that_caused_the_weakness_is_still_an_injury():
    reading = read("me caí de la moto el sábado y desde entonces la pierna derecha está débil")
    assert "trauma" in reading.raised


@pytest.mark.parametrize("text", [
    "my brother's legs feel strange lately, I only have a sore neck",
    "my husband's legs are getting wobblier each week, I just have a stiff neck",
])
def test_the_learned_detector_leaves_a_relatives_sign_to_the_relative(text):
    from tests.unit.parsed import with_detector

    assert with_detector(text) == (set(), set())


@pytest.mark.parametrize("text", [
    "my legs feel strange lately",
    # a writer who never speaks of themself may be telling the patient's sign
    "my grandad is 80, his back hurts and his legs feel strange lately",
])
def test_the_learned_detector_still_asks_the_patients_sign(text):
    from tests.unit.parsed import with_detector

    assert "leg_weakness" in with_detector(text)[1]


def test_a_sign_supposed_inside_a_question_is_asked_in_general():
    from bot.red_flag_questions import asks_in_general
    supposed = [{"entity": "red_flag_unsure", "value": "fever", "reason": "hypothetical"}]
    asked = [{"entity": "red_flag_unsure", "value": "fever", "reason": "question"}]
    assert asks_in_general("¿es grave si me da fiebre?", supposed)
    assert asks_in_general("could a fever be serious", asked)
    assert not asks_in_general("if I get a fever I'll call", supposed)
    assert not asks_in_general("what if?", [{"entity": "red_flag", "value": "fever"}])
