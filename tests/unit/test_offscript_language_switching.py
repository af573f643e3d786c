"""Switching language: what asks for English or Spanish and what keeps the conversation's language.

A language asked for inside a message in the other language or a mix, a language asked about the
staff or one someone does not speak (no request), a surname that names a language, a lone
greeting then Spanish, a settled conversation kept on a word or two of the other language.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.language import choose_language, requested_language, settled_by
from bot.nlu.language import detect_language


@pytest.mark.parametrize("first, later", [
    ("hello", "me duele mucho la espalda baja"),
    ("hi", "tengo dolor de cuello desde hace meses"),
    ("hey", "tengo back pain, en la parte de abajo"),
])
def test_a_lone_english_greeting_then_spanish_is_a_spanish_conversation(first, later):
    current = choose_language(None, detect_language(first), first)
    assert current == "en"
    assert not settled_by(current, [first])
    assert choose_language(current, detect_language(later), later,
                           settled=settled_by(current, [first])) == "es"


def test_a_settled_english_conversation_keeps_english_on_a_short_spanish_word_or_two():
    earlier = ["hi, my lower back has been sore for a few weeks"]
    assert settled_by("en", earlier)
    later = "gracias amigo"
    assert choose_language("en", detect_language(later), later, settled=True) == "en"


def test_a_message_read_again_at_a_later_turn_counts_the_same():
    """The language policy reads every earlier message again at each turn (remembered): what
    one reader does with a message's counts never changes the next reading."""
    from bot.nlu.language import language_words

    text = "hola, my lower back me está matando"
    first = language_words(text)
    first["es"] = 0
    assert language_words(text) == {"en": 3, "es": 2, "other": 0}
    assert choose_language("es", detect_language("nope, none of that"), "nope, none of that",
                           mixed_before=True) == "es"


@pytest.mark.parametrize("text", [
    "Does the doctor speak Spanish? This is for my mother",
    "does your staff speak spanish",
    "¿el médico habla español?",
    "¿la enfermera habla inglés?",
    "my grandfather doesnt speak english at all",
    "I don't speak Spanish, sorry",
    "mi abuela no habla inglés",
    "he can't speak english well",
])
def test_a_language_asked_about_or_not_spoken_is_no_request(text):
    assert requested_language(text) is None


@pytest.mark.parametrize("text, lang", [
    ("do you speak spanish?", "es"), ("¿habla español?", "es"), ("Spanish please", "es"),
    ("English please", "en"), ("¿hablan español en la clínica?", "es"),
    ("mi mamá no habla inglés", None),
                                        ("my husband doesn't speak Spanish", None),
                                        ("in Spanish please", "es"),
])
def test_the_language_a_message_asks_for(text, lang):
    assert requested_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("oiga, ¿podemos cambiar a inglés? lo leo mejor", "en"),
    ("could we switch to English, mi español es muy básico", "en"),
    ("no, English por favor", "en"),
    ("mejor en english porfa", "en"),
    ("ya no, in English por favor, gracias", "en"),
    ("let's change to Spanish please, my English is rusty", "es"),
    ("sorry, Spanish por favor", "es"),
    ("pasemos a español, es más fácil", "es"),
])
def test_a_language_asked_for_in_a_mixed_message_is_a_request(text, lang):
    assert requested_language(text) == lang
    other = "es" if lang == "en" else "en"
    assert choose_language(other, detect_language(text), text) == lang


@pytest.mark.parametrize("current, text", [
    ("en", "sí, I did physical therapy pero no me ayudó mucho"),
    ("en", "tengo back pain since last year, la verdad es muy fuerte"),
    ("en", "the pills no me hacen nada, and the heat helps a little"),
    ("es", "the pain se queda en la espalda, doesn't go down my leg"),
    ("es", "I took advil pero no sirvió de nada"),
])
def test_a_message_mixing_both_languages_keeps_the_conversation_s_language(current, text):
    assert choose_language(current, detect_language(text), text) == current


def test_a_clear_message_in_the_other_language_still_changes_a_settled_one():
    text = "me duele mucho la espalda desde hace dos semanas y no puedo dormir"
    assert choose_language("en", detect_language(text), text) == "es"


def test_a_surname_is_no_request_for_spanish():
    assert requested_language("Ana Castellano") is None
    assert requested_language("Luis Castellano Ruiz") is None
    assert requested_language("¿me puede atender en castellano?") == "es"
    assert requested_language("castellano por favor") == "es"


def test_a_message_mixing_spanish_into_english_sets_spanish_and_keeps_it():
    first = "hola, my neck me duele mucho"
    assert choose_language(None, detect_language(first), first) == "es"
    later = "no, nothing like that at all"
    assert choose_language("es", detect_language(later), later, mixed_before=True) == "es"
    # without the mixing, a clear English message still changes it; a request always does
    assert choose_language("es", detect_language(later), later) == "en"
    assert choose_language("es", detect_language("English please"), "English please",
                           mixed_before=True) == "en"
