"""Shared pieces of the off-script and confirming-answer tests: the clinic-question topics a
message matches (either language), a learned red-flag guess as the detector gives it, and an
intent after the request rules (RequestCheck) have looked at the message."""
from __future__ import annotations

from functools import lru_cache

from rasa.shared.nlu.training_data.message import Message

from bot.faq import load_faq, simple_words
from bot.nlu.intent_rules import RequestCheck

DECIDED = {"triage_level": "consultation"}  # a conversation whose level is known


@lru_cache(maxsize=1)
def _faqs():
    return load_faq(), load_faq(lang="es")


def clinic_topics(text):
    """The clinic-question topics `text` matches, English first then Spanish."""
    english, spanish = _faqs()
    words = simple_words(text)
    return english.match(words) or spanish.match(words)


def learned_guess(flag: str, p: float):
    return {"entity": "red_flag_unsure", "value": flag, "reason": "learned", "confidence_entity": p}


def intent_after_rules(text: str, intent: str, entities=None) -> str:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.7},
                            "intent_ranking": [{"name": intent, "confidence": 0.7}],
                            "entities": entities or []})
    [out] = RequestCheck().process([message])
    return out.get("intent")["name"]
