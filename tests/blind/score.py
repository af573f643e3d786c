"""Score the blind table of patient stories (tests/blind/option_stories_1.yml) against the
option selection: on the pure function given the table's facts, and through
whole conversations on the real model and action server sending the patient's messages.

    python -m tests.blind.score tests/blind/option_stories_1.yml [--conversation] [--json OUT]

A story passes when every `expected_options` id was offered and no `must_not` id was; a
red-flag story (`expected_level`) passes when the level is emergency or urgent and nothing
was offered. Not a test (the blind table is scored once before changes and once after, and
the figures go in reports/options.md); tests/unit/test_option_stories.py and
tests/test_option_story_conversations.py are the tests.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping

import yaml

# The blind table writes facts in its own words; these map them to the contract's values.
BLIND_TREATMENTS = {
    "neuropathic_medication": "prescription_medication",
    "opioid_medication": "prescription_medication",
    "spine_surgery": "surgery",
    "pain_management_programme": None,
}
BLIND_INJECTIONS = {
    "epidural_steroid_injection": "epidural",
    "nerve_root_block": "nerve_root",
    "facet_joint_injection": "facet",
    "diagnostic_block": "medial_branch",
    "radiofrequency_rhizotomy": None,  # a procedure had, not an injection: see story_facts
    "spinal_cord_stimulation_trial": None,
}
BLIND_PATTERN = {"radicular": None, "axial": "axial", "unclear": None}


def load_table(path: Path) -> List[Dict[str, Any]]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return rows if isinstance(rows, list) else rows["stories"]


def location_of(blind_location: str) -> str:
    """lower_back_and_leg -> lower_back, neck_and_arm -> neck, leg -> lower_back, ..."""
    loc = blind_location or ""
    if "neck" in loc or loc == "arm":
        return "neck"
    if "upper" in loc or "mid" in loc:
        return "upper_back"
    return "lower_back"


def story_facts(facts: Mapping[str, Any]) -> Dict[str, Any]:
    """The table's facts as the assistant's slots (contract values)."""
    tried = []
    for t in facts.get("treatments_tried") or []:
        mapped = BLIND_TREATMENTS.get(t, t)
        if mapped and mapped not in tried:
            tried.append(mapped)
    if facts.get("prior_surgery") and "surgery" not in tried:
        tried.append("surgery")
    injections = []
    for inj in facts.get("prior_injections") or []:
        kind = inj.get("type")
        if kind == "radiofrequency_rhizotomy":
            if "radiofrequency_ablation" not in tried:
                tried.append("radiofrequency_ablation")
            continue
        if kind == "spinal_cord_stimulation_trial":
            continue
        injections.append({"kind": BLIND_INJECTIONS.get(kind, "other"), "relief": inj.get("relief", "unknown"),
                           "relief_weeks": inj.get("relief_weeks")})
    location = location_of(facts.get("pain_location"))
    pattern = facts.get("pain_pattern")
    if pattern == "radicular":
        pattern = "radiating_arm" if location == "neck" else "radiating_leg"
    else:
        pattern = BLIND_PATTERN.get(pattern, pattern)
    return {
        "location": location,
        "weeks": facts.get("duration_weeks"),
        "tried": tried,
        "pattern": pattern,
        "injections": injections,
        "peg": facts.get("peg"),
        "red_flags": facts.get("red_flags") or [],
    }


def judge(row: Mapping[str, Any], offered: List[str], level: str | None) -> List[str]:
    """What is wrong with this outcome for this row (empty: it passes)."""
    problems = []
    if row.get("expected_level"):
        if level not in ("emergency", "urgent"):
            problems.append(f"level {level}, expected {row['expected_level']}")
        if offered:
            problems.append(f"options offered on a red-flag story: {offered}")
        return problems
    missing = [o for o in row.get("expected_options") or [] if o not in offered]
    wrong = [o for o in row.get("must_not") or [] if o in offered]
    if missing:
        problems.append(f"missing {missing}")
    if wrong:
        problems.append(f"ruled out but offered {wrong}")
    if level in ("emergency", "urgent"):
        problems.append(f"level {level} on a story without red flags")
    return problems


def score(rows, outcome: Callable[[Mapping[str, Any]], tuple]) -> Dict[str, Any]:
    results = []
    for row in rows:
        offered, level = outcome(row)
        problems = judge(row, offered, level)
        results.append({"id": row["id"], "offered": offered, "level": level, "problems": problems})
    passed = sum(1 for r in results if not r["problems"])
    return {
        "stories": len(results),
        "passed": passed,
        "ruled_out_offered": sum(1 for r in results if any("ruled out" in p or "red-flag" in p for p in r["problems"])),
        "expected_missing": sum(1 for r in results if any(p.startswith("missing") for p in r["problems"])),
        "results": results,
    }


# --------------------------------------------------------------------------- pure function


def pure_outcome(row: Mapping[str, Any]) -> tuple:
    """The selection given the table's facts, as many as the patient is shown."""
    from bot.advice import MAX_OPTIONS_SHOWN
    from bot.content import load_content, select_options
    from bot.option_fit import PatientStory
    from bot.triage import ACUTE_LIMIT_WEEKS

    facts = story_facts(row["facts"])
    if facts["red_flags"]:
        return [], "urgent"  # the triage rules decide before any option (bot/triage.py)
    if facts["weeks"] is not None and facts["weeks"] < ACUTE_LIMIT_WEEKS:
        return [], "self_care"
    story = PatientStory(location=facts["location"], weeks=facts["weeks"], tried=tuple(facts["tried"]),
                         pattern=facts["pattern"], injections=tuple(facts["injections"]),
                         severity=facts.get("peg"))
    fits = select_options(load_content(), story).fits[:MAX_OPTIONS_SHOWN]
    return [f.option.id for f in fits], "consultation"


