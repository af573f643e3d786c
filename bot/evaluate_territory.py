"""The red-flag territory net alone on the signs each blind round missed when first scored.

Leave-rounds-out in spirit: the misses of a round's first (blind) score, kept in
reports/blind-sets-<round>/before/blind.json, read again with the vocabulary's decision
ignored, so only the territory net (vocab/red_flag_territory.yml, bot/nlu/red_flag_territory.py)
can catch them: a miss is caught when the net alone asks the missed flag's confirming question.
Rounds whose misses the territory words were not built from say whether the net carries.

`python -m bot.evaluate_territory 10 11 12 [--out FILE]`
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Tuple

REPORTS = Path("reports")


def round_misses(number: int) -> List[Tuple[str, str]]:
    """(flag, text) of every red flag a round missed at its first, blind score."""
    report = json.loads((REPORTS / f"blind-sets-{number}" / "before" / "blind.json").read_text())
    return [tuple(m.split(": ", 1)) for path, x in report.items() if path.endswith(".yml")
            for m in x["misses"]["red_flag_missed"]]


def net_alone():
    """A reader: text -> the flags the territory net alone would ask about."""
    import spacy

    from bot.nlu.clinical import ClinicalMatcher
    from bot.nlu.components import SPANISH_SPACY, spanish_matcher
    from bot.nlu.language import reading_language

    asked: List[tuple] = []
    judged = ClinicalMatcher._territory_asked

    def alone(self, ndoc, ctx, found):
        asked.extend(judged(self, ndoc, ctx, []))  # nothing decided by the vocabulary
        return judged(self, ndoc, ctx, found)

    ClinicalMatcher._territory_asked = alone
    english, spanish = ClinicalMatcher(spacy.load(".build/spacy_en")), spanish_matcher(SPANISH_SPACY)

    def read(text: str) -> set:
        asked.clear()
        matcher = spanish if reading_language(text) == "es" else english
        matcher(matcher.nlp.make_doc(text))
        return {m[3] for m in asked if m[2] == "red_flag_unsure"}
    return read


def evaluate(rounds: List[int]) -> Dict[int, dict]:
    read = net_alone()
    results = {}
    for number in rounds:
        rows = [(flag, text, flag in read(text)) for flag, text in round_misses(number)]
        results[number] = {"misses": len(rows), "caught": sum(c for *_, c in rows),
                           "rows": [{"flag": f, "text": t, "caught": c} for f, t, c in rows]}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="+", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    results = evaluate(args.rounds)
    for number, r in results.items():
        print(f"round {number}: {r['caught']} of {r['misses']} blind misses caught by the net alone")
        for row in r["rows"]:
            print(f"  {'caught' if row['caught'] else 'MISSED'} {row['flag']}: {row['text'][:150]}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
