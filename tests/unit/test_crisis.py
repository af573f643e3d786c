import pytest

from bot.nlu.crisis import CrisisDetector

DETECT = CrisisDetector()


@pytest.mark.parametrize("text", [
    "I can't go on anymore", "honestly I'd rather be dead", "I want to end it all",
    "I'm thinking of killing myself", "I don't want to live anymore",
    "I've thought about taking all my tablets at once", "I'm not safe right now",
    "being alive feels pointless now", "the pain makes me feel suicidal",
    "I CAN'T TAKE IT ANYMORE", "everyone would be better off without me",
])
def test_crisis_language_is_recognised(text):
    assert DETECT(text)


@pytest.mark.parametrize("text", [
    "I'm not suicidal, just in a lot of pain", "I've never thought of hurting myself",
    "my back is killing me", "I wet myself twice today", "I hurt my back lifting",
    "the pain is pointless to describe", "", "😀" * 50,
])
def test_ordinary_or_negated_words_are_not_a_crisis(text):
    assert not DETECT(text)
