"""Session 22's off-script words: the clinic's number asked for to call it oneself (never a call
back), and thanks followed by a question (never the goodbye). Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.faq import ClinicQuestionMatcher
from tests.unit.turns import clinic_topics, intent_after_rules


def _clinic_check(text: str, intent: str):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.7},
                            "intent_ranking": [{"name": intent, "confidence": 0.7}], "entities": []})
    [out] = ClinicQuestionMatcher().process([message])
    topics = [e["value"] for e in out.get("entities") or [] if e["entity"] == "faq_topic"]
    return out.get("intent")["name"], topics


@pytest.mark.parametrize("text", [
    "mejor páseme el teléfono de ustedes y yo les marco",
    "¿cuál es su número? prefiero hablarles yo",
    "just give me the number and I'll ring them myself",
    "what's your phone number, I'd rather call",
])
def test_the_number_asked_for_is_the_phone_answer_not_a_call_back(text):
    assert _clinic_check(text, "request_callback") == ("ask_clinic", ["phone"])


@pytest.mark.parametrize("text", [
    "can someone ring me back please",
    "mejor que me llamen ustedes, mi número es el que les di",
    "could a nurse phone me? give me a time and I'll keep the phone on",
])
def test_a_call_back_asked_for_stays_a_call_back(text):
    assert _clinic_check(text, "request_callback")[0] == "request_callback"


@pytest.mark.parametrize("text", [
    "Muchas gracias. ¿Y atienden los domingos?",
    "thank you so much! any appointments on sundays?",
])
def test_thanks_and_a_day_asked_about_is_the_hours_question(text):
    assert clinic_topics(text) == ["hours"]


@pytest.mark.parametrize("text, intent", [
    ("thanks! is there somewhere I can read more about this?", "thank"),
    ("Gracias, muy amable. ¿Y eso lo cubre el seguro de mi trabajo?", "thank"),
    ("thank you. one more thing, do you have a waiting list?", "goodbye"),
    # the classifier's distress for warm thanks: a question after them is still a question
    ("thanks! is there somewhere I can read more about all this?", "express_distress"),
])
def test_thanks_and_a_question_is_no_goodbye(text, intent):
    assert intent_after_rules(text, intent) == "out_of_scope"


@pytest.mark.parametrize("text, intent", [
    ("thanks, that's everything, bye!", "goodbye"),
    ("muchas gracias, hasta luego", "goodbye"),
    ("thank you so much, that really helped", "thank"),
    ("thanks! talk tomorrow?", "goodbye"),
])
def test_thanks_without_a_question_or_with_a_farewell_stays_as_it_was(text, intent):
    assert intent_after_rules(text, intent) == intent
