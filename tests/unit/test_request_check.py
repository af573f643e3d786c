"""Requests in clear words that win over the classifier (bot/nlu/intent_rules.RequestCheck)."""
import pytest

from bot.booking_request import asks_to_book
from bot.nlu.intent_rules import _CALL_ME, _PERSON, _books_last


def test_a_real_person_asked_for_not_asked_about():
    assert _PERSON.search("are you a robot? put me through to a real person")
    assert _PERSON.search("can I speak with someone please")
    assert not _PERSON.search("is this a real person I'm writing to?")
    assert not _PERSON.search("am I talking to a live human right now?")


def test_call_me_is_a_call_back():
    assert _CALL_ME.search("could someone phone me this afternoon")
    assert not _CALL_ME.search("what should I call you?")


@pytest.mark.parametrize("text, books", [
    ("The nerve block sounds sensible. Could we book one?", True),
    ("ok the stimulator trial sounds like it might be worth it. I'd like to book a consultation", True),
    ("La inyección facetaria me convence. Quiero pedir una cita.", True),
    # a question about the option said last is a question
    ("I'd like to book at some point. But what are the risks of a facet injection?", False),
    ("what is a nerve root block?", False),
    ("the epidural sounds good. I'll book later once I've talked to my wife", False),
])
def test_a_request_to_book_said_last_after_words_about_an_option(text, books):
    assert _books_last(text) is books


@pytest.mark.parametrize("text, asks", [
    ("I'd really like to come in and go through the options", True),
    ("we'd love to come in, whenever suits", True),
    ("can I come in to talk it over with someone?", True),
    ("do I have to come in for the injection?", False),
    ("I can't come in on Fridays", False),
    ("I don't want to come in yet", False),
])
def test_wanting_to_come_in_is_a_request_to_book(text, asks):
    assert asks_to_book(text) is asks
