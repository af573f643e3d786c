"""Session 9's pure readings behind the off-script classes: new clinic topics in both
languages (and what must not reach them), distances that are no pain length, help given that
is no relief, a greeting that tells of no minor, the language someone does not speak, a
relative asking whether to wait, a name put down differently, booking said with "I'll"."""
from __future__ import annotations

import pytest

from bot.booking import asks_to_book, name_correction
from bot.faq import load_faq, simple_words
from bot.language import requested_language
from bot.nlu.age import says_nothing_of_age
from bot.nlu.duration import parse_durations
from bot.nlu.injections import injection_entities
from bot.slots import confirm_answer

EN, ES = load_faq(), load_faq(lang="es")


def topics(text):
    words = simple_words(text)
    return EN.match(words) or ES.match(words)


@pytest.mark.parametrize("text, topic", [
    ("can I walk-in or must I phone first", "walk_in"),
    ("do you take walk ins", "walk_in"),
    ("can I bring my mum along", "companion"),
    ("is my husband allowed in with me", "companion"),
    ("will I be charged if I cancel late? is there a cancellation fee", "cancel"),
    ("is an interpreter available for my father", "interpreter"),
    ("what's the surgeon's name", "doctor_name"),
    ("is there a lift at the clinic or only stairs", "accessibility"),
    ("¿atienden sin cita los sábados?", "walk_in"),
    ("¿puede entrar conmigo mi hijo?", "companion"),
    ("¿hay un traductor? no hablo inglés", "interpreter"),
    ("¿tengo que llevar mis estudios?", "what_to_bring"),
    ("¿me cubre Molina?", "insurance"),
])
def test_the_new_topics_are_found(text, topic):
    assert topics(text)[:1] == [topic]


@pytest.mark.parametrize("text", [
    "I can't walk far without my back seizing",
    "I will talk it over with my wife and come back to you",
    "some days it's there, some days it isn't",
    "I can't lift my arm above my head",
    "please cancel my request",
    "llevo tres meses con este dolor",
    "the MRI showed a disc bulge",
])
def test_ordinary_sentences_are_no_clinic_question(text):
    assert topics(text) == []


def test_a_companion_question_is_not_also_what_to_bring():
    assert topics("can I bring my wife") == ["companion"]


@pytest.mark.parametrize("text", ["I live about four hours away", "it's 2 hours' drive from here",
                                  "20 minutes by bus"])
def test_a_distance_is_no_pain_length(text):
    assert parse_durations(text) == []


def test_a_length_said_with_help_given_stays_the_pains():
    assert injection_entities("five weeks ago I helped my brother move house, sore since") == []
    assert injection_entities("the epidural helped my wife for 2 months")[-1]["value"] == "good"


@pytest.mark.parametrize("text, young", [("Hello love, my lower back is sore", False),
                                          ("hi dear, neck pain", False),
                                          ("my grandson plays rugby", True),
                                          ("I'm fifteen", True), ("soy menor", True)])
def test_a_greeting_tells_of_no_minor(text, young):
    assert says_nothing_of_age(text) is not young


@pytest.mark.parametrize("text, lang", [("mi mamá no habla inglés", None),
                                        ("my husband doesn't speak Spanish", None),
                                        ("in Spanish please", "es")])
def test_a_language_someone_does_not_speak_is_no_request(text, lang):
    assert requested_language(text) == lang


def test_a_relative_asking_whether_to_wait_is_a_yes():
    assert confirm_answer("saddle_numbness", "book_consultation",
                          "should we just wait for her appointment next week?", []) == "yes"


def test_a_name_put_down_differently():
    assert name_correction("can you put me down as Elizabeth Moore instead of Liz", "Liz Moore") \
        == "Elizabeth Moore"


@pytest.mark.parametrize("text, asks", [("fine, I'll book", True), ("go ahead and book me", True),
                                        ("I'll book later", False),
                                        ("let's book another time, bye", False)])
def test_booking_said_with_i_will(text, asks):
    assert asks_to_book(text) is asks
