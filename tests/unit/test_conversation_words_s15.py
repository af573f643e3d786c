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


@pytest.mark.parametrize("text", [
    "todavía no quiero hacer la cita, lo quiero pensar",
    "todavía no quiero pedir la cita",
    "De momento no quiero pedir cita, lo consultaré con mi hijo.",
    "I'm not ready to book yet, I'd like to read up on it first.",
    "lo pensaré y les aviso",
])
def test_putting_off_said_around_booking_words_defers(text):
    assert _defers_last(text)


@pytest.mark.parametrize("text", [
    "I'll think about it. no wait, book me in now",
    "book me in please",
    "quiero pedir una cita",
])
def test_booking_said_last_or_alone_does_not_defer(text):
    assert not _defers_last(text)


@pytest.mark.parametrize("text", [
    "I'd still like to see one of your doctors to be on the safe side",
    "I'd rather see a specialist anyway",
    "can you see me anyway?",
    "ok yeah let's set something up",
    "¿y no me podrían ver de todas formas?",
    "quiero que me vea un doctor",
    "bueno dale, apúntame",
])
def test_wanting_to_be_seen_after_all_asks_to_book(text):
    assert asks_to_book(text)


@pytest.mark.parametrize("text", [
    "do I need to see a doctor about this?",
    "did you see my message?",
    "I'm not ready to book yet",
])
def test_questions_and_refusals_do_not_ask_to_book(text):
    assert not asks_to_book(text)


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


@pytest.mark.parametrize("text", ["start over", "can we begin again", "reset", "from the top",
                                  "empezar de nuevo", "volver a empezar", "reiniciar"])
def test_words_of_starting_again(text):
    assert request_words().restart.search(text)


@pytest.mark.parametrize("text", ["Reinaldo Cabrera", "Restrepo Gómez", "555 661 3320", "yes"])
def test_names_and_answers_are_no_starting_again(text):
    assert not request_words().restart.search(text)


@pytest.mark.parametrize("text", [
    "I can't take this anymore, I cry every night",
    "this is freaking me out",
    "ya no puedo más, no duermo bien, lloro a cada rato",
    "estoy desesperada, no sé qué hacer",
])
def test_distress_in_plain_words(text):
    assert request_words().distress.search(text)


@pytest.mark.parametrize("text", ["no, none of those", "ibuprofen and physio", "no sé",
                                  "not sure how long"])
def test_answers_are_no_distress(text):
    assert not request_words().distress.search(text)


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
