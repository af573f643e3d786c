"""The Rasa component that puts the message's language (bot/nlu/language.py) in its parse data."""
from __future__ import annotations

from typing import List

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language import DETECTED, detect_language


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class LanguageDetector(GraphComponent):
    """`language_detected` (bot/nlu/language.py) in every message's parse data, training
    examples included: the clinical components read it to pick the vocabulary, and the
    LanguagePolicy (bot/dialogue.py) to set the `language` slot."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "LanguageDetector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            message.set(DETECTED, detect_language(message.get(TEXT) or ""), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
