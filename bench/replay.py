"""`python -m bench.replay OUT.json`: every seen conversation replayed, what it gave recorded.

A speed change must not change what a patient reads or what is stored. This plays every
conversation of the given sets (default: the seen tests/blind/conversations_*.yml, each as
its own sender, and the benchmark's paths) through the trained model in process, a real action
server and the migrated SQLite database `make run` uses (bench/inprocess.py's `in_process`),
and writes, for each conversation: every reply of every turn (text, buttons, custom payloads),
its stored event rows (type, intent, action, the whole event JSON), the tracker loaded back
from the database alone and its slots, and the dashboard's summary rows. What changes from run
to run whatever the code is removed (timestamps, message ids, the wall-clock `at` of a
decision trail, booking references). `python -m bench.replay --compare A.json B.json` lists
the conversations that differ (none: exit 0).
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

from bench.conversations import ASSISTANT_PATHS

BLIND = Path(__file__).resolve().parents[1] / "tests" / "blind"
_VOLATILE_KEYS = {"timestamp", "message_id", "at", "session_start", "last_at", "local_day"}
_REFERENCE = re.compile(r"\bR\d{5}\b")
# Round 21's blind conversation sets: never opened here, whatever files are present.
_BLIND_NOW = {"conversations_en_17", "conversations_es_18"}


def _scrub(value: Any) -> Any:
    """`value` without what differs from run to run whatever the code."""
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in _VOLATILE_KEYS}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    if isinstance(value, str):
        return _REFERENCE.sub("R#####", value)
    return value


def seen_conversations(pattern: str = "conversations_*.yml") -> List[Tuple[str, List[str]]]:
    """(id, turns) of every conversation in the seen sets (files present here) and the bench
    paths."""
    found: List[Tuple[str, List[str]]] = []
    for path in sorted(BLIND.glob(pattern)):
        if path.stem in _BLIND_NOW:
            continue
        for item in yaml.safe_load(path.read_text()) or []:
            found.append((f"{path.stem}/{item['id']}", [str(t) for t in item["turns"]]))
    found += [(f"bench/{i}", list(p)) for i, p in enumerate(ASSISTANT_PATHS)]
    return found


def replay(out: Path, pattern: str) -> int:
    from bench.inprocess import in_process

    conversations = seen_conversations(pattern)
    record: Dict[str, Dict[str, Any]] = {}
    with in_process("replay-") as run:
        agent, loop = run.agent, run.loop
        store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)  # FailSafe's
        senders = {}
        for n, (cid, turns) in enumerate(conversations):
            sender = f"replay-{n:04d}"
            senders[cid] = sender
            replies = [loop.run_until_complete(agent.handle_text(t, sender_id=sender)) or []
                       for t in turns]
            record[cid] = {"replies": replies}
        db = Path(str(store.engine.url.database))
        with sqlite3.connect(db) as con:
            for cid, sender in senders.items():
                rows = con.execute(
                    "SELECT type_name, intent_name, action_name, data FROM events "
                    "WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
                stats = con.execute(
                    "SELECT * FROM conversation_stats WHERE conversation_id = ? "
                    "ORDER BY session_start", (sender,))
                names = [d[0] for d in stats.description]
                record[cid]["rows"] = [[t, i, a, json.loads(d)] for t, i, a, d in rows]
                record[cid]["stats"] = [dict(zip(names, r)) for r in stats.fetchall()]
        for cid, sender in senders.items():
            store.forget(sender)  # loaded back from the database alone
            tracker = loop.run_until_complete(store.retrieve(sender))
            record[cid]["reloaded"] = [e.as_dict() for e in tracker.events]
            record[cid]["slots"] = tracker.current_slot_values()
    scrubbed = {cid: _scrub(json.loads(json.dumps(r, default=repr))) for cid, r in record.items()}
    out.write_text(json.dumps(scrubbed, sort_keys=True, ensure_ascii=False))
    turns = sum(len(t) for _, t in conversations)
    replies = sum(len(x) for r in record.values() for x in r["replies"])
    rows = sum(len(r["rows"]) for r in record.values())
    print(f"{len(conversations)} conversations, {turns} turns, {replies} replies, "
          f"{rows} stored rows -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    first, second = json.loads(a.read_text()), json.loads(b.read_text())
    differ = sorted(cid for cid in set(first) | set(second) if first.get(cid) != second.get(cid))
    for cid in differ:
        parts = [k for k in ("replies", "rows", "stats", "reloaded", "slots")
                 if (first.get(cid) or {}).get(k) != (second.get(cid) or {}).get(k)]
        print(f"differs: {cid} ({', '.join(parts)})")
    print(f"{len(differ)} of {len(set(first) | set(second))} conversations differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.replay")
    parser.add_argument("out", nargs="?", help="where to write what the replay gave")
    parser.add_argument("--sets", default="conversations_*.yml",
                        help="glob of tests/blind files to replay")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    args = parser.parse_args()
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out:
        parser.error("OUT or --compare A B")
    return replay(Path(args.out), args.sets)


if __name__ == "__main__":
    sys.exit(main())
