"""A learned red-flag detector beside the vocabulary, for recall on words nobody wrote down.

Character n-grams (typos, "temprature") and word pairs ("give out"), TF-IDF, a logistic
regression over eight classes: the seven red flags and `none`. One per language: it learns
from that language's vocabulary phrases (vocab/red_flags.yml, vocab/es/red_flags.yml), its
labelled sentences (red_flag_examples.yml beside them) and, as `none`, the training messages
in which the vocabulary finds no red flag. Trained when the NLU component starts (about a
second each); never on a test or blind set.

It never decides on its own: a clause where the vocabulary found no red flag at all but the
detector gives a flag at least `threshold` becomes `red_flag_unsure` (reason "learned"), and
the assistant asks the patient to confirm it. Measured separately in reports/nlu.md.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, List, Tuple

import yaml

from bot.contract import RED_FLAGS

VOCAB_DIR = Path(__file__).parent / "vocab"
_CLAUSE = re.compile(r"[^.!?;\n]+(?:[.!?;\n]+|$)")
# where one clause ends inside a sentence: a comma and the language's "but"
_SPLIT_WORDS = {
    "en": re.compile(r",|\bbut\b|\bthough\b|\balthough\b", re.I),
    "es": re.compile(r",|\bpero\b|\baunque\b|\bsino\b|\bbut\b", re.I),
}


def training_examples(vocab_dir: Path = VOCAB_DIR, none_texts: Iterable[str] = ()) -> Tuple[List[str], List[str]]:
    """(texts, labels) from the vocabulary, the labelled sentences and `none_texts`."""
    texts, labels = [], []
    flags = yaml.safe_load((vocab_dir / "red_flags.yml").read_text(encoding="utf-8")) or {}
    for flag in RED_FLAGS:
        for phrase in flags.get(flag) or []:
            if "<" not in phrase:  # placeholders are matcher patterns, not words
                texts.append(phrase.lstrip("="))
                labels.append(flag)
    path = vocab_dir / "red_flag_examples.yml"
    examples = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(examples) - set(RED_FLAGS) - {"none"}
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    for label, sentences in examples.items():
        if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
            raise ValueError(f"{path.name}: {label} must be a list of quoted sentences")
        texts += sentences
        labels += [label] * len(sentences)
    for text in none_texts:
        texts.append(text)
        labels.append("none")
    return texts, labels


class RedFlagDetector:
    def __init__(self, texts: List[str], labels: List[str], threshold: float = 0.6,
                 language: str = "en"):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        self.threshold = threshold
        self._split_words = _SPLIT_WORDS[language]
        self._model = make_pipeline(
            make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True,
                                       lowercase=True),
                       TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced", random_state=42),
        )
        self._model.fit(texts, labels)
        self.classes = list(self._model.classes_)
        # At prediction the union's vectorizers and the classifier are called directly: the
        # pipeline's FeatureUnion goes through joblib for every message, about a tenth of
        # the detector's time for the same numbers.
        self._vectorizers = [v for _, v in self._model.steps[0][1].transformer_list]
        self._classifier = self._model.steps[-1][1]

    def probabilities(self, texts: List[str]):
        """Per text, the probability of each of `classes`."""
        import scipy.sparse

        features = scipy.sparse.hstack([v.transform(texts) for v in self._vectorizers]).tocsr()
        return self._classifier.predict_proba(features)

    def clauses(self, text: str) -> List[Tuple[int, int]]:
        spans = []
        for m in _CLAUSE.finditer(text):
            start = m.start()
            for cut in self._split_words.finditer(m.group(0)):
                spans.append((start, m.start() + cut.start()))
                start = m.start() + cut.end()
            spans.append((start, m.end()))
        return [(a, b) for a, b in spans if text[a:b].strip()]

    def find(self, text: str, skip: Iterable[Tuple[int, int]] = ()) -> List[Tuple[str, int, int, float]]:
        """(flag, start, end, probability) for clauses scored close to a flag; clauses that
        overlap `skip` (where the vocabulary already found a red flag) are left alone."""
        skip = list(skip)
        spans = [(a, b) for a, b in self.clauses(text)
                 if not any(a < e and s < b for s, e in skip)]
        if not spans:
            return []
        found = []
        for (a, b), probs in zip(spans, self.probabilities([text[a:b] for a, b in spans])):
            flag, p = max(((f, p) for f, p in zip(self.classes, probs) if f != "none"),
                          key=lambda x: x[1])
            if p >= self.threshold:
                found.append((flag, a, b, round(float(p), 3)))
        return found
