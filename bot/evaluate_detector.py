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

`--rounds`: leave one blind round out (ROUNDS, tests/blind/): each round is scored through the
whole trained NLU pipeline (the model is loaded once; only its detectors are swapped) by a
detector trained on the usual data plus the red-flag labels of every other round, beside
today's detector (no blind data). The only place blind sets are read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

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
    parser.add_argument("--rounds", action="store_true",
                        help="leave one blind round out, through the trained model (--model)")
    parser.add_argument("--model", default="models/current.tar.gz")
    parser.add_argument("--thresholds", default="0.35,0.45,0.5,0.6")
    parser.add_argument("--json", help="also write the leave-one-round-out scores here")
    parser.add_argument("--write-seen", action="store_true",
                        help="write the seen rounds' labelled messages for the detector to learn from")
    args = parser.parse_args()
    if args.write_seen:
        return write_seen()
    if args.rounds:
        return main_rounds(args)
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


# --- Leave-one-round-out on the seen blind sets, through the real NLU pipeline -------------

# The blind sets by the round they were written in (one commit each, tests/blind/): a round is
# held out whole, so no sentence from the same writers trains the detector that scores it.
ROUNDS: Dict[str, List[str]] = {
    "1": ["understanding_en_1"],
    "2-3": ["understanding_en_2", "understanding_en_3"],
    "4": ["understanding_en_4", "understanding_es_1"],
    "5": ["understanding_en_5", "understanding_es_2"],
    "7": ["understanding_en_6", "understanding_es_4"],
    "8": ["understanding_en_7", "understanding_es_5", "redflags_1"],
    "9": ["understanding_en_8", "understanding_es_6", "redflags_2"],
    "10": ["understanding_en_9", "understanding_es_7", "redflags_3"],
    "11": ["understanding_en_10", "understanding_es_8", "redflags_4"],
}


def blind_examples(items: List[dict]) -> Dict[str, Tuple[List[str], List[str]]]:
    """{language: (texts, labels)} from labelled blind items: a message with a flag present
    (or one a nurse would confirm) teaches that flag, once per flag; any other message `none`
    (its flags denied, someone else's, past, or no flag at all)."""
    out: Dict[str, Tuple[List[str], List[str]]] = {}
    for item in items:
        texts, labels = out.setdefault(item.get("lang") or "en", ([], []))
        flags = sorted(set(item.get("red_flags_present") or []) | set(item.get("red_flags_unsure") or []))
        for flag in flags or ["none"]:
            texts.append(item["text"])
            labels.append(flag)
    return out


def _round_items(round_name: str, blind_dir: Path) -> List[dict]:
    from bot.evaluate_blind import load_items

    items = []
    for stem in ROUNDS[round_name]:
        file_items = load_items(blind_dir / f"{stem}.yml")
        lang = next((i["lang"] for i in file_items if i.get("lang")), "en")
        items += [{**i, "lang": i.get("lang") or lang} for i in file_items]
    return items


def _extractor(agent):
    from bot.nlu.components import ClinicalEntityExtractor

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return next(n._component for n in nodes if isinstance(n._component, ClinicalEntityExtractor))


class _Recorder:
    """Stands in for a detector during the one parse: keeps what the pipeline asks it."""

    threshold = 1.0

    def __init__(self):
        self.calls: Dict[str, tuple] = {}

    def find(self, text, skip=(), answered=None):
        self.calls[text] = (list(skip), answered)
        return []


def leave_one_round_out(model: Path, thresholds: List[float], blind_dir: Path = Path("tests/blind"),
                        with_blind: bool = True, parsed_once: Optional[dict] = None) -> Dict[str, Dict[float, dict]]:
    """{round or language total: {threshold: blind-set scores}}: each round scored with a
    detector trained on the usual data plus (with_blind) every other round's labelled
    messages. Every message is parsed once by the trained model with the detectors recording
    what they are asked (the clauses the vocabulary left open); each round's detector then
    answers the same calls, as it would inside the pipeline (its asks only add entities)."""

    from bot.evaluate_blind import read_turn, score
    from bot.nlu.red_flag_detector import RedFlagDetector

    rounds = {r: _round_items(r, blind_dir) for r in ROUNDS}
    if parsed_once is None:
        parsed_once = parse_once(model, [i["text"] for items in rounds.values() for i in items])
    parsed, recorders, base = parsed_once["parsed"], parsed_once["recorders"], parsed_once["base"]
    results: Dict[str, Dict[float, dict]] = {}
    pooled: Dict[float, Dict[str, Tuple[list, list]]] = {t: {} for t in thresholds}
    for held, items in rounds.items():
        extra = blind_examples([i for r, its in rounds.items() if r != held for i in its]) \
            if with_blind else {}
        detectors = {}
        for lang, (texts, labels) in base.items():
            more_texts, more_labels = extra.get(lang, ([], []))
            detectors[lang] = RedFlagDetector(texts + more_texts, labels + more_labels, min(thresholds), lang)
        print(f"round {held}: {len(items)} messages", file=sys.stderr, flush=True)
        asks = []
        for item in items:
            text, found = item["text"], []
            for lang, recorder in recorders.items():
                if text in recorder.calls:
                    skip, answered = recorder.calls[text]
                    found = [{"entity": "red_flag_unsure", "value": flag, "start": a, "end": b,
                              "confidence_entity": p, "reason": "learned"}
                             for flag, a, b, p in detectors[lang].find(text, skip, answered)]
            asks.append(found)
        for t in thresholds:  # a higher threshold only drops the detector's lower-scored asks
            turns = [read_turn({**parsed[i["text"]], "entities": (parsed[i["text"]].get("entities") or [])
                                + [e for e in found if e["confidence_entity"] >= t]},
                               i.get("context") or "first_message") for i, found in zip(items, asks)]
            results.setdefault(held, {})[t] = score(items, turns)
            for item, turn in zip(items, turns):
                bucket = pooled[t].setdefault(item["lang"], ([], []))
                bucket[0].append(item)
                bucket[1].append(turn)
    for t, langs in pooled.items():
        for lang, (items, turns) in langs.items():
            results.setdefault(f"{lang} (all rounds)", {})[t] = score(items, turns)
    return results