# --------------------------------------------------------------------------- conversations


FINISH_ANSWERS = {"red_flag_screen": "none of these"}


def conversation_outcomes(rows) -> Dict[str, tuple]:
    """Each story's messages sent to the real model and action server; then the screening
    question (which no story answers) answered "none of these"."""
    import asyncio

    from tests.harness import Conversation, load_agent, running_action_server

    outcomes = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/score.db"
        with running_action_server(Path(tmp), DB_URL=db) as url:
            loop = asyncio.new_event_loop()
            agent = load_agent(url, db)
            for row in rows:
                chat = Conversation(agent, loop, f"score-{row['id']}")
                for text in row["messages"]:
                    chat.say(text)
                for _ in range(3):
                    slots = chat.slots
                    if chat.active_form != "triage_form":
                        break
                    answer = FINISH_ANSWERS.get(slots.get("requested_slot"))
                    if answer is None:
                        break  # a question the story does not answer: scored as it stands
                    chat.say(answer)
                slots = chat.slots
                outcomes[row["id"]] = (list(slots.get("options_explained") or []), slots.get("triage_level"),
                                       slots.get("requested_slot"))
            loop.close()
    return outcomes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("table", type=Path)
    parser.add_argument("--conversation", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = load_table(args.table)
    if args.conversation:
        outcomes = conversation_outcomes(rows)
        report = score(rows, lambda row: outcomes[row["id"]][:2])
        for r in report["results"]:
            r["left_waiting_for"] = outcomes[r["id"]][2]
    else:
        report = score(rows, pure_outcome)
    for r in report["results"]:
        mark = "ok " if not r["problems"] else "BAD"
        print(f"{mark} {r['id']}: offered {r['offered']} level {r['level']} {'; '.join(r['problems'])}")
    print(f"passed {report['passed']}/{report['stories']}; offered a ruled-out option in "
          f"{report['ruled_out_offered']}; missed an expected option in {report['expected_missing']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
