"""The NLU's shortcuts (issue 19) understand every message exactly as the long way did.

The intent classifier builds its feature row from the sentence features alone, and the learned
red-flag detector scores clauses without scikit-learn's sparse matrices: on the held-out
messages, each must give the same intents, scores and flags as Rasa's and scikit-learn's own
code, or a patient would be understood differently for the sake of speed."""
from __future__ import annotations

import asyncio

import pytest
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.classifier import BlankSafeLogisticRegressionClassifier
from bot.nlu.red_flag_detector import RedFlagDetector, training_examples
from tests.harness import MODEL, ROOT

HELD_OUT = [m.get("text") for path in ("tests/nlu/test_nlu.yml", "tests/nlu/test_nlu_fresh.yml")
            for m in load_data(str(ROOT / path)).training_examples]


def test_the_intent_classifier_ranks_every_held_out_message_as_rasas_own_code(monkeypatch):
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    loop = asyncio.new_event_loop()

    def understood():
        return [loop.run_until_complete(agent.parse_message(text)) for text in HELD_OUT]

    try:
        ours = understood()
        monkeypatch.setattr(BlankSafeLogisticRegressionClassifier, "_create_X",
                            LogisticRegressionClassifier._create_X)
        rasas = understood()
    finally:
        loop.close()
    assert len(ours) > 600
    for text, mine, theirs in zip(HELD_OUT, ours, rasas):
        assert mine["intent"]["name"] == theirs["intent"]["name"], text
        assert [r["name"] for r in mine["intent_ranking"]] == [
            r["name"] for r in theirs["intent_ranking"]], text
        for a, b in zip(mine["intent_ranking"], theirs["intent_ranking"]):
            assert a["confidence"] == pytest.approx(b["confidence"], abs=1e-12), text


