"""`python -m bench.nlu_parses`: the NLU's parses of every blind text, kept, compared and timed.

A speed change to the NLU must not change what it understands. `--write FILE` keeps the
parses (intent, ranking, entities) of every text of tests/blind/understanding_*.yml as JSON;
`--check FILE` parses them again and lists every text whose parse differs (exit 1 if any);
both print the CPU milliseconds a message per language (`time.process_time`, in process,
after a warm-up pass, the graph run as the server runs it, as bot/evaluate_blind.py measures;
`--dask`: with Rasa's own graph runner, as evaluate_blind measured before session 7) and `--profile DIR` writes a
cProfile of each language's pass. tests/unit/test_nlu_parses_kept.py runs the check.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import sys
import time
from pathlib import Path
from typing import Dict, List

import yaml

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "blind"


def blind_texts() -> Dict[str, List[str]]:
    """Every understanding text by language ("en", "es"), in file order, repeats kept once."""
    texts: Dict[str, List[str]] = {}
    for path in sorted(BLIND.glob("understanding_*.yml")):
        language = path.stem.split("_")[1]
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.setdefault(language, [])
                if item["text"] not in texts[language]:
                    texts[language].append(item["text"])
    return texts


def kept_parse(parsed: dict) -> dict:
    """What the NLU understood: intent, ranking, entities (the text and timings left out)."""
    return {key: parsed.get(key) for key in ("intent", "intent_ranking", "entities",
                                             "language_detected", "faq_topics")}


def load_agent(model: Path):
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog()
    return Agent.load(str(model))


def parse_all(agent, texts: List[str], profile: Path | None = None):
    """(parses, CPU ms a message): one warm-up pass, then a measured one."""
    loop = asyncio.new_event_loop()
    for text in texts:
        loop.run_until_complete(agent.parse_message(text))
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    parsed = [loop.run_until_complete(agent.parse_message(t)) for t in texts]
    if profiler:
        profiler.disable()
    cpu_ms = (time.process_time() - start) * 1000 / max(len(texts), 1)
    if profiler:
        profiler.dump_stats(str(profile))
    loop.close()
    return [kept_parse(p) for p in parsed], cpu_ms


def differences(kept: Dict[str, dict], now: Dict[str, dict]) -> List[str]:
    return [text for text in sorted(set(kept) | set(now)) if kept.get(text) != now.get(text)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.nlu_parses")
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--write", help="keep the parses in this JSON file")
    parser.add_argument("--check", help="compare the parses with this JSON file")
    parser.add_argument("--profile", help="write <language>.prof cProfiles in this folder")
    parser.add_argument("--language", action="append", help="only these languages (en, es)")
    parser.add_argument("--dask", action="store_true",
                        help="run the graph with Rasa's dask runner, not the server's (bot/rasa_speedups.py)")
    args = parser.parse_args(argv)
    agent = load_agent(Path(args.model))
    if not args.dask:
        from bot import rasa_speedups

        rasa_speedups.apply()
    now: Dict[str, dict] = {}
    for language, texts in blind_texts().items():
        if args.language and language not in args.language:
            continue
        profile = Path(args.profile) / f"{language}.prof" if args.profile else None
        if profile:
            profile.parent.mkdir(parents=True, exist_ok=True)
        parsed, cpu_ms = parse_all(agent, texts, profile)
        now.update(zip(texts, parsed))
        print(f"{language}: {len(texts)} texts, {cpu_ms:.2f} CPU ms a message")
    if args.write:
        Path(args.write).write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True))
    if args.check:
        kept = json.loads(Path(args.check).read_text(encoding="utf-8"))
        if args.language:
            kept = {t: p for t, p in kept.items() if t in now}
        changed = differences(kept, json.loads(json.dumps(now)))
        for text in changed:
            print(f"CHANGED: {text!r}\n  kept: {kept.get(text)}\n  now:  {now.get(text)}")
        print(f"{len(changed)} of {len(kept)} parses changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
