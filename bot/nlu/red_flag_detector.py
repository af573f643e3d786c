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
from typing import Any, Callable, Dict, Iterable, List, Optional, Text, Tuple

import yaml

from bot.contract import RED_FLAGS
from bot.nlu.spelling import closest, deletion_index

VOCAB_DIR = Path(__file__).parent / "vocab"
_CLAUSE = re.compile(r"[^.!?;\n]+(?:[.!?;\n]+|$)")
# where one clause ends inside a sentence: a comma and the language's "but"
_SPLIT_WORDS = {
    "en": re.compile(r",|\bbut\b|\bthough\b|\balthough\b", re.I),
    "es": re.compile(r",|\bpero\b|\baunque\b|\bsino\b|\bbut\b", re.I),
}


SEEN_FILE = "red_flag_seen.yml"  # messages of the blind rounds already scored (evaluate_detector --write-seen)


def training_examples(vocab_dir: Path = VOCAB_DIR, none_texts: Iterable[str] = (),
                      seen: bool = True) -> Tuple[List[str], List[str]]:
    """(texts, labels) from the vocabulary, the labelled sentences (and, with `seen`, the
    seen blind rounds' messages, when that file exists) and `none_texts`."""
    texts, labels = [], []
    flags = yaml.safe_load((vocab_dir / "red_flags.yml").read_text(encoding="utf-8")) or {}
    for flag in RED_FLAGS:
        for phrase in flags.get(flag) or []:
            if "<" not in phrase:  # placeholders are matcher patterns, not words
                texts.append(phrase.lstrip("="))
                labels.append(flag)
    for path in [vocab_dir / "red_flag_examples.yml"] + [vocab_dir / SEEN_FILE] * seen:
        if path.name == SEEN_FILE and not path.exists():
            continue
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
                 language: str = "en", territory: Optional[Dict[str, Any]] = None):
        """`territory`: the language's red_flag_territory.yml (load_territory); its words join
        each flag's own words (`flag_words`), without which a clause is never asked about."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        self.threshold = threshold
        self._language = language
        self._split_words = _SPLIT_WORDS[language]
        self._model = make_pipeline(
            make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True,
                                       lowercase=True),
                       TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced", random_state=42),
        )
        self._model.fit(texts, labels)
        self._words = flag_words(texts, labels, territory or {})
        self._spelling = {flag: deletion_index(w for w in words
                                        if isinstance(w, str) and len(w) >= 5)
                          for flag, words in self._words.items()}
        self.classes = list(self._model.classes_)
        # At prediction the features and the classifier's scores are computed here directly
        # (_scores): the same TF-IDF weights and the same softmax as scikit-learn's
        # transform and predict_proba (tests/unit/test_red_flag_detector_speed.py compares the
        # two), without building sparse matrices for each clause, which cost about three
        # quarters of the detector's time on a chat message.
        self._vectorizers = [v for _, v in self._model.steps[0][1].transformer_list]
        self._classifier = self._model.steps[-1][1]
        self._terms = []
        weights = self._classifier.coef_.T.copy()  # a row of class weights per feature
        offset = 0
        for vectorizer in self._vectorizers:
            vocabulary = vectorizer.vocabulary_
            self._terms.append((vectorizer.build_analyzer(), vocabulary, vectorizer.idf_,
                                weights[offset:offset + len(vocabulary)]))
            offset += len(vocabulary)
        # Multinomial (softmax) probabilities: what LogisticRegression(lbfgs) predicts for
        # more than two classes; anything else keeps scikit-learn's own path.
        self._direct = (self._classifier.solver == "lbfgs" and len(self.classes) > 2
                        and self._classifier.multi_class in ("auto", "multinomial")
                        and all(v.sublinear_tf and v.use_idf and v.norm == "l2"
                                for v in self._vectorizers))

    def _probabilities_sklearn(self, texts: List[str]):
        import scipy.sparse

        features = scipy.sparse.hstack([v.transform(texts) for v in self._vectorizers]).tocsr()
        return self._classifier.predict_proba(features)

    def _scores(self, text: str):
        import numpy as np
        from sklearn.utils.extmath import softmax

        decision = self._classifier.intercept_.astype(float)
        for analyzer, vocabulary, idf, weights in self._terms:
            counts: Dict[int, int] = {}
            for term in analyzer(text):
                column = vocabulary.get(term)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
            values = (np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))
                      + 1.0) * idf[columns]
            values /= np.sqrt(values @ values)
            decision = decision + values @ weights[columns]
        return softmax(decision[np.newaxis, :], copy=False)[0]

    def probabilities(self, texts: List[str]):
        """Per text, the probability of each of `classes`."""
        if not self._direct:
            return self._probabilities_sklearn(texts)
        return [self._scores(text) for text in texts]

    def clauses(self, text: str) -> List[Tuple[int, int]]:
        spans = []
        for m in _CLAUSE.finditer(text):
            start = m.start()
            for cut in self._split_words.finditer(m.group(0)):
                spans.append((start, m.start() + cut.start()))
                start = m.start() + cut.end()
            spans.append((start, m.end()))
        return [(a, b) for a, b in spans if text[a:b].strip()]

    def in_territory(self, flag: str, clause: str) -> bool:
        """Whether `clause` holds a word of `flag`'s own (or a misspelling of one of 5 letters
        or more that is no ordinary word): "been meaning to" holds none of the toilet's, "Icy
        Hot" none of a fever's, "swearing" is no misspelt "sweating", "piernas" no "pierna"."""
        from bot.nlu.drugs import english_words, spanish_words

        words = self._words.get(flag, set())
        found = re.findall(r"[^\W\d_]+", _plain(clause))
        for phrase in words:
            if isinstance(phrase, tuple) and (
                    any(_has(found, place) for place in phrase[1]) and any(
                        _has(found, feeling) for feeling in phrase[2])
                    if phrase[0] == "pair" else _has(found, phrase)):
                return True
        for token in found:
            if token in words or any(_is(token, w) for w in words
                                     if isinstance(w, str) and w.endswith("*")):
                return True
            if len(token) >= 5 and closest(token, self._spelling.get(flag, {})) and token not in (
                    spanish_words() if self._language == "es" else english_words()):
                return True
        return False

    def find(self, text: str, skip: Iterable[Tuple[int, int]] = (),
             answered: Optional[Callable[[str, str], bool]] = None,
             mask: Iterable[Tuple[int, int]] = ()) -> List[Tuple[str, int, int, float]]:
        """(flag, start, end, probability) for clauses scored close to a flag; clauses that
        overlap `skip` (where the vocabulary already found a red flag) are left alone, and so
        are those `answered(flag, clause, text)` says are answered in the message and those with
        no word of the flag's own (`in_territory`). `mask`: words read as something else (a
        treatment's name, "Icy Hot") that are no word of any flag's own."""
        masked = text
        for s, e in mask:
            masked = masked[:s] + " " * (e - s) + masked[e:]
        skip = list(skip)
        spans = [(a, b) for a, b in self.clauses(text)
                 if not any(a < e and s < b for s, e in skip)]
        if not spans:
            return []
        found = []
        for (a, b), probs in zip(spans, self.probabilities([text[a:b] for a, b in spans])):
            flag, p = max(((f, p) for f, p in zip(self.classes, probs) if f != "none"),
                          key=lambda x: x[1])
            if p >= self.threshold and self.in_territory(flag, masked[a:b]) and not (
                    answered and answered(flag, text[a:b], text)):
                found.append((flag, a, b, round(float(p), 3)))
        return found


