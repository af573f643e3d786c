"""The intent classifier: Rasa's logistic regression, safe on a message with no features."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import RANKING_LENGTH

from bot.nlu.sentence_features import has_text_features, sentence_feature_matrix


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class BlankSafeLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Rasa's LogisticRegressionClassifier, minus its crash on a message with no features,
    plus its regularisation strength `C` as a setting.

    An empty or blank message (or only punctuation) has no tokens, so no features, and the
    stock classifier raises (a 500 to the patient). Such a message is classified as
    `nlu_fallback`, which every rule and form answers kindly.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config, name, model_storage, resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.C = float(self.config["C"])

    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> "BlankSafeLogisticRegressionClassifier":
        component = super().load(*args, **kwargs)
        coef = getattr(component.clf, "coef_", None)
        if coef is not None:
            # scikit-learn multiplies the features by `coef_.T`; scipy copies that into one
            # contiguous block for every message (features x intents, ~1 ms). Stored column
            # first, `coef_.T` is that block already: the same numbers, the same products.
            import numpy as np

            component.clf.coef_ = np.asfortranarray(coef)
        return component

    def _create_X(self, messages: List[Message]):
        """Rasa's matrix, from the sentence features alone (bot/nlu/sentence_features.py)."""
        matrix = sentence_feature_matrix(messages)
        return super()._create_X(messages) if matrix is None else matrix

    def process(self, messages: List[Message]) -> List[Message]:
        classifiable = [m for m in messages if has_text_features(m)]
        for message in messages:
            if message not in classifiable:
                fallback = {"name": "nlu_fallback", "confidence": 1.0}
                message.set("intent", fallback, add_to_output=True)
                message.set("intent_ranking", [fallback], add_to_output=True)
        if classifiable:
            self._rank(classifiable)
        return messages

    def _rank(self, messages: List[Message]) -> None:
        """Rasa's `LogisticRegressionClassifier.process`, with the probabilities from
        `probabilities` (the same numbers, without scikit-learn's checks on every message)."""
        probas = probabilities(self.clf, self._create_X(messages))
        for idx, message in enumerate(messages):
            ranking = sorted(({"name": k, "confidence": v}
                              for k, v in zip(self.clf.classes_, probas[idx])),
                             key=lambda e: -e["confidence"])
            intent = ranking[0]
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent", intent, add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)


def probabilities(clf: Any, X: Any) -> Any:
    """`clf.predict_proba(X)`: for a multinomial model and a float64 row matrix of its width
    with finite values, the same products and softmax scikit-learn computes (its
    `decision_function`: `X @ coef_.T + intercept_`), without `check_array`'s validation and
    `check_is_fitted` (~0.1 ms a message, reports/speed-s22.md); anything else, scikit-learn's
    own way. tests/unit/test_nlu_shortcuts.py compares the two bit for bit."""
    import numpy as np
    import scipy.sparse
    from sklearn.utils.extmath import softmax

    coef = getattr(clf, "coef_", None)
    multinomial = clf.multi_class == "multinomial" or (
        clf.multi_class == "auto" and clf.classes_.size > 2 and clf.solver != "liblinear")
    if (not multinomial or coef is None or type(X) is not scipy.sparse.csr_matrix
            or X.dtype != np.float64 or X.shape[1] != getattr(clf, "n_features_in_", None)
            or coef.shape[0] < 2 or not np.isfinite(X.data).all()):
        return clf.predict_proba(X)
    return softmax(X @ coef.T + clf.intercept_, copy=False)
