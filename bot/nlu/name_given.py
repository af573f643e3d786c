"""A full name written alone is contact details, whatever the classifier made of its letters."""
from __future__ import annotations

from typing import List

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.names_told import written_as_a_name
from bot.nlu.rule_base import overrule

# What the classifier makes of a name it has never seen ("Greg Olsen" read as a greeting,
# "Wilmer Ávila" as a goodbye, "Marisol Rivera Ortiz" as an answer): word pieces.
NAME_MISREAD_AS = {"greet", "goodbye", "inform", "affirm", "deny", "thank", "nlu_fallback",
                   "out_of_scope", "express_distress", "start_over", "bot_challenge"}
@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class NameGivenCheck(GraphComponent):
    """A full name alone ("Greg Olsen") is `give_contact` when the classifier took it for a
    greeting, a goodbye or an answer: given after the options, it asks to be contacted (the
    booking starts and takes it); at the booking's name question it was already the answer."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "NameGivenCheck":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            if intent in NAME_MISREAD_AS and written_as_a_name(message.get(TEXT) or "",
                                                               message.get("entities") or []):
                overrule(message, "give_contact")
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
