"""The learned red-flag detector's threshold, chosen by cross-validation on its own corpus.

For each language, the detector's training data (bot/nlu/components.py `detector_examples`:
vocabulary phrases, labelled sentences, training messages without a red flag) is split into
stratified folds; each fold is scored by a detector trained on the others. For each
threshold: flag recall over the labelled sentences (red_flag_examples.yml; the vocabulary's
own phrases are caught by the vocabulary, so they train but are not scored): a sentence whose
own flag scores at least the threshold, so the patient would be asked about it; and false
asks: a `none` sentence (labelled or a training message) that some flag scores at least the
threshold on, an extra confirming question. Never reads a test or blind set.

`python -m bot.evaluate_detector [--folds 5]` prints a table per language.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Dict, List, Set

import yaml

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)


def cross_validated(texts: List[str], labels: List[str], language: str, scored: Set[str],
                    folds: int = 5) -> Dict[float, Dict[str, float]]:
    """{threshold: {"recall", "false_asks"}} over `folds` stratified folds."""
    from sklearn.model_selection import StratifiedKFold

    from bot.nlu.red_flag_detector import RedFlagDetector

    scores = [None] * len(texts)  # per text: (its own flag's probability, best flag's)
    for train, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, labels):
        detector = RedFlagDetector([texts[i] for i in train], [labels[i] for i in train],
                                   language=language)
        classes = detector.classes
        for i, probs in zip(held, detector.probabilities([texts[i] for i in held])):
            flags = {c: p for c, p in zip(classes, probs) if c != "none"}
            scores[i] = (flags.get(labels[i], 0.0), max(flags.values()))
    flagged = [s[0] for s, text, label in zip(scores, texts, labels)
               if label != "none" and text in scored]
    none = [s[1] for s, label in zip(scores, labels) if label == "none"]
    return {t: {"recall": sum(p >= t for p in flagged) / len(flagged),
                "false_asks": sum(p >= t for p in none) / len(none)} for t in THRESHOLDS}


def main() -> None:
    from bot.nlu.components import SPANISH_VOCAB, ClinicalEntityExtractor
    from bot.nlu.red_flag_detector import VOCAB_DIR, detector_examples

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    config = ClinicalEntityExtractor.get_default_config()
    for language in ("en", "es"):
        texts, labels = detector_examples(config, language)
        examples = Path(SPANISH_VOCAB if language == "es" else VOCAB_DIR) / "red_flag_examples.yml"
        scored = {t for label, sentences in yaml.safe_load(examples.read_text(encoding="utf-8")).items()
                  if label != "none" for t in sentences}
        table = cross_validated(texts, labels, language, scored, args.folds)
        print(f"\n{language}: {sum(x != 'none' for x in labels)} flag texts ({len(scored)} "
              f"labelled sentences scored), {labels.count('none')} none ({args.folds}-fold)")
        print("| threshold | flag recall | none asked |\n|---|---|---|")
        for t, row in table.items():
            print(f"| {t} | {row['recall']:.3f} | {row['false_asks']:.3f} |")


if __name__ == "__main__":
    main()
