"""Sign words a nurse would ask nothing about: a sign asked about or feared and then said not
had now ("I'm not now", "por ahora no tengo"), a relative's sign the writer sets themselves apart
from ("not me", "yo no, gracias a Dios"), a fall only imagined and then denied, a cancer feared
as the pain's cause, a fear of falling beside "no falls", a growth biopsied benign. Each beside
the look-alike that is still a sign, raised or asked. Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlu.red_flag_detector import ClauseAnswers
from tests.unit.reading import asked, raised

VOCAB = Path("bot/nlu/vocab")


@pytest.mark.parametrize("text, flag", [
    ("would it be serious if my legs went weak all of a sudden? I'm not right now, just wondering", "leg_weakness"),
    ("what if I lost control of my bowels at work, is that an emergency? I'm not, touch wood", "bladder_bowel"),
    ("¿qué hago si se me duermen las nalgas? por ahora no tengo nada de eso", "saddle_numbness"),
    ("¿y si me da calentura con el dolor? ahorita no tengo", "fever"),
])
def test_a_sign_asked_about_then_said_not_had_now_is_not_asked(text, flag):
    assert flag not in raised(text) | asked(text)


@pytest.mark.parametrize("text, flag", [
    ("what if my legs go weak? they already feel wobbly today", "leg_weakness"),
    ("¿qué hago si se me duermen las nalgas? ya las siento dormidas desde ayer", "saddle_numbness"),
])
def test_a_sign_asked_about_and_told_is_still_a_sign(text, flag):
    assert flag in raised(text) | asked(text)


@pytest.mark.parametrize("text, flag", [
    ("my brother is the one who wets himself since his surgery, not me", "bladder_bowel"),
    ("la que no aguanta la orina es mi cuñada desde el parto, yo no, gracias a Dios", "bladder_bowel"),
    ("el que se hace pipí encima es mi suegro; a mí no.", "bladder_bowel"),
])
def test_a_relatives_sign_the_writer_sets_apart_is_not_asked(text, flag):
    assert flag not in raised(text) | asked(text)


@pytest.mark.parametrize("text, flag", [
    # typed for the relative: theirs is the patient's sign
    ("le escribo por mi suegro: ya no aguanta la orina, yo no sé qué hacer", "bladder_bowel"),
    # the writer's "yo no" says nothing of the sign when more follows it
    ("mi abuela ya no controla la pipí y yo no puedo cuidarla sola", "bladder_bowel"),
])
def test_a_relatives_sign_without_the_writer_set_apart_is_still_asked(text, flag):
    assert flag in raised(text) | asked(text)


def test_a_fall_only_imagined_then_denied_is_not_asked():
    text = "si me llego a caer en la escalera con esta pierna no me levanto, pero no, no me he caído"
    assert "trauma" not in raised(text) | asked(text)


def test_a_fall_only_imagined_is_still_asked_when_nothing_denies_it():
    text = "si me resbalo en la ducha con este dolor no sé qué voy a hacer"
    assert "trauma" in asked(text)


@pytest.mark.parametrize("text", [
    "I'm so worried this ache is cancer, I can't sleep for thinking about it",
    "scared stiff of getting bone cancer like everyone on my dad's side",
    "me da pánico que sea algo feo como un tumor",
])
def test_a_cancer_feared_as_the_pains_cause_is_not_asked(text):
    assert "cancer_history" not in raised(text) | asked(text)


@pytest.mark.parametrize("text", [
    "I'm scared it's my cancer coming back",
    "worried it is cancer again, the last one was in my colon",
    "me da miedo que sea el cáncer otra vez",
])
def test_a_cancer_feared_back_is_still_asked(text):
    assert "cancer_history" in raised(text) | asked(text)


def test_a_fear_of_falling_beside_no_falls_is_not_asked():
    text = "haven't had a fall. I'm scared of falling on the stairs though, my knees are stiff"
    assert "trauma" not in raised(text) | asked(text)


def test_a_fall_told_beside_a_fear_of_falling_is_raised():
    text = "I'm scared of falling again, I fell down the stairs on Tuesday"
    assert "trauma" in raised(text) | asked(text)


@pytest.mark.parametrize("language, message, clause", [
    ("en", "they took a lump out of my thyroid in May, it was benign", "they took a lump out of my thyroid in May"),
    ("es", "me sacaron una bolita del pecho el año pasado, salió benigna", "me sacaron una bolita del pecho"),
])
def test_a_growth_found_benign_answers_the_detectors_cancer_guess(language, message, clause):
    context = yaml.safe_load((VOCAB / ("es" if language == "es" else "") / "context.yml").read_text(encoding="utf-8"))
    answers = ClauseAnswers(context)
    assert answers("cancer_history", clause, message)
    assert not answers("cancer_history", clause, clause)  # the growth alone is still asked
