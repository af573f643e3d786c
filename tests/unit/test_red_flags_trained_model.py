"""Red flags read by the real trained model: misspellings, slang and Spanglish caught, no look-alike.

Read as the tracker would hold them (bot.evaluate_blind.read_turn).

A sign is *caught* when it reaches `red_flags` or the assistant asks to confirm it: bowel
control as misspelt by phone, the perfect tense ("me he hecho") and "cuenta" typed by ear,
Australian and British slang for a crash ("had a stack", "stacked it"), Spanglish and
waking up sweating at night. Sentences written for these tests, none from a blind set.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.evaluate_blind import read_turn

MODEL = Path("models/current.tar.gz")
pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="no trained model (rasa train)")


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent
    return Agent.load(str(MODEL))


def read(agent, text):
    return read_turn(asyncio.run(agent.parse_message(text)), "")


CAUGHT = [
    # bladder / bowel, misspelt
    ("since monday i cant controll my bowl movments at all", "bladder_bowel"),
    ("my husband can't controll his bowel movements now", "bladder_bowel"),
    ("i can not contol my bowel movements", "bladder_bowel"),
    # bladder / bowel, another person, without noticing
    ("my dad soiled himself at lunch and did not notice", "bladder_bowel"),
    ("she wet herself on the bus without realising", "bladder_bowel"),
    # a relative's bladder told by the writer, after the relative's back: asked, never dropped
    ("my wife's back seized up last night and now she has wet herself", "bladder_bowel"),
    ("my son hurt his back at rugby and has wet himself twice today", "bladder_bowel"),
    # Spanish perfect tense, with or without the h, "cuenta" typed by ear
    ("ayer me he hecho pipí en la cama", "bladder_bowel"),
    ("hoy me e echo popó y no me di quenta", "bladder_bowel"),
    ("mi abuela se ha orinado encima dos veces", "bladder_bowel"),
    # Spanish saddle numbness on the toilet (at least asked)
    ("ya no siento nada cuando me siento en la taza", "saddle_numbness"),
    ("mi abuelo no siente nada cuando se sienta en el retrete", "saddle_numbness"),
    # trauma slang
    ("stacked it on my pushbike on the way home tuesday", "trauma"),
    ("had a massive stack at footy training last week", "trauma"),
    ("I took a spill on the ice on friday", "trauma"),
    ("wiped out on the ski slope a few days ago", "trauma"),
    # fever: Spanglish, night sweats said in other words (at least asked)
    ("desde el lunes tengo night sweats", "fever"),
    ("me despierto empapada en sudor, sudando por la noche", "fever"),
]


@pytest.mark.parametrize("text,flag", CAUGHT)
def test_the_sign_is_flagged_or_asked(agent, text, flag):
    turn = read(agent, text)
    assert flag in turn["red_flags"] + turn["red_flags_unsure"], turn


NOT_FLAGGED = [
    # the slang words in other senses are no injury
    ("I stacked the dishwasher and my back started aching", "trauma"),
    ("a stack of paperwork at work makes my neck sore", "trauma"),
    # denied in Spanish, spelt by ear
    ("no me he hecho pipí encima, eso no", "bladder_bowel"),
    # a cup is no toilet seat
    ("tomo una taza de té y me siento mejor de la espalda", "saddle_numbness"),
]


@pytest.mark.parametrize("text,flag", NOT_FLAGGED)
def test_the_other_sense_raises_no_flag(agent, text, flag):
    assert flag not in read(agent, text)["red_flags"]
