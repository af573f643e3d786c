"""The crisis line on the seen blind sets and the crisis probe set: where it is shown, by what.

`classify OUT.json SHARD SHARDS`: the classifier's own guess (the graph run up to its fallback)
for every seen message (tests/blind, rounds 1-18) and every probe, in a fixed random order,
kept every 100 (a loaded machine: what is done by any time is a fair sample). `score OUT.json`:
the crisis line before (main's tree unpacked at MAIN_TREE: `git archive main | tar -x -C DIR`)
and after (this code) on what is classified. `probes OUT.json`: the probes through the whole
model as the code now stands. A message is labelled ordinary unless it is an off-script
`distress` turn, a turn of a conversation whose note speaks of crisis or distress, or a probe.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLIND = ROOT / "tests" / "blind"
PROBES = ROOT / "tests" / "data" / "crisis_probes.yml"
MAIN = Path(os.environ.get("MAIN_TREE", "/tmp/s19-crisis/main"))  # `git archive main` unpacked: the before
SEEN_ROUNDS_LAST = 18
# the round-19 files are blind: never read (PREAMBLE)
BLIND_NOW = {"understanding_en_18", "understanding_es_16", "redflags_12", "offscript_en_17",
             "offscript_es_13", "conversations_en_15", "conversations_es_16"}
CRISIS_NOTE = re.compile(r"crisis|distress|despair|suicid|death wish|hopeless|self[- ]harm", re.I)


def messages():
    """(text, label, where) for every seen message and every probe."""
    found = []
    for path in sorted(BLIND.glob("*.yml")):
        if path.stem in BLIND_NOW or path.stem.startswith("option_stories"):
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(item.get("text"), str):
                label = "distress" if item.get("expect") == "distress" else "ordinary"
                found.append((item["text"], label, f"{path.stem}:{item.get('id', '')}"))
            for turn in item.get("turns") or []:
                label = "crisis_conversation" if CRISIS_NOTE.search(item.get("note") or "") else "ordinary"
                found.append((str(turn), label, f"{path.stem}:{item.get('id', '')}"))
    for probe in yaml.safe_load(PROBES.read_text(encoding="utf-8")):
        found.append((probe["text"], "probe_" + probe["kind"], "probe"))
    return found


def parse(out: Path, shard: int = 0, shards: int = 1, only=None) -> None:
    """Full parses (with `only`: the probes, or the texts given)."""
    from rasa.core.agent import Agent

    from bot.nlu import intent_rules

    seen = {}
    original = intent_rules.CrisisLanguageOverride.process

    def watched(self, messages):
        for m in messages:
            seen[m.get("text")] = {"intent": dict(m.get("intent") or {}),
                                   "ranking": [dict(r) for r in (m.get("intent_ranking") or [])[:6]],
                                   "entities": [{k: e.get(k) for k in ("entity", "value", "reason")}
                                                for e in m.get("entities") or []]}
        return original(self, messages)

    intent_rules.CrisisLanguageOverride.process = watched
    agent = Agent.load(str(ROOT / "models" / "current.tar.gz"))
    rows, texts = [], {}
    for text, label, where in messages():
        if only is None or label.startswith(only) or text in only:
            texts.setdefault(text, []).append((label, where))

    async def run():
        for text in list(texts)[shard::shards]:
            final = await agent.parse_message(text)
            rows.append({"text": text, "labels": texts[text], "final": final["intent"]["name"],
                         **seen.get(text, {})})
    asyncio.run(run())
    out.with_name(f"{out.stem}-{shard}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def classify(out: Path, shard: int = 0, shards: int = 1) -> None:
    """The classifier's own top guess (the graph run up to its fallback) for every message:
    a full parse is needed only where it guesses `crisis`; elsewhere the words decide."""
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage

    agent = Agent.load(str(ROOT / "models" / "current.tar.gz"))
    runner = agent.processor.graph_runner
    target = next(k for k in runner._graph_schema.nodes if k.startswith("run_FallbackClassifier"))
    suffix = f"r{len(list(out.parent.glob(out.stem + '*.json')))}"  # a restart adds a file
    texts = {}
    for text, label, where in messages():
        texts.setdefault(text, []).append((label, where))
    rows, done = [], {r["text"] for part in out.parent.glob(out.stem + "*.json")
                      for r in json.loads(part.read_text(encoding="utf-8"))}
    order = [t for t in texts if t not in done]
    random.Random(19).shuffle(order)  # what is done by any time is a fair sample of all
    for text in order[shard::shards]:
        found = runner.run(inputs={"__message__": [UserMessage(text)]}, targets=[target])[target][0]
        rows.append({"text": text, "labels": texts[text], "guess": found.get("intent")["name"]})
        if len(rows) % 100 == 0:  # a slow machine: what is done is kept
            out.with_name(f"{out.stem}-{shard}{suffix}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out.with_name(f"{out.stem}-{shard}{suffix}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def _main_detector():
    """The crisis vocabulary and code as on main (MAIN, a copy of main's tree)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("main_crisis", MAIN / "bot" / "nlu" / "crisis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CrisisDetector(MAIN / "bot" / "nlu" / "vocab" / "crisis.yml")


def line_before(old, text: str, guess: str) -> str:
    """What main shows: crisis words or despair, or the classifier's crisis guess: the full line."""
    from bot.language import requested_language

    if old(text) or old.may_be(text) or (guess == "crisis" and not requested_language(text)):
        return "full line"
    return "distress answer" if guess == "express_distress" else "none"


def line_after(new, text: str, guess: str) -> str:
    """What this branch shows (entities from the clinical reader, its learned detector off)."""
    from bot.language import requested_language
    from bot.nlu.crisis_gate import crisis_wording, set_aside
    from tests.unit.reading import entities

    if new(text) or new.may_be(text):
        return "full line"
    if guess == "crisis" and not requested_language(text):
        if set_aside(new, text, entities(text)):
            return "none"
        return "full line" if crisis_wording(new, text) == "distress_safety" else "gentle line"
    return "distress answer" if guess == "express_distress" else "none"


def score(path: Path, show: bool = True) -> None:
    """Before/after counts on the messages classified so far (and every probe's words)."""
    from bot.nlu.crisis import CrisisDetector

    old, new = _main_detector(), CrisisDetector()
    rows = {r["text"]: r for part in sorted(path.parent.glob(path.stem + "*.json"))
            for r in json.loads(part.read_text(encoding="utf-8"))}
    table = {}
    for row in rows.values():
        label, where = row["labels"][0]
        key = "probe" if label.startswith("probe") else label
        before, after = line_before(old, row["text"], row["guess"]), line_after(new, row["text"], row["guess"])
        table.setdefault((key, "before"), Counter())[before] += 1
        table.setdefault((key, "after"), Counter())[after] += 1
        if show and before != after and key != "probe":
            print(f"  {label:20} {row['guess']:16} {before:15} -> {after:15} {where:28} {row['text'][:80]!r}")
        if label == "probe_crisis" and after not in ("full line", "gentle line"):
            print(f"  MISSED PROBE -> {after}: {row['text']!r}")
    print(f"messages classified: {len(rows)}")
    for (key, when), counts in sorted(table.items()):
        print(f"{key:20} {when:6} distinct={sum(counts.values()):5} " +
              " ".join(f"{k}={v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    # parse OUT.json [SHARD SHARDS]: every SHARDS-th message from SHARD, into OUT-SHARD.json;
    # score OUT.json reads OUT*.json
    if sys.argv[1] == "probes":  # the probes alone, through the whole model as the code now stands
        parse(Path(sys.argv[2]), only="probe")
    else:
        {"parse": parse, "score": score, "classify": classify}[sys.argv[1]](Path(sys.argv[2]), *map(int, sys.argv[3:]))
