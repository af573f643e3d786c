"""Would a learned place reader (character and word n-grams) beside the vocabulary have read
the places a new blind round's vocabulary missed? Leave one round out, scored on each round's
"before" misses (reports/blind-sets-N/before/blind.json: what the vocabulary of the time read).

For each seen round k (7-21): a classifier trained on every other round's English labelled
messages (tests/blind/understanding_en_*, the English items of redflags_*; `none` where a
message names no spinal place) is asked only where the vocabulary of the time found no place.
Gained: a labelled place it reads right there. Lost: a message labelled with no place that it
places (a false value; the vocabulary's right answers are never overridden).

`python scripts/measure_place_fallback.py [--threshold 0.6 ...]` prints one row per round."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

BLIND = Path("tests/blind")
ROUNDS = {"1": ["understanding_en_1"], "2-3": ["understanding_en_2", "understanding_en_3"],
          "4": ["understanding_en_4"], "5": ["understanding_en_5"], "7": ["understanding_en_6"]}
ROUNDS.update({str(r): [f"understanding_en_{r - 1}", f"redflags_{r - 7}"] for r in range(8, 22)})


def items(round_id: str) -> list[dict]:
    found = []
    for name in ROUNDS[round_id]:
        for item in yaml.safe_load((BLIND / f"{name}.yml").read_text()) or []:
            if isinstance(item, dict) and item.get("lang", "en") == "en" and item.get("text"):
                found.append({"text": str(item["text"]).strip(), "place": item.get("pain_location") or "none"})
    return found


def vocabulary_missed(round_id: str) -> dict[str, str]:
    """{text: what the vocabulary of the time read} for the round's English place misses."""
    data = json.loads(Path(f"reports/blind-sets-{round_id}/before/blind.json").read_text())
    got = {}
    for key, figures in data.items():
        if "understanding_en" in key or "redflags" in key:
            for miss in figures.get("misses", {}).get("location", []):
                m = re.match(r"want (\S+), got (\S+): (.*)", miss, re.S)
                if m:
                    got[m.group(3).strip()] = m.group(2)
    return got


def model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union
    return make_pipeline(make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
                                    TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                         LogisticRegression(C=10, max_iter=2000, class_weight="balanced"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, action="append")
    parser.add_argument("--round", action="append", help="score only these rounds (7-21)")
    args = parser.parse_args(argv)
    thresholds = args.threshold or [0.4, 0.5, 0.6, 0.7, 0.8]
    data = {r: items(r) for r in ROUNDS}
    totals = {t: [0, 0, 0, 0] for t in thresholds}  # gained, wrong value where none read, lost, asked
    print("| round | vocabulary read no place, labelled one | " + " | ".join(
        f"≥{t}: gained / false" for t in thresholds) + " |")
    print("|---|---|" + "---|" * len(thresholds))
    for r in args.round or [str(k) for k in range(7, 22)]:
        train = [i for k, v in data.items() if k != r for i in v]
        clf = model().fit([i["text"] for i in train], [i["place"] for i in train])
        missed = vocabulary_missed(r)
        labelled_none = [i for i in data[r] if i["place"] != "none" and missed.get(i["text"]) == "None"]
        # messages with no place labelled that the vocabulary also left without one
        unplaced = [i for i in data[r] if i["place"] == "none" and i["text"] not in missed]
        cells = []
        for t in thresholds:
            def read(text):
                probs = clf.predict_proba([text])[0]
                best = probs.argmax()
                return clf.classes_[best] if probs[best] >= t else "none"
            gained = sum(read(i["text"]) == i["place"] for i in labelled_none)
            false = sum(read(i["text"]) != "none" for i in unplaced)
            totals[t][0] += gained
            totals[t][1] += false
            cells.append(f"{gained} / {false}")
        totals_n = len(labelled_none)
        print(f"| {r} | {totals_n} | " + " | ".join(cells) + " |")
        totals.setdefault("n", [0])[0] += totals_n
    print(f"| all | {totals['n'][0]} | " + " | ".join(f"{totals[t][0]} / {totals[t][1]}" for t in thresholds) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
