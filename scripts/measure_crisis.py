"""The crisis line on the seen blind sets and the crisis probe set: where it is shown, by what.

`python scripts/measure_crisis.py parse OUT.json` parses every seen message (tests/blind,
rounds 1-18) and every probe (tests/data/crisis_probes.yml) with models/current.tar.gz and
keeps, for each, the classifier's own guess before CrisisLanguageOverride and the final
intent. `python scripts/measure_crisis.py score OUT.json` re-applies the override as the code
now stands to the kept guesses and prints the counts for reports/crisis-s19.md.
A message is labelled ordinary unless it is an off-script `distress` turn, a turn of a
conversation whose note speaks of crisis or distress, or a probe.
"""
from __future__ import annotations

import asyncio
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLIND = ROOT / "tests" / "blind"
PROBES = ROOT / "tests" / "data" / "crisis_probes.yml"
SEEN_ROUNDS_LAST = 18
# the round-19 files are blind: never read (PREAMBLE)
BLIND_NOW = {"understanding_en_18", "understanding_es_16", "redflags_12", "offscript_en_17",
             "offscript_es_13", "conversations_en_15", "conversations_es_16"}
CRISIS_NOTE = re.compile(r"crisis|distress|despair|suicid|death wish|hopeless|self[- ]harm", re.I)
LINE = {"crisis": "crisis line", "possible_crisis": "crisis line", "possible_crisis_gentle": "gentle line",
        "express_distress": "distress answer"}


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


def parse(out: Path, shard: int = 0, shards: int = 1) -> None:
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
    texts = {}
    for text, label, where in messages():
        texts.setdefault(text, []).append((label, where))
    rows = []
    for text in list(texts)[shard::shards]:
        found = runner.run(inputs={"__message__": [UserMessage(text)]}, targets=[target])[target][0]
        rows.append({"text": text, "labels": texts[text], "guess": found.get("intent")["name"]})
        if len(rows) % 300 == 0:  # a slow machine: what is done is kept
            out.with_name(f"{out.stem}-{shard}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out.with_name(f"{out.stem}-{shard}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def gate(row) -> str:
    """The intent the override as it now stands makes of the kept classifier guess."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_rules import CrisisLanguageOverride

    message = Message(data={"text": row["text"]})
    message.set("intent", dict(row["intent"]))
    message.set("intent_ranking", [dict(r) for r in row["ranking"]])
    message.set("entities", [dict(e) for e in row.get("entities") or []])
    CrisisLanguageOverride().process([message])
    intent = message.get("intent")
    return intent["name"] + ("_gentle" if intent.get("gentle") else "")


def score(path: Path, show: bool = True) -> None:
    rows = [r for part in sorted(path.parent.glob(path.stem + "*.json"))
            for r in json.loads(part.read_text(encoding="utf-8"))]
    table = {}
    for row in rows:
        after = gate(row)
        for label, where in row["labels"][:1]:
            key = "probe" if label.startswith("probe") else label
            for when, intent in (("before", row["final"]), ("after", after)):
                table.setdefault((key, when), Counter())[LINE.get(intent, "none")] += 1
            if show and key != "probe" and LINE.get(after) and after != "express_distress":
                print(f"  {label:10} {after:24} {where:28} {row['text'][:90]!r}")
            if key == "probe" and LINE.get(after, "none") not in ("crisis line", "gentle line"):
                print(f"  MISSED PROBE {label} -> {after}: {row['text']!r}")
    for (key, when), counts in sorted(table.items()):
        print(f"{key:20} {when:6} distinct={sum(counts.values()):5} " +
              " ".join(f"{k}={v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    # parse OUT.json [SHARD SHARDS]: every SHARDS-th message from SHARD, into OUT-SHARD.json;
    # score OUT.json reads OUT*.json
    {"parse": parse, "score": score, "classify": classify}[sys.argv[1]](Path(sys.argv[2]), *map(int, sys.argv[3:]))
