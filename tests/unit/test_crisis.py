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
    # anyone the writer thinks would be better off without them, in either language
    "honestly my kids would be better off without me", "they'd all be better off without me",
    "a veces pienso que mi familia estaría mejor sin mí", "mis hijos estarían mejor sin mi",
    "some days I just want to die", "i wish i wouldnt wake up", "honestly I wish I could just die",
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
    "the office is better off without me on Fridays? no, I mean I work from home",
    "estaría mejor sin dolor", "my back was better off without the brace",
    "I don't want to die from this, is it serious?",
])
def test_ordinary_or_negated_words_are_not_a_crisis(text):
    assert not DETECT(text)


@pytest.mark.parametrize("text, may_be", [
    ("I feel hopeless, like there's no way out", True),
    ("it's been 8 months and some days I don't see the point of going on", True),
    ("sometimes i think about just not being here", True),
    ("ya no le veo sentido a nada, no veo salida", True),
    ("he perdido las ganas de vivir con este dolor", True),
    ("I'm not hopeless, just tired of it", False),
    ("it's for my husband, he's hopeless with computers", False),
    ("I'm hopeless with these computer forms. Could somebody ring me instead?", False),
    ("I just feel hopeless honestly", True),
    ("I'd like to see the point where it starts on a diagram", False),
    ("ibuprofen and physio, 8 months", False),
])
def test_despair_that_may_be_crisis_language(text, may_be):
    assert DETECT.may_be(text) is may_be
