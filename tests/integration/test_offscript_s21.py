"""Off-script turns of session 21, by kind: a preferred time stored without the words around
it, a time at "when?" only the classifier heard as crisis, a new time said in one sentence with
the one that no longer suits, English asked for after an option, a question whether an option
shows what is wrong, and how long the visit takes. Whole conversations on the real model and
action server; sentences written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import CLINIC, reach, to_the_options


def test_a_preferred_time_with_filler_and_a_reason_is_stored_as_the_time(chat):
    c = chat("time-words")
    reach(c, "booking_asked_time")
    reply = c.say("hmm probably fridays around 2 would suit me best, since my son drives me")
    assert c.slots["booking_time"] == "fridays around 2"
    assert "fridays around 2" in reply and c.slots["booking_reference"]


def test_a_time_heard_as_crisis_at_when_is_taken_without_the_crisis_line(chat):
    c = chat("time-crisis")
    reach(c, "booking_asked_time", "es")
    reply = c.say("el martes, pero temprano no tengo quién me acompañe")
    assert CLINIC.crisis_line.number not in reply
    assert c.slots["booking_time"] and "martes" in c.slots["booking_time"]
    assert c.slots["booking_reference"]


def test_a_new_time_in_the_sentence_that_says_the_old_one_no_longer_suits(chat):
    c = chat("time-change")
    reach(c, "booking_done")
    reply = c.say("mornings don't work for me now, could it be wednesday afternoons?")
    assert c.slots["booking_time"] == "wednesday afternoons"
    assert "wednesday afternoons" in reply


def test_english_asked_for_after_an_option_is_the_switch_and_the_option_again(chat):
    c = chat("switch-option")
    reach(c, "options_explained", "es")
    c.say("¿qué es la inyección en las articulaciones facetarias?")
    reply = c.say("could you go over that one more time in English?")
    assert c.slots["language"] == "en"
    assert "English" in reply and "Facet joint injection" in reply


def test_a_question_whether_an_option_shows_what_is_wrong_gets_the_option(chat):
    c = chat("what-wrong")
    to_the_options(c)
    c.say("what is a facet joint injection?")
    reply = c.say("would that let them find out what is actually wrong with my back?")
    assert "Facet joint injection" in reply and "noted that for the specialist" not in reply
    assert "not a diagnosis" in reply


def test_how_long_the_visit_takes_is_answered_from_the_day_itself(chat):
    c = chat("all-day")
    to_the_options(c)
    c.say("what is a facet joint injection?")
    reply = c.say("will I have to spend the whole day there?")
    assert "same day" in reply
