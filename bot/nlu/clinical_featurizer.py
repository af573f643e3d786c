"""The Rasa component that tells the intent classifier what the clinical vocabularies found."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.components import ReadsSpacyNLPDoc
from bot.nlu.message_durations import durations


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False, model_from="SpacyNLP"
)
class ClinicalFeaturizer(ReadsSpacyNLPDoc, SparseFeaturizer, GraphComponent):
    """Tells the intent classifier what the vocabularies found in a message.

    A message naming a place, a duration, a treatment or a red flag is almost always the
    patient telling their story (`inform`), however it is worded ("advil", "6wks", "crook
    back since the weekend"), while a treatment in a question is asked about. The words
    alone cannot teach that from a few thousand examples; the vocabularies already know.
    One sentence feature per kind of mention (FEATURES), `weight` when found, else 0.
    """

    FEATURES = ("pain_location", "duration", "treatment", "treatment_not_tried", "treatment_none",
                "red_flag", "red_flag_denied", "body_part_other")

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**SparseFeaturizer.get_default_config(), "vocab_dir": None, "weight": 1.0}

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        pass  # nothing to check: the vocabularies are validated when they are loaded

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "ClinicalFeaturizer":
        return cls(config, execution_context.node_name)

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._vocab_dir = Path(config["vocab_dir"]) if config.get("vocab_dir") else None

    def kinds(self, text: str, model: SpacyModel, message: Optional[Message] = None) -> set:
        """The kinds of mention (FEATURES) found in `text`."""
        found = set()
        language, mentions = self.read(text, model, message)
        for mention in mentions:
            if mention.experiencer != "patient":
                continue
            if mention.label == "treatment" and mention.negated:
                found.add("treatment_not_tried")  # asked about, not had, or not wanted
            elif mention.label == "red_flag" and mention.negated:
                found.add("red_flag_denied")
            else:
                found.add(mention.label)
        if durations(text, language):
            found.add("duration")
        return found

    def _featurize(self, message: Message, model: SpacyModel) -> None:
        text = message.get(TEXT)
        if not text or not text.strip():
            return
        import scipy.sparse

        found = self.kinds(text, model, message)
        weight = float(self._config["weight"])
        row = [[weight if kind in found else 0.0 for kind in self.FEATURES]]
        self.add_features_to_message(None, scipy.sparse.coo_matrix(row), TEXT, message)

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        for message in messages:
            self._featurize(message, model)
        return messages

    def process_training_data(self, training_data: TrainingData, model: SpacyModel) -> TrainingData:
        for message in training_data.training_examples:
            self._featurize(message, model)
        return training_data
