"""A message's sentence features as the intent classifier reads them, without Rasa's detour.

Rasa's `LogisticRegressionClassifier` builds its row with `Message.get_sparse_features`, which
also deep-copies and joins the per-token (sequence) matrices that the classifier never reads:
about two thirds of the classifier's time on a chat message (reports/bench-profile-in-process.md).
`sentence_feature_matrix` builds the same matrix from the sentence features alone;
tests/unit/test_nlu_shortcuts.py compares the two on every held-out message."""
from __future__ import annotations

from typing import List

from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message


def _sentence_features(message: Message) -> list:
    return [f for f in message.features  # in the order Rasa combines them
            if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]


def has_text_features(message: Message) -> bool:
    """Any non-empty sparse sentence feature of the text (what the classifier reads), checked
    on each featurizer's own matrix: combining them here cost more than classifying."""
    return any(f.is_sparse() and f.features.shape[-1] > 0 and f.features.nnz > 0
               for f in _sentence_features(message))


def sentence_feature_matrix(messages: List[Message]):
    """The messages' sparse sentence features side by side, a row a message (the matrix Rasa's
    `_create_X` makes); None when a message has dense sentence features (none in this
    pipeline) or the messages' widths differ: then Rasa's own way is taken."""
    import numpy as np
    import scipy.sparse

    rows, columns, values = [], [], []
    width = None
    for row, message in enumerate(messages):
        features = _sentence_features(message)
        if not all(f.is_sparse() for f in features):
            return None
        offset = 0
        for feature in features:
            matrix = feature.features.tocoo()
            rows.append(np.full(matrix.nnz, row))
            columns.append(matrix.col + offset)
            values.append(matrix.data)
            offset += matrix.shape[-1]
        if width not in (None, offset):
            return None
        width = offset
    if not messages:
        return None
    return scipy.sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
        shape=(len(messages), width))
