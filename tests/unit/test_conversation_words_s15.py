"""Session 15's pure decisions about off-script turns: putting the booking off said around
booking words, a language asked about the clinic's staff, words of starting again, distress in
plain words, sentences of a request that are no name, a scan report asked to be read."""
from __future__ import annotations

import pytest

from bot.booking import asks_to_book, details_in_request
from bot.faq import load_faq
from bot.language import requested_language
from bot.nlu.intent_rules import _defers_last
from bot.nlu.request_words import request_words


@pytest.mark.parametrize("text, defers", [
    ("todavía no quiero hacer la cita, lo quiero pensar", True),
    ("todavía no quiero pedir la cita", True),
    ("De momento no quiero pedir cita, lo consultaré con mi hijo.", True),
    ("I'm not ready to book yet, I'd like to read up on it first.", True),
    ("lo pensaré y les aviso", True),
    ("I'll think about it. no wait, book me in now", False),  # booking said last
    ("book me in please", False),
    ("quiero pedir una cita", False),
])
def test_putting_the_booking_off_is_read_around_booking_words(text, defers):
    assert _defers_last(text) is defers


@pytest.mark.parametrize("text, asks", [
    ("I'd still like to see one of your doctors to be on the safe side", True),
    ("I'd rather see a specialist anyway", True),
    ("can you see me anyway?", True),
    ("ok yeah let's set something up", True),
    ("¿y no me podrían ver de todas formas?", True),
    ("quiero que me vea un doctor", True),
    ("bueno dale, apúntame", True),
    ("do I need to see a doctor about this?", False),  # a question, no request
    ("did you see my message?", False),
    ("I'm not ready to book yet", False),
])
def test_wanting_to_be_seen_after_all_asks_to_book(text, asks):
    assert asks_to_book(text) is asks


@pytest.mark.parametrize("text", [
    "Does the doctor speak Spanish? This is for my mother",
    "does your staff speak spanish",
    "¿el médico habla español?",
    "¿la enfermera habla inglés?",
])
def test_a_language_asked_about_the_staff_is_no_switch(text):
    assert requested_language(text) is None


@pytest.mark.parametrize("text, lang", [
    ("do you speak spanish?", "es"), ("¿habla español?", "es"), ("Spanish please", "es"),
    ("English please", "en"), ("¿hablan español en la clínica?", "es"),
])
def test_a_language_asked_for_still_switches(text, lang):
    assert requested_language(text) == lang


@pytest.mark.parametrize("words, text, found", [
    ("restart", "start over", True), ("restart", "can we begin again", True),
    ("restart", "reset", True), ("restart", "from the top", True),
    ("restart", "empezar de nuevo", True), ("restart", "volver a empezar", True),
    ("restart", "reiniciar", True),
    ("restart", "Reinaldo Cabrera", False), ("restart", "Restrepo Gómez", False),  # names
    ("restart", "555 661 3320", False), ("restart", "yes", False),
    ("distress", "I can't take this anymore, I cry every night", True),
    ("distress", "this is freaking me out", True),
    ("distress", "ya no puedo más, no duermo bien, lloro a cada rato", True),
    ("distress", "estoy desesperada, no sé qué hacer", True),
    ("distress", "no, none of those", False), ("distress", "ibuprofen and physio", False),
    ("distress", "no sé", False), ("distress", "not sure how long", False),
])
def test_words_of_starting_again_and_of_distress(words, text, found):
    assert bool(getattr(request_words(), words).search(text)) is found


@pytest.mark.parametrize("text", [
    "I'd still like to see one of your doctors to be on the safe side, if that's possible.",
    "Alright then. Please make me an appointment.",
    "Quiero una cita. Entonces eso, si es posible.",
])
def test_sentences_of_a_request_are_no_name(text):
    assert "booking_name" not in details_in_request(text)


def test_a_name_said_as_a_sentence_is_still_taken():
    assert details_in_request("Yes, an appointment please. Harold Pike.")["booking_name"] == "Harold Pike"


@pytest.mark.parametrize("lang, words", [
    ("en", "can you just look at my mri report first".split()),
    ("en", "what does my scan mean".split()),
    ("es", "me puede decir que significa mi resonancia".split()),
])
def test_a_report_asked_to_be_read_is_the_results_topic(lang, words):
    assert load_faq(lang=lang).match(words) == ["results"]


def test_bringing_the_report_is_still_what_to_bring():
    assert "results" not in load_faq(lang="en").match("can i bring my mri report".split())