def test_every_held_out_parse_is_the_same_without_the_classifiers_shortcuts(monkeypatch):
    """The classifier's row built directly and its probabilities computed without
    scikit-learn's checks (bot/nlu/sentence_features.py, classifier.py): every parse equal,
    confidences bit for bit, to Rasa's `_create_X` and `process` with `predict_proba`."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    loop = asyncio.new_event_loop()
    probes = HELD_OUT + ["", "?!", "I cant feel my legs propperly", "¿qué tal?", "7"]
    try:
        ours = [loop.run_until_complete(agent.parse_message(text)) for text in probes]
        monkeypatch.setattr(BlankSafeLogisticRegressionClassifier, "_create_X",
                            LogisticRegressionClassifier._create_X)
        monkeypatch.setattr(BlankSafeLogisticRegressionClassifier, "_rank",
                            LogisticRegressionClassifier.process)
        theirs = [loop.run_until_complete(agent.parse_message(text)) for text in probes]
    finally:
        loop.close()
    assert ours == theirs
    assert len({p["intent"]["name"] for p in ours}) > 20  # many intents: the check has teeth


def test_the_direct_row_matrix_is_scipys_whenever_it_is_taken():
    """`_in_order` gives scipy's coordinate-built matrix, dtypes included, or declines
    (duplicates, columns out of order): random rows of every dtype the featurizers give."""
    import random

    import numpy as np

    from bot.nlu.sentence_features import _in_order, _summed

    randomly, taken = random.Random(7), 0
    for _ in range(2000):
        height, width = randomly.randint(1, 3), randomly.randint(1, 30)
        rows, columns, ends = [], [], []
        for row in range(height):
            these = sorted(randomly.sample(range(width), randomly.randint(0, min(width, 6))))
            if these and randomly.random() < 0.1:
                these.append(these[-1])  # a duplicate: scipy sums it
            if len(these) > 1 and randomly.random() < 0.1:
                these.reverse()  # out of order: scipy sorts it
            columns += these
            rows += [row] * len(these)
            ends.append(len(columns))
        dtype = randomly.choice([np.float64, np.int64, np.float32])
        data = np.array([randomly.choice([0, 1, 2, 0.5]) for _ in columns], dtype=dtype)
        columns, rows = np.array(columns, dtype=np.int64), np.array(rows, dtype=np.int64)
        direct, scipys = _in_order(data, columns, ends, width), _summed(
            data, rows, columns, height, width)
        if direct is None:
            continue
        taken += 1
        assert (direct.dtype, direct.indices.dtype, direct.indptr.dtype, direct.shape) == (
            scipys.dtype, scipys.indices.dtype, scipys.indptr.dtype, scipys.shape)
        assert direct.indptr.tolist() == scipys.indptr.tolist()
        assert direct.indices.tolist() == scipys.indices.tolist()
        assert direct.data.tolist() == scipys.data.tolist()
    assert 1000 < taken < 2000  # both ways taken


def test_the_red_flag_detector_flags_the_same_clauses_as_scikit_learns_own_code():
    texts, labels = training_examples(none_texts=["hello", "my lower back", "about 6 months"])
    detector = RedFlagDetector(texts, labels)
    assert detector._direct  # the shortcut is the path the assistant takes
    probes = HELD_OUT + texts + ["I cant feel my legs propperly", "", "¿qué?", "7",
                                 "my legs keep getting weaker, and I wet myself"]
    ours = [detector.find(text) for text in probes]
    detector._direct = False  # scikit-learn's transform and predict_proba
    theirs = [detector.find(text) for text in probes]
    assert ours == theirs
    assert sum(1 for found in ours if found) > 50  # it does flag things: the check has teeth


def test_the_count_vectors_sentence_rows_and_every_parse_are_rasas_without_the_token_rows():
    """bot/nlu/count_vectors.py: each featurizer's sentence row is Rasa's own matrix, and no
    token row is left that a component would have read (a parse is the same, field by field)."""
    from rasa.core.agent import Agent
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import count_vectors

    agent = Agent.load(str(MODEL))
    count_vectors.sentence_features_only()
    fast = CountVectorsFeaturizer.process
    rasas_process = fast.__wrapped__
    featurizers = [node._component for node in agent.processor.graph_runner._instantiated_nodes
                   .values() if isinstance(getattr(node, "_component", None),
                                           CountVectorsFeaturizer)]
    tokenizer = next(node._component for node in agent.processor.graph_runner
                     ._instantiated_nodes.values()
                     if type(getattr(node, "_component", None)).__name__ == "SpacyTokenizer")
    spacy = next(node._component for node in agent.processor.graph_runner
                 ._instantiated_nodes.values()
                 if type(getattr(node, "_component", None)).__name__ == "SpacyNLP")
    assert len(featurizers) == 2
    model = spacy.provide()
    probes = HELD_OUT + ["", "   ", "?!", "I cant feel my legs propperly", "¿qué tal?", "7"]
    for text in probes:
        ours, theirs = Message({TEXT: text}), Message({TEXT: text})
        for message in (ours, theirs):
            tokenizer.process(spacy.process([message], model))
        for featurizer in featurizers:
            fast(featurizer, [ours])
            rasas_process(featurizer, [theirs])
        rasa_sentence = [f for f in theirs.features if f.type == FEATURE_TYPE_SENTENCE]
        assert len(ours.features) == len(rasa_sentence), text
        for mine, rasas in zip(ours.features, rasa_sentence):
            assert (mine.type, mine.attribute, mine.origin) == (
                rasas.type, rasas.attribute, rasas.origin), text
            assert mine.features.shape == rasas.features.shape, text
            assert (mine.features.dtype, mine.features.row.dtype, mine.features.col.dtype) == (
                rasas.features.dtype, rasas.features.row.dtype, rasas.features.col.dtype), text
            assert (mine.features != rasas.features).nnz == 0, text

    loop = asyncio.new_event_loop()
    try:
        ours = [loop.run_until_complete(agent.parse_message(text)) for text in probes]
        CountVectorsFeaturizer.process = rasas_process
        theirs = [loop.run_until_complete(agent.parse_message(text)) for text in probes]
    finally:
        CountVectorsFeaturizer.process = fast
        loop.close()
    assert ours == theirs
