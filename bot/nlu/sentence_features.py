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

    rows, columns, values, ends = [], [], [], []
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
        ends.append(sum(len(c) for c in columns))
    if not messages:
        return None
    data, rows, columns = np.concatenate(values), np.concatenate(rows), np.concatenate(columns)
    matrix = _in_order(data, columns, ends, width)
    return _summed(data, rows, columns, len(messages), width) if matrix is None else matrix


def _summed(data, rows, columns, height: int, width: int):
    """scipy's own way: coordinates to a compressed row matrix (duplicates summed, sorted)."""
    import scipy.sparse

    return scipy.sparse.csr_matrix((data, (rows, columns)), shape=(height, width))


def _in_order(data, columns, ends: List[int], width: int):
    """The compressed row matrix `_summed` gives, built directly when it is already in its
    canonical order (each row's columns strictly increasing: nothing to sort or sum, true of
    every featurizer here) and 32-bit indices, which scipy picks for it, hold it; else None.
    Building through coordinates cost ~0.1 ms a message (reports/speed-s22.md)."""
    import numpy as np
    import scipy.sparse

    if max(len(columns), width) >= np.iinfo(np.int32).max:
        return None
    starts = [0, *ends[:-1]]
    steps = np.diff(columns)
    if any(end - start > 1 and bool((steps[start:end - 1] <= 0).any())
           for start, end in zip(starts, ends)):
        return None
    return scipy.sparse.csr_matrix(
        (data, columns.astype(np.int32), np.array([0, *ends], dtype=np.int32)),
        shape=(len(ends), width))
