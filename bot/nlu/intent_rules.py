"""Rasa components that overrule the intent classifier by rule where its words are clear.

Crisis language and a stated age; a question about an option or a request to book misread are
bot/nlu/request_rules.py's (named here too, as config.yml names them)."""
from __future__ import annotations

from typing import List

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.booking import parse_contact
from bot.language import requested_language
from bot.nlu.age import about_an_adult, no_number_is_an_age, says_nothing_of_age, stated_age
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import answer_guess, set_aside
from bot.nlu.request_rules import (  # noqa: F401  moved there; config.yml and tests name them here
    _CALL_ME,
    _CALL_ME_BACK,
    _LEAVING,
    _PERSON,
    OptionQuestionCheck,
    RequestCheck,
    _books_last,
    _defers_last,
)
from bot.nlu.rule_base import _Rule, overrule

# What a request for the other language is not, whatever the classifier ranked next: despair
# or a question about the assistant ("mi hija lee mejor el inglés" is neither).
LANGUAGE_REQUEST_IS_NOT = {"crisis", "possible_crisis", "express_distress", "nlu_fallback"}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class CrisisLanguageOverride(_Rule):
    """Crisis language (bot/nlu/vocab/crisis.yml) makes the intent `crisis`, whatever the
    classifier thought: the crisis line must never depend on a statistical guess.

    The classifier's own `crisis` without such words becomes `possible_crisis`: it reads
    word pieces, so ordinary words ("my ride is here", "drive myself home") can look like
    crisis language to it, and so can real despair the vocabulary misses ("some days I just
    want to die"). So do the vocabulary's `despair_patterns` ("I feel hopeless, there's no
    way out"), whatever the classifier made of them: said beside a detail ("8 months of
    this") they read as an answer to it. Both get the crisis line; the conversation then goes
    on instead of ending (docs/conversation.md). A language asked for in so many words
    ("¿podemos seguir en inglés? mi hija lee mejor el inglés") wins over the classifier's guess,
    never over crisis words; so does its next answer guess on a message clearly about the care
    that says no crisis cue (bot/nlu/crisis_gate.py)."""

    def __init__(self) -> None:
        self._detect = default_detector()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self._detect(message.get(TEXT) or ""):
                overrule(message, "crisis")
            elif (message.get("intent") or {}).get("name") == "crisis" and requested_language(
                    message.get(TEXT) or ""):
                # "¿podemos seguir en inglés? mi hija me está ayudando": a language asked for in
                # so many words wins over the classifier's guess (crisis words won above)
                chosen = next((r for r in message.get("intent_ranking") or []
                               if r.get("name") not in LANGUAGE_REQUEST_IS_NOT),
                              {"name": "inform", "confidence": 1.0})
                ranking = [chosen] + [r for r in message.get("intent_ranking") or []
                                      if r.get("name") not in ("crisis", chosen.get("name"))]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == "crisis" and set_aside(
                    self._detect, message.get(TEXT) or "", message.get("entities") or []):
                # "not sure, years I guess", "Ana Ruiz (I'm her son)": clearly about the care,
                # no crisis cue: the classifier's guess rests on word pieces (crisis_gate.py)
                chosen = answer_guess(message.get("intent_ranking"))
                ranking = [chosen] + [r for r in message.get("intent_ranking") or []
                                      if r.get("name") not in ("crisis", chosen.get("name"))]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == "crisis" or self._detect.may_be(
                    message.get(TEXT) or ""):  # despair beside a detail the classifier took for an answer
                top = message.get("intent") or {}
                possible = {"confidence": 1.0, **top, "name": "possible_crisis"}
                ranking = [possible] + [r for r in message.get("intent_ranking") or []
                                        if r.get("name") not in ("crisis", top.get("name"))]
                message.set("intent", possible, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class StatedAgeCheck(GraphComponent):
    """A stated age decides `age_under_18` against clinic.yml's minimum age: the classifier
    cannot compare numbers ("I'm 52" is not a teenager; "I'm 15" is, whatever else is said).
    Numbers that only count time or tell the time of day ("for 5 years", "a las 2") are not an age, and an
    adult someone else ("for my mum, she's 82") is not a minor, nor is a message giving a
    phone or email ("Marco Villalobos, 555-0191"; "contact me, her daughter, at 555-0177"),
    nor one with no number and no word for being young ("tengo dolor de espalda muy fuerte"):
    the classifier's `age_under_18` for them gives way to its next guess."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "StatedAgeCheck":
        from bot.clinic import load_clinic

        return cls(load_clinic().min_patient_age)

    def __init__(self, min_age: int) -> None:
        self.min_age = min_age

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            age = stated_age(text)
            intent = (message.get("intent") or {}).get("name")
            ranking = [r for r in message.get("intent_ranking") or []
                       if r.get("name") != "age_under_18"]
            if age is not None and age < self.min_age:
                overrule(message, "age_under_18")
            elif intent == "age_under_18" and (age is not None or no_number_is_an_age(text)
                                               or says_nothing_of_age(text)
                                               or about_an_adult(text, self.min_age)
                                               or parse_contact(text)):
                chosen = ranking[0] if ranking else {"name": "inform", "confidence": 1.0}
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking or [chosen], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
