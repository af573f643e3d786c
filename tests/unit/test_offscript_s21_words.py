"""Session 21's off-script words: a preferred time stored without the words around it, a time
at "when?" that only the classifier heard as crisis, a question about an option heard as a
story, and how long the visit takes. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.advice import answer_option_question
from bot.booking import names_a_time, new_time_in_change
from bot.content import load_content
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import time_answer_heard_as_crisis
from bot.option_select import option_question_not_heard
from bot.time_said import time_said


@pytest.mark.parametrize("text,when", [
    ("hmm probably fridays around 2 would suit me best I think", "fridays around 2"),
    ("honestly any monday after lunch works, since my son drives me in the mornings", "any monday after lunch"),
    ("I'm free on Wednesdays, mornings are better for me", "on Wednesdays, mornings"),
    ("Saturday mornings please", "Saturday mornings"),
    ("pues los jueves por la tarde, si se puede", "los jueves por la tarde"),
    ("los lunes, es que trabajo el resto de la semana", "los lunes"),
    ("weekday evenings", "weekday evenings"),
])
def test_a_preferred_time_is_stored_without_the_words_around_it(text, when):
    assert time_said(text) == when


def test_a_message_naming_no_time_is_left_to_the_caller():
    assert time_said("whatever suits the doctor, I'm retired") is None


def test_a_new_time_said_in_the_same_sentence_as_the_one_that_no_longer_suits():
    assert new_time_in_change("evenings aren't possible now, could it be tuesday mornings instead?") \
        == "tuesday mornings"
    assert new_time_in_change("mornings don't work for me now, could it be wednesday afternoons?") \
        == "wednesday afternoons"


def test_every_weekday_is_a_time():
    assert all(names_a_time(day) for day in ("Wednesday", "saturdays", "Thursday", "tuesday"))


def test_a_time_answer_only_the_classifier_heard_as_crisis_is_the_answer():
    detect = default_detector()
    assert time_answer_heard_as_crisis(detect, "el martes, pero temprano no tengo quién me acompañe",
                                       "booking_time")
    assert not time_answer_heard_as_crisis(detect, "el martes, pero temprano no tengo quién me acompañe",
                                           "booking_contact")  # another question: not decided here
    assert not time_answer_heard_as_crisis(detect, "by friday I want to be dead", "booking_time")


@pytest.mark.parametrize("text", [
    "would that injection let them see what is actually wrong with my back?",
    "I need to know what's causing all this, not a list of procedures",
    "if the nerve block helps, does that mean I have a trapped nerve?",
])
def test_a_question_whether_an_option_shows_what_is_wrong_is_about_the_option(text):
    assert option_question_not_heard(load_content(), text, "diagnostic_block")


@pytest.mark.parametrize("text", [
    "I don't know what is causing it, it's worse when I sit",  # a story
    "the pain is worse in the evening",
])
def test_a_story_after_the_options_is_no_question_about_them(text):
    assert not option_question_not_heard(load_content(), text, "diagnostic_block")
    assert not option_question_not_heard(load_content(), "what is wrong with it?", None)  # no option yet


@pytest.mark.parametrize("lang,text", [
    ("en", "will I have to spend the whole day there?"),
    ("en", "am I there all day for it, or in and out?"),
    ("es", "¿me tengo que quedar todo el día en la clínica?"),
])
def test_how_long_the_visit_takes_is_answered_from_the_day_itself(lang, text):
    said = load_content(lang=lang)
    option = next(o for o in said.options if o.id == "facet_joint_injection")
    answer, _ = answer_option_question(said, text, {"last_option": option.id})
    assert option.how[:40] in answer["text"]
