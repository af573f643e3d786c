"""Rasa's CountVectorsFeaturizer without the per-token matrices no component here reads.

For each message's text Rasa's `CountVectorsFeaturizer.process` builds two sparse matrices:
the sentence row (the whole message's word or character n-gram counts) and a row a token (the
sequence features, which DIET-like classifiers read). This pipeline's only reader of the
featurizers' output is the intent classifier, which reads the sentence rows alone
(bot/nlu/sentence_features.py): building the token rows was about half of both featurizers'
time a message. `sentence_features_only` makes a parsed message's text carry its sentence row
only, the same matrix computed the same way; every other attribute, and training, go through
Rasa's own code unchanged. tests/unit/test_nlu_shortcuts.py compares the two ways.
"""
from __future__ import annotations

from typing import Any, List

_applied = False


def sentence_features_only() -> None:
    """Replaces `CountVectorsFeaturizer.process` (parsing a message) as described above;
    `process_training_data` keeps Rasa's own `process`. Once per process."""
    global _applied
    if _applied:
        return
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
    from rasa.shared.nlu.constants import TEXT

    from bot.rasa_speedups import _replacing

    original_process = CountVectorsFeaturizer.process

    @_replacing(original_process)
    def process(self: CountVectorsFeaturizer, messages: List[Any]) -> List[Any]:
        if self.vectorizers is None:  # Rasa's error message
            return original_process(self, messages)
        for message in messages:
            for attribute in self._attributes:
                tokens = self._get_processed_message_tokens_by_attribute(message, attribute)
                vectorizer = self.vectorizers.get(attribute)
                if attribute != TEXT or not tokens or vectorizer is None:
                    sequence, sentence = self._create_features(attribute, [tokens])
                    self.add_features_to_message(sequence[0], sentence[0], attribute, message)
                    continue
                # Rasa's sentence row (`_create_features`), without the token rows beside it.
                sentence_row = vectorizer.transform([" ".join(tokens)])
                sentence_row.sort_indices()
                self.add_features_to_message(None, sentence_row.tocoo(), attribute, message)
        return messages

    @_replacing(CountVectorsFeaturizer.process_training_data)
    def process_training_data(self: CountVectorsFeaturizer, training_data: Any) -> Any:
        original_process(self, training_data.training_examples)
        return training_data

    CountVectorsFeaturizer.process = process
    CountVectorsFeaturizer.process_training_data = process_training_data
    _applied = True
