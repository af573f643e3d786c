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

import weakref
from typing import Any, Callable, List

_applied = False
# vectorizer -> its analyzer (scikit-learn builds it again for every transform)
_analyzers: "weakref.WeakKeyDictionary[Any, Callable]" = weakref.WeakKeyDictionary()


def sentence_row(vectorizer: Any, document: str) -> Any:
    """`vectorizer.transform([document])`, indices sorted, as a coordinate matrix (what Rasa's
    `_create_features` adds). For a fitted scikit-learn `CountVectorizer` the counts are made
    here as its `_count_vocab` makes them (the same analyzer, built once per vectorizer; the
    same int counts and dtype; columns in order), without its compressed matrix and checks
    (~0.1 ms a message, reports/speed-s22.md); anything else goes through `transform`.
    tests/unit/test_nlu_shortcuts.py compares the two, dtypes included."""
    import numpy as np
    import scipy.sparse
    from sklearn.feature_extraction.text import CountVectorizer

    vocabulary = getattr(vectorizer, "vocabulary_", None)
    if type(vectorizer) is not CountVectorizer or not vocabulary:
        row = vectorizer.transform([document])
        row.sort_indices()
        return row.tocoo()
    analyze = _analyzers.get(vectorizer)
    if analyze is None:
        analyze = _analyzers[vectorizer] = vectorizer.build_analyzer()
    counts: dict = {}
    for feature in analyze(document):
        index = vocabulary.get(feature)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    columns = sorted(counts)
    data = np.array([counts[c] for c in columns], dtype=np.intc).astype(vectorizer.dtype)
    if vectorizer.binary:
        data.fill(1)
    return scipy.sparse.coo_matrix(
        (data, (np.zeros(len(columns), dtype=np.int32), np.array(columns, dtype=np.int32))),
        shape=(1, len(vocabulary)))


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
                self.add_features_to_message(None, sentence_row(vectorizer, " ".join(tokens)),
                                             attribute, message)
        return messages

    @_replacing(CountVectorsFeaturizer.process_training_data)
    def process_training_data(self: CountVectorsFeaturizer, training_data: Any) -> Any:
        original_process(self, training_data.training_examples)
        return training_data

    CountVectorsFeaturizer.process = process
    CountVectorsFeaturizer.process_training_data = process_training_data
    _applied = True