_COMMON_IN_NONE = 3  # a word in this many messages with no red flag is nobody's own word


def flag_words(texts: List[str], labels: List[str], territory: Dict[str, Any]) -> Dict[str, set]:
    """Each flag's own words: those of its phrases and sentences (3 letters or more) that are in
    fewer than _COMMON_IN_NONE of the `none` messages ("urin*" kept as a stem); from its
    territory, every one-word entry of `words` and of a pair's `feelings` (the clinicians say it
    is enough: "toilet", "numb*"), each longer phrase as a whole ("sin fuerza", "can't feel",
    kept as a tuple of words), and a place's or a phrase's words only when they too are uncommon
    with no red flag: "the loo" gives "loo", never "the"; "hot and cold" not "hot" (a hot water
    bottle); "arrastro la pierna" not "pierna" (pain down the leg is no weakness)."""
    def tokens(text):
        return re.findall(r"[^\W\d_]{3,}\*?", _plain(text))
    seen: Dict[str, Dict[str, int]] = {}  # label -> token -> how many of its texts hold it
    for text, label in zip(texts, labels):
        for token in set(tokens(text)):
            seen.setdefault(label, {})[token] = seen.get(label, {}).get(token, 0) + 1
    common = seen.get("none", {})

    def count(label, word):
        if not word.endswith("*"):
            return seen.get(label, {}).get(word, 0)
        return sum(n for t, n in seen.get(label, {}).items() if t.startswith(word[:-1]))

    words: Dict[str, set] = {flag: set() for flag in RED_FLAGS}
    for text, label in zip(texts, labels):
        if label in words:
            words[label] |= {t for t in tokens(text) if common.get(t, 0) < _COMMON_IN_NONE}
    for flag, section in territory.items():
        if flag not in words:
            continue
        pairs = section.get("pairs") or []
        for phrase in section.get("words") or []:
            found = tuple(re.findall(r"[^\W\d_]+\*?", _plain(phrase)))
            words[flag].add(found[0] if len(found) == 1 else found)
        for pair in pairs:
            words[flag].add(("pair", tuple(tuple(re.findall(r"[^\W\d_]+\*?", _plain(p)))
                                           for p in pair["places"]),
                             tuple(tuple(re.findall(r"[^\W\d_]+\*?", _plain(p)))
                                   for p in pair["feelings"])))
            # a one-word place alone: when messages with no red flag rarely hold it ("crotch",
            # not "leg"); a one-word feeling also when the flag's own sentences hold it more
            # often than those ("numb*" yes; "months" no)
            for phrase in pair["feelings"] + pair["places"]:
                found = re.findall(r"[^\W\d_]+\*?", _plain(phrase))
                if len(found) == 1 and len(found[0].rstrip("*")) >= 3 and (
                        count("none", found[0]) < _COMMON_IN_NONE or (
                            phrase in pair["feelings"]
                            and count(flag, found[0]) > count("none", found[0]))):
                    words[flag].add(found[0])
    return words


