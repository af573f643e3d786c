import pytest

from bot.nlu.crisis import CrisisDetector

DETECT = CrisisDetector()


@pytest.mark.parametrize("text", [
    "I can't go on anymore", "honestly I'd rather be dead", "I want to end it all",
    "I'm thinking of killing myself", "I don't want to live anymore",
    "I've thought about taking all my tablets at once", "I'm not safe right now",
    "being alive feels pointless now", "the pain makes me feel suicidal",
    "I CAN'T TAKE IT ANYMORE", "everyone would be better off without me",
    # issue 16: keeping a store of medicine, not wanting to be here, curly apostrophes
    "I've been saving up my painkillers just in case", "stockpiling my sleeping pills",
    "i dont wanna be here anymore", "I don’t want to be here any more",
    "thinking about ending it all", "I have enough tablets to not wake up",
])
def test_crisis_language_is_recognised(text):
    assert DETECT(text)


@pytest.mark.parametrize("text", [
    "I'm not suicidal, just in a lot of pain", "I've never thought of hurting myself",
    "my back is killing me", "I wet myself twice today", "I hurt my back lifting",
    "the pain is pointless to describe", "", "😀" * 50,
    "I saved all my receipts for the insurance", "I saved up for the consultation",
    "I don't want to be here all day, how long is the visit?",
    "I have enough tablets to last until Friday", "I put my tablets away in the cupboard",
    "I've been collecting my meds from the pharmacy",
])
def test_ordinary_or_negated_words_are_not_a_crisis(text):
    assert not DETECT(text)
