"""Score blind whole conversations (tests/blind/conversations_es_1.yml) on the real model and
action server: each conversation's turns are sent in a fresh conversation, as a new patient
would, and the end state is judged against the item's `expect`.

    python -m tests.blind.score_dialogues tests/blind/conversations_es_1.yml --label before

Not a test: the blind set is scored once before changes and once after, and the figures go in
reports/spanish.md ("Conversations"). The judging rules, written before the first run:

- level: the final `triage_level` is the expected one;
- books: a consultation request was stored for the conversation when `books` is true, and none
  when it is false (a call-back request alone is not a booking);
- red_flag: when one is given, it is in the `red_flags` slot;
- language: the `language` slot is the expected one, and (for es) no assistant message reads as
  English (none contains "the", "you", "your" or "please" as a word).
A conversation passes when every check holds.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Dict, List

import yaml

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(r"\b(the|you|your|please)\b", re.IGNORECASE)


def judge(item: Dict[str, Any], slots: Dict[str, Any], replies: List[str],
          bookings: List[Dict[str, Any]]) -> List[str]:
    """What went wrong (empty when the conversation passes)."""
    expect, problems = item["expect"], []
    if slots.get("triage_level") != expect.get("level"):
        problems.append(f"level {slots.get('triage_level')} (expected {expect.get('level')})")
    booked = any(b.get("kind") == "consultation" for b in bookings)
    if booked != bool(expect.get("books")):
        problems.append(f"booked {booked} (expected {bool(expect.get('books'))})")
    flag = expect.get("red_flag")
    if flag and flag not in (slots.get("red_flags") or []):
        problems.append(f"red flag {flag} missing (have {slots.get('red_flags')})")
    language = expect.get("language")
    if language and slots.get("language") != language:
        problems.append(f"language slot {slots.get('language')} (expected {language})")
    if language == "es":
        english = [r for r in replies if ENGLISH.search(r)]
        if english:
            problems.append(f"{len(english)} replies in English, e.g. {english[0][:80]!r}")
    return problems


def run(items_path: Path, label: str) -> Dict[str, Any]:
    from bot import store
    from tests.harness import load_agent, running_action_server

    items = yaml.safe_load(items_path.read_text(encoding="utf-8"))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/blind.db"
        os.environ["DB_URL"] = db
        with running_action_server(Path(tmp), DB_URL=db) as url:
            loop = asyncio.new_event_loop()
            agent = load_agent(url, db)
            for item in items:
                sender = f"blind-{label}-{item['id']}"
                replies: List[str] = []
                transcript = []  # each turn with what the patient read, to see where a miss began
                for turn in item["turns"]:
                    answer = loop.run_until_complete(agent.handle_text(str(turn), sender_id=sender)) or []
                    said = [r.get("text", "") for r in answer if r.get("text")]
                    replies += said
                    transcript.append({"patient": str(turn), "assistant": said})
                tracker = loop.run_until_complete(agent.tracker_store.retrieve(sender))
                slots = tracker.current_slot_values()
                problems = judge(item, slots, replies, store.list_bookings(sender, url=db))
                results.append({"id": item["id"], "voice": item.get("voice"), "pass": not problems,
                                "problems": problems, "last_reply": replies[-1] if replies else "",
                                "transcript": transcript})
            loop.close()
    passed = sum(r["pass"] for r in results)
    return {"label": label, "items": items_path.name, "passed": passed, "total": len(results),
            "results": results}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("items", type=Path)
    parser.add_argument("--label", default="latest")
    parser.add_argument("--json", type=Path, help="write every result here")
    args = parser.parse_args(argv)
    report = run(args.items, args.label)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{report['label']}: {report['passed']}/{report['total']} conversations pass")
    for r in report["results"]:
        if not r["pass"]:
            print(f"  {r['id']}: {'; '.join(r['problems'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