def _has(found: List[str], phrase: Tuple[str, ...]) -> bool:
    """Whether the words `found` hold `phrase` ("sin fuerza", "urin*") in a row."""
    return any(all(_is(t, w) for t, w in zip(found[i:], phrase))
               for i in range(len(found) - len(phrase) + 1))


def _is(token: str, word: str) -> bool:
    return token == word or (word.endswith("*") and token.startswith(word[:-1]))


def detector_examples(config: Dict[Text, Any], language: str, vocab_dir: Optional[Path] = None,
                      seen: bool = True) -> Tuple[List[str], List[str]]:
    """The learned detector's (texts, labels) for `language`: its vocabulary's phrases, its
    labelled sentences and, as "no red flag", the training messages in which the vocabulary
    finds none (bot/evaluate_detector.py cross-validates on the same)."""
    import spacy

    from bot.nlu.clinical import ClinicalMatcher
    from bot.nlu.components import SPANISH_VOCAB, spanish_matcher

    if language == "es":
        matcher, vocab_dir = spanish_matcher(), SPANISH_VOCAB
        messages = _training_texts(Path(config["training_data_es"]))
    else:
        matcher = ClinicalMatcher(spacy.load(config["spacy_model"]), vocab_dir)
        vocab_dir, messages = vocab_dir or VOCAB_DIR, _training_texts(Path(config["training_data"]))
    none_texts = [t for t in messages if not any(  # a territory word alone is no red flag
        m.label.startswith("red_flag") and m.reason != "territory" for m in matcher(matcher.nlp.make_doc(t)))]
    return training_examples(vocab_dir, none_texts, seen)


# a Rasa NLU example's entity annotation: "[words](entity)" or "[words]{...}"
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def _training_texts(path: Path) -> List[str]:
    """The example messages of a Rasa NLU file, without entity annotations."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    texts = []
    for block in data.get("nlu") or []:
        for line in str(block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(_ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", line[2:]))
    return texts


def decided_by_vocabulary(mentions) -> List[Tuple[int, int]]:
    """Where the learned detector must not ask: a red flag the vocabulary found (said,
    denied or unsure), and a place or body part it read as denied or someone else's ("my
    legs are fine", "my mum's legs gave way"): the clause gets the vocabulary's decision. A
    territory word (reason "territory": "toilet", "kilos") decides nothing: the detector may
    still name the flag the clause is about."""
    return [(m.start, m.end) for m in mentions
            if (m.label.startswith("red_flag") and m.reason != "territory") or (m.label in ("pain_location", "body_part_other")
                                                  and (m.negated or m.experiencer != "patient"))]


class ClauseAnswers:
    """Whether a clause the detector would ask about already answers the question, from the
    language's context.yml: it ends saying the episode is over (`resolved`: "nothing since",
    "fully came back") and nothing says it is back (`ongoing`), or, for an injury, dates it long ago
    (`long_ago` words, or further back than `recent_injury`'s long_ago_weeks); or, for a cancer,
    the message says the growth was found benign (`cancer_ruled_out`: "biopsied it, it was benign")."""

    def __init__(self, context: Dict[str, Any]):
        from bot.nlu.mention_time import read_window

        self._window = read_window(context.get("recent_injury"))
        self._resolved, self._ongoing, self._long_ago = (
            {_plain(p) for p in context.get(key) or [] if "<" not in str(p)}
            for key in ("resolved", "ongoing", "long_ago"))
        # compared in runs of words as long as the longest phrase, so that none is out of reach
        self._longest = max(len(p.split()) for p in self._resolved | self._ongoing | self._long_ago | {"x"})
        self._ruled_out = [re.findall(r"[\w']+", _plain(p)) for p in context.get("cancer_ruled_out") or []]

    def __call__(self, flag: str, clause: str, message: str = "") -> bool:
        from bot.nlu.mention_context import runs
        from bot.nlu.mention_time import weeks_back

        said = re.findall(r"[\w']+", _plain(message))
        if flag == "cancer_history" and any(said[i:i + len(p)] == p for p in self._ruled_out for i in range(len(said))):
            return True  # "they found a spot on my kidney, biopsied it, it was benign"
        words = re.findall(r"[\w']+", _plain(clause))
        phrases = runs(words, self._longest)
        if phrases & self._ongoing:
            return False
        # said last, an end ("..., nothing since", "fully came back"); said first it may be the
        # sign's own words ("ya no me aguanto las ganas": no longer able to hold it)
        if any(" ".join(words[-n:]) in self._resolved for n in range(1, min(self._longest, len(words)) + 1)):
            return True
        return flag == "trauma" and bool(phrases & self._long_ago or weeks_back(
            phrases, self._window) >= self._window["long_ago_weeks"])


def _plain(text: str) -> str:
    import unicodedata

    text = str(text).lower().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
