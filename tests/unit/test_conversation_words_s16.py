"""Session 16's pure decisions about off-script turns: English or Spanish asked for inside a
message in the other language (or both), a message mixing both languages, someone typing for
the patient; "I am" is no time of day."""
from __future__ import annotations

import pytest

from bot.booking import names_a_time
from bot.faq import load_faq, simple_words
from bot.language import choose_language, requested_language
from bot.nlu.language import detect_language


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


@pytest.mark.parametrize("text", [
    "my grandfather doesnt speak english at all",
    "I don't speak Spanish, sorry",
    "mi abuela no habla inglés",
    "he can't speak english well",
])
def test_a_language_someone_does_not_speak_is_no_request(text):
    assert requested_language(text) is None


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


@pytest.mark.parametrize("lang, text", [
    ("en", "hello, I'm typing for my dad, he's not good with computers"),
    ("en", "This is his wife writing, he asked me to do this on his behalf"),
    ("en", "my grandma can't type so I'll answer for her"),
    ("es", "hola, le escribo de parte de mi suegra que no sabe usar el celular"),
    ("es", "soy la hija, estoy escribiendo por mi mamá"),
    ("es", "mi nieto me ayuda a escribir"),
])
def test_someone_typing_for_the_patient_is_the_proxy_topic(lang, text):
    assert load_faq(lang=lang).match(simple_words(text)) == ["proxy"]


@pytest.mark.parametrize("lang, text", [
    ("en", "can I bring my mother to the appointment?"),
    ("en", "my mother had the same back problem"),
    ("es", "me duele la parte baja de la espalda"),
])
def test_a_relative_named_without_typing_for_them_is_no_proxy(lang, text):
    assert "proxy" not in load_faq(lang=lang).match(simple_words(text))


@pytest.mark.parametrize("text, time", [
    ("Is there a lift? I am in a wheelchair.", False),  # "am" the verb, no time
    ("I am free whenever, I am retired", False),
    ("9am please", True),
    ("after 5 pm", True),
    ("mornings, a.m. is best", True),
])
def test_am_alone_is_no_time_of_day(text, time):
    assert names_a_time(text) is time
