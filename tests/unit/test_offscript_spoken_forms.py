"""Words of off-script turns as patients type them: short spoken forms, remembering aloud, a
name given earlier, a texting-style clinic question, a child's age that dates the pain.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.faq import load_faq, simple_words
from bot.names_told import name_said_before
from bot.nlu.duration import parse_durations
from bot.nlu.request_words import request_words
from bot.offscript import says_nothing_helped


@pytest.mark.parametrize("text,helped", [
    ("le he echado de tó y na' me quita el dolor", True),
    ("ya probé de to' y na' me sirve", True),
    ("nothin' helps, I've done it all", True),
    ("nada", False), ("nothing yet", False), ("tomo de todo un poco", False),
])
def test_nothing_helped_said_short(text, helped):
    assert says_nothing_helped(text) is helped


@pytest.mark.parametrize("text", [
    "now that I think about it, it's been closer to a year",
    "ahora que lo pienso, fueron más bien dos años",
])
def test_remembering_aloud_is_no_leaving(text):
    words = request_words()
    assert not words.leaving.search(text) and not words.deferring.search(text)


@pytest.mark.parametrize("text", ["let me think about it", "mejor lo pienso y les aviso"])
def test_putting_off_is_still_heard(text):
    words = request_words()
    assert words.leaving.search(text) or words.deferring.search(text)


@pytest.mark.parametrize("texts,name", [
    (["hi, typing for my grandma", "her name is Edith Marlowe and she is 81"], "Edith Marlowe"),
    (["escribo por mi tío, se llama Ramiro Ochoa Vidal y tiene 70 años"], "Ramiro Ochoa Vidal"),
    (["my son's name is Kyle Dunn, he helps me with the phone"], None),
    (["my lower back hurts", "call me back please"], None),
])
def test_a_name_given_in_so_many_words_is_remembered(texts, name):
    assert name_said_before(texts) == name


def test_a_location_question_typed_fast_is_a_location_question():
    assert load_faq(lang="en").match(simple_words("wher r ur offices locatd? near the station?")) == ["location"]


def test_a_childs_age_dates_pain_that_started_right_after_the_birth():
    found = parse_durations("the pain started right after my son was born and he just turned 3",
                            datetime.date(2026, 3, 2))
    assert found and abs(max(m.weeks for m in found) - 156) < 2


def test_a_denial_in_a_booking_request_is_no_name():
    from bot.booking import details_in_request

    said = details_in_request("My neck has hurt for a year. No fever, no falls, no cancer. I'd like to book "
                              "an appointment.")
    assert "booking_name" not in said
    assert details_in_request("Let's book, Oriana Falk")["booking_name"] == "Oriana Falk"


@pytest.mark.parametrize("text,books", [
    ("I'd like to book something.", True),
    ("I'd like to book some other time, not now", False),
])
def test_booking_something_is_a_request(text, books):
    from bot.booking_request import asks_to_book

    assert asks_to_book(text) is books