def parse_once(model: Path, texts: List[str]) -> dict:
    """Every text parsed by the trained model, its detectors replaced by recorders; the
    detectors' usual training data (without the seen rounds' file)."""
    import asyncio

    from rasa.core.agent import Agent

    from bot.nlu.red_flag_detector import detector_examples

    agent = Agent.load(str(model))
    extractor = _extractor(agent)
    config = extractor.get_default_config()
    base = {lang: detector_examples(config, lang, extractor._vocab_dir if lang == "en" else None,
                                    seen=False) for lang in ("en", "es")}
    recorders = {lang: _Recorder() for lang in ("en", "es")}
    extractor._detectors = recorders
    unique = list(dict.fromkeys(texts))
    parsed = dict(zip(unique, asyncio.run(_parse(agent, unique))))
    return {"parsed": parsed, "recorders": recorders, "base": base}


async def _parse(agent, texts: List[str]):
    return [await agent.parse_message(t) for t in texts]


def loro_markdown(before: Dict[str, Dict[float, dict]], after: Dict[str, Dict[float, dict]],
                  before_threshold: float) -> str:
    thresholds = sorted(next(iter(after.values())))
    head = (f"| round | recall, today's detector ({before_threshold}) | "
            + " | ".join(f"recall @ {t}" for t in thresholds)
            + " | false flags / asks, today's | " + " | ".join(f"false / asks @ {t}" for t in thresholds)
            + " |")
    lines = [head, "|" + "---|" * (3 + 2 * len(thresholds))]
    for name in after:
        b, a = before[name][before_threshold], after[name]

        def fa(r):
            return f"{r['false_red_flag_rate']:.3f} / {r['absent_confirmed_first']}"
        lines.append(f"| {name} | {b['red_flag_recall']:.3f} ({b['red_flag_mentions']}) | "
                     + " | ".join(f"{a[t]['red_flag_recall']:.3f}" for t in thresholds)
                     + f" | {fa(b)} ({b['absent_mentions']}) | "
                     + " | ".join(fa(a[t]) for t in thresholds) + " |")
    return "\n".join(lines)


def write_seen(blind_dir: Path = Path("tests/blind")) -> None:
    """bot/nlu/vocab/red_flag_seen.yml and vocab/es/red_flag_seen.yml from every round in
    ROUNDS (all scored already; a round not yet scored must never be added to ROUNDS first)."""
    from bot.nlu.components import SPANISH_VOCAB
    from bot.nlu.red_flag_detector import SEEN_FILE, VOCAB_DIR

    examples = blind_examples([i for r in ROUNDS for i in _round_items(r, blind_dir)])
    for lang, folder in (("en", VOCAB_DIR), ("es", SPANISH_VOCAB)):
        by_label: Dict[str, List[str]] = {}
        for text, label in zip(*examples.get(lang, ([], []))):
            if text not in by_label.setdefault(label, []):
                by_label[label].append(text)
        header = ("# Generated by `python -m bot.evaluate_detector --write-seen` from the blind rounds\n"
                  "# already scored (tests/blind/, ROUNDS in bot/evaluate_detector.py): a message with a\n"
                  "# flag present (or one a nurse would confirm) under that flag, any other under none.\n"
                  "# The learned detector trains on it (it only ever asks a confirming question). Do not\n"
                  "# edit by hand; never add a round that has not been scored yet.\n")
        body = yaml.safe_dump(dict(sorted(by_label.items())), allow_unicode=True, width=1000, sort_keys=False)
        (Path(folder) / SEEN_FILE).write_text(header + body, encoding="utf-8")


def main_rounds(args) -> None:
    import json

    from rasa.utils.log_utils import configure_structlog

    configure_structlog()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    today = 0.35  # config.yml's detector_threshold, today's detector
    texts = [i["text"] for r in ROUNDS for i in _round_items(r, Path("tests/blind"))]
    once = parse_once(Path(args.model), texts)
    print(f"parsed {len(once['parsed'])} messages", file=sys.stderr, flush=True)
    before = leave_one_round_out(Path(args.model), sorted({today, *thresholds}), with_blind=False, parsed_once=once)
    after = leave_one_round_out(Path(args.model), thresholds, with_blind=True, parsed_once=once)
    print(loro_markdown(before, after, today))
    if args.json:
        Path(args.json).write_text(json.dumps({"before": _plain(before), "after": _plain(after)},
                                              indent=1), encoding="utf-8")


def _plain(results):
    return {name: {str(t): {k: v for k, v in r.items() if k != "misses"} | {
        "missed": r["misses"]["red_flag_missed"], "false": r["misses"]["red_flag_false"],
        "asked": r["misses"]["red_flag_asked"]} for t, r in rows.items()}
        for name, rows in results.items()}


if __name__ == "__main__":
    main()
