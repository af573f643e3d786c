"""Which messages are questions about an option (bot/option_select.asks_about_an_option): the
rule that takes a short option question back from a classifier that read it as a goodbye."""
from __future__ import annotations

import pytest

from bot.content import load_content
from bot.option_select import asks_about_an_option

CONTENT = load_content()


@pytest.mark.parametrize("text", [
    "will it hurt a lot?",
    "could I drive after?",
    "is a facet injection risky",
    "and how often can they redo it?",
    "what are the side effects",
])
def test_a_question_about_an_option_or_its_aspect(text):
    assert asks_about_an_option(CONTENT, text)


@pytest.mark.parametrize("text", [
    "bye for now",
    "never mind, thanks anyway",
    "it hurts when I drive",  # a statement about the pain, not a question
    "are you a real person?",
    "no thanks",
    "",
])
def test_not_a_question_about_an_option(text):
    assert not asks_about_an_option(CONTENT, text)
