"""Session 14's conversation kinds, on the pure decisions: putting the booking off ("let me
think about it", "not ready to book yet", "déjeme pensarlo") is not a leaving; a blessing is a
farewell; a misspelt "since" still dates the pain; "just above my bottom" is the low back.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.nlu.duration import parse_durations
from bot.nlu.request_words import request_words
from bot.offscript import booking_later, defers_booking
from tests.vocabulary_reading import slots_read

DECIDED = {"triage_level": "consultation"}


@pytest.mark.parametrize("text", [
    "let me think about it",
    "I’m not ready to book yet",
    "maybe later",
    "not today, thanks",
    "I'd like to sleep on it first",
    "I'll come back to this chat later",
    "déjeme pensarlo",
    "de momento no, gracias",
    "todavía no estoy segura, lo voy a pensar",
    "más adelante",
])
def test_putting_the_booking_off_is_not_a_leaving(text):
    assert defers_booking(text, DECIDED)


@pytest.mark.parametrize("text", [
    "No thank you, maybe later. Goodbye.",
    "ok I'll think about it, thx bye",
    "lo pienso y le escribo, chao",
    "Lo voy a pensar. Muchas gracias, hasta luego.",
])
def test_with_a_farewell_word_it_is_a_goodbye(text):
    assert not defers_booking(text, DECIDED)


def test_after_a_request_or_a_warning_sign_there_is_nothing_to_put_off():
    assert not defers_booking("let me think about it", {"booking_reference": "R00001"})
    assert not defers_booking("let me think about it", {"triage_level": "urgent"})
    assert not defers_booking("let me think about it", {"triage_level": "emergency"})


@pytest.mark.parametrize("text", ["no, none of those", "not really, my legs are fine",
                                  "todavía no he probado nada", "hoy no tengo fiebre"])
def test_ordinary_answers_put_nothing_off(text):
    assert not defers_booking(text, DECIDED)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_kind_answer_gives_the_phone_the_emergency_number_and_a_button_to_book(lang):
    from actions.settings import clinic, content
    message = booking_later(content(lang), clinic())
    assert clinic().phone in message["text"] and clinic().emergency_number in message["text"]
    assert "?" not in message["text"]  # no pressure: nothing asked
    assert message["buttons"][0]["payload"] == "/book_consultation"


@pytest.mark.parametrize("text", ["Thank you dear, you have been very kind. God bless.",
                                  "Muchas gracias, que Dios la bendiga",
                                  "gracias, Dios le bendiga"])
def test_a_blessing_is_a_farewell(text):
    assert request_words().leaving.search(text)


@pytest.mark.parametrize("text", ["Good afternoon, God bless you. I wanted to ask about parking",
                                  "Buenas tardes mi amor, Dios le bendiga. Yo quería saber si aceptan Medicare"])
def test_a_blessing_that_opens_the_message_greets(text):
    assert not request_words().leaving.search(text)


@pytest.mark.parametrize("text, weeks", [("sinse monday i think", 0.57), ("scince march", None)])
def test_a_misspelt_since_still_dates_the_pain(text, weeks):
    found = parse_durations(text)
    assert found, text
    if weeks:
        assert abs(found[0].weeks - weeks) < 1.0


def test_just_above_the_bottom_is_the_low_back():
    assert slots_read("low down, just above my bottom").get("pain_location") == "lower_back"
