"""Round 21's dialogue kinds: a sign told after a question about the screen, the day it is now
as the answer to "how long?", not wanting the hospital at a confirming question, a pain that crept
up, and the words of a few off-script turns. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.booking import new_time_in_change
from bot.duration_across import told_across
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import set_aside
from bot.nlu.request_words import request_words
from bot.offscript import says_not_knowing
from bot.question_about import about_the_question, told_after_question
from bot.red_flag_questions import confirm_answer
from bot.time_said import time_said
from tests.unit.reading import entities, read

OCTOBER_1 = datetime.date(2026, 10, 1)


@pytest.mark.parametrize("text,flag", [
    ("sorry what counts as numbness around the groin? hmm... yes actually, since this morning", "saddle_numbness"),
    ("what do you mean by weakness in the legs? I'm not sure... yeah I think so, since Sunday", "leg_weakness"),
])
def test_a_sign_answered_yes_after_a_question_about_it_is_told(text, flag):
    assert flag in read(text).raised  # never only explained, and lost


@pytest.mark.parametrize("text,flag", [
    ("what do you mean by numbness around the groin?", "saddle_numbness"),
    ("is weakness in the legs a bad sign? asking for my brother", "leg_weakness"),
])
def test_a_question_about_a_sign_with_no_answer_after_it_is_still_only_asked(text, flag):
    assert flag not in read(text).raised


def test_a_sign_told_after_a_question_about_the_screen_is_read_not_explained_away():
    from bot.clinic import load_clinic
    from bot.content import load_content
    text = "what does numbness where you sit mean? I think I do have it, when I wipe it feels dead on the left"
    said = entities(text)
    assert told_after_question(text, said)
    assert about_the_question(load_content(), load_clinic(), "red_flag_screen", text, said) is None
    asked = "what does numbness where you sit mean?"
    assert about_the_question(load_content(), load_clinic(), "red_flag_screen", asked, entities(asked))


def test_the_day_it_is_now_after_a_dated_start_is_the_length():
    weeks = told_across("my lower back started hurting when I moved house, that was in July.",
                        "It is now start of October.", OCTOBER_1)
    assert weeks is not None and 10 <= weeks <= 14


def test_the_one_month_an_earlier_start_is_dated_to_counts_to_the_day_it_is_now():
    weeks = told_across("low back hurting since I began the night shifts, that was in July.",
                        "Now is end of September.", OCTOBER_1)
    assert weeks is not None and 10 <= weeks <= 14
    assert told_across("my back hurts, my birthday is in July.", "Now is end of September.", OCTOBER_1) is None


def test_no_day_said_now_or_a_length_of_its_own_is_not_read_across():
    assert told_across("my lower back started hurting in July", "it's pretty bad", OCTOBER_1) is None
    assert told_across("since July", "about 3 months", OCTOBER_1) is None  # the message's own length


def test_the_end_of_a_month_is_no_crisis_cue_but_ending_still_is():
    detect = default_detector()
    assert not detect.cues("Now is end of October.")
    assert not detect.cues("at the end of the month it got worse")
    assert detect.cues("I just want it to end")
    assert detect("I want to end it all, end of story")  # crisis words are read on the whole message


def test_the_classifier_s_crisis_guess_on_the_day_it_is_now_is_set_aside():
    assert set_aside(default_detector(), "Today is the 3rd of November.", [])
    assert not set_aside(default_detector(), "Today is the 3rd of November and I want to die.", [])


@pytest.mark.parametrize("text", [
    "Oh dear. I would rather not go to the hospital.",
    "hmm i'd prefer not to go to the ER tonight",
    "prefiero no ir al hospital, la verdad",
])
def test_not_wanting_the_hospital_right_after_a_nerve_sign_question_is_a_yes(text):
    assert confirm_answer("leg_weakness", "inform", text, []) == "yes"


def test_not_wanting_the_hospital_after_other_advice_is_not_taken_as_the_answer():
    assert confirm_answer("leg_weakness", "inform", "I'd rather not go to the hospital", [],
                          asked_last=False) is None


@pytest.mark.parametrize("text", [
    "to be honest I can't even say when it began, it's been gradual",
    "no idea really, it sort of crept up over the last while",
    "it snuck up on me, I couldn't even say when",
])
def test_a_pain_with_no_start_to_give_is_not_knowing(text):
    assert says_not_knowing(text)


def test_asking_whether_one_can_still_see_a_doctor_is_a_booking_request():
    book = request_words().book
    assert book.search("Could I still see one of your specialists, just to be sure?")
    assert book.search("can i see a doctor there anyway")
    assert not book.search("do I need to see a doctor for this?")


def test_a_time_said_not_to_suit_is_left_out_of_the_new_one():
    assert new_time_in_change("evenings r bad for me now, can we do monday morning") == "monday morning"
    assert time_said("fridays are hard, tuesday afternoon") == "tuesday afternoon"
