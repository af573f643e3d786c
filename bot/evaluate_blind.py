"""Blind understanding sets (tests/blind/understanding_*.yml): what the tracker would hold.

Each message goes through the real trained model (`Agent.parse_message`, the whole NLU
pipeline) and its entities through `bot.slots.clinical_updates`, the function the triage form
and `action_triage` apply, so the figures are what staff would read in the slots. A red flag
is *present* when it reaches `red_flags`, *unsure* when the assistant would ask to confirm it
(`bot.red_flag_questions.flags_to_confirm`, the function the dialogue uses), else absent.

Scores (each set's labels are described in its header):
* red-flag recall: present or unsure labels caught (present, or a confirming question);
* false red flags: labels "absent" that reach `red_flags` (and, apart, those confirmed first);
* treatments, durations (category right and weeks within 25 %), locations: accuracy over the
  labelled messages and F1 counting values found where none was labelled.

Each language is also scored as a whole (every set of that language pooled: "English",
"Spanish"), each item by its own `lang` (its set's, or English, when absent).

`python -m bot.evaluate_blind [--model ...] [--data FILE ...] [--out reports]` writes
reports/blind.md and reports/blind.json (`make evaluate`).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Dict, List

import yaml

from bot.evaluate import _prf
from bot.red_flag_questions import flags_to_confirm
from bot.slots import clinical_updates

BLIND_DIR = Path("tests/blind")
WEEKS_TOLERANCE = 0.25


def load_items(path: Path) -> List[dict]:
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("text"), str)]


def read_turn(parsed: dict, context: str) -> dict:
    """What one parsed message leaves in the slots, from an empty conversation."""
    entities = parsed.get("entities") or []
    slots = clinical_updates({}, entities, parsed.get("text"))  # as the triage form reads it
    # the confirming questions the assistant would ask (none for a flag the same message
    # states or denies in other words)
    unsure = set(flags_to_confirm({}, entities))
    present = set(slots.get("red_flags") or [])
    return {
        "intent": (parsed.get("intent") or {}).get("name"),
        "red_flags": sorted(present),
        "red_flags_unsure": sorted(unsure - present),
        "treatments_tried": slots.get("treatments_tried"),
        "pain_location": slots.get("pain_location"),
        "weeks": slots.get("pain_duration_weeks"),
        "duration_category": slots.get("duration_category"),
        "context": context,
    }


def _weeks_close(found: float | None, expected: float | None) -> bool:
    if expected is None:
        return True
    if found is None:
        return False
    return abs(found - expected) <= max(WEEKS_TOLERANCE * expected, 0.15)


def score(items: List[dict], turns: List[dict]) -> dict:
    recall_hit = recall_n = strict_hit = 0
    absent_n = absent_false = absent_asked = spurious_flags = spurious_asked = 0
    misses: Dict[str, List[str]] = {k: [] for k in
                                    ("red_flag_missed", "red_flag_false", "red_flag_asked",
                                     "red_flag_asked_unlabelled", "treatment", "duration", "location")}
    t_tp = t_fp = t_fn = t_right = t_n = 0
    d_right = d_n = d_fp = 0
    l_right = l_n = l_fp = 0
    from bot.triage import classify_duration

    for item, turn in zip(items, turns):
        text = item["text"]
        present, unsure = set(turn["red_flags"]), set(turn["red_flags_unsure"])
        want_present = set(item.get("red_flags_present") or [])
        want_unsure = set(item.get("red_flags_unsure") or [])
        want_absent = set(item.get("red_flags_absent") or [])
        for flag in want_present | want_unsure:
            recall_n += 1
            if flag in present or flag in unsure:
                recall_hit += 1
                strict_hit += flag in present
            else:
                misses["red_flag_missed"].append(f"{flag}: {text}")
        for flag in want_absent - want_present - want_unsure:
            absent_n += 1
            if flag in present:
                absent_false += 1
                misses["red_flag_false"].append(f"{flag}: {text}")
            elif flag in unsure:
                absent_asked += 1
                misses["red_flag_asked"].append(f"{flag}: {text}")
        for flag in present - want_present - want_unsure - want_absent:
            spurious_flags += 1
            misses["red_flag_false"].append(f"{flag} (not mentioned): {text}")
        # a confirming question about a flag no label mentions: what the safety net costs
        # beyond the absent mentions (a message about a knee asked about a fall)
        for flag in unsure - want_present - want_unsure - want_absent:
            spurious_asked += 1
            misses["red_flag_asked_unlabelled"].append(f"{flag}: {text}")

        # treatments: [] is "nothing tried", tried_unspecified is "tried, none named"
        found = turn["treatments_tried"]
        if "treatments_tried" in item or item.get("tried_unspecified"):
            t_n += 1
            want = item.get("treatments_tried")
            if item.get("tried_unspecified") and want is None:
                right = found != []  # never read as "nothing tried"
                t_fp += len(found or [])
            else:
                want_set, found_set = set(want or []), set(found or [])
                right = (found == [] if want == [] else found_set == want_set)
                t_tp += len(want_set & found_set)
                t_fp += len(found_set - want_set)
                t_fn += len(want_set - found_set)
            t_right += right
            if not right:
                misses["treatment"].append(f"want {want if want is not None else 'tried, unnamed'},"
                                           f" got {found}: {text}")
        elif found:
            t_fp += len(found)
            misses["treatment"].append(f"want nothing, got {found}: {text}")

        weeks = item.get("duration_weeks")
        category = item.get("duration_category") or (
            classify_duration(float(weeks)) if weeks is not None else None)
        if category:
            d_n += 1
            right = turn["duration_category"] == category and _weeks_close(
                turn["weeks"], float(weeks) if weeks is not None else None)
            d_right += right
            if not right:
                misses["duration"].append(f"want {weeks or category}, got {turn['weeks']}"
                                          f" ({turn['duration_category']}): {text}")
        elif turn["weeks"] is not None:
            d_fp += 1
            misses["duration"].append(f"want none, got {turn['weeks']}: {text}")

        place = item.get("pain_location")
        if place:
            l_n += 1
            l_right += turn["pain_location"] == place
            if turn["pain_location"] != place:
                misses["location"].append(f"want {place}, got {turn['pain_location']}: {text}")
        elif turn["pain_location"]:
            l_fp += 1
            misses["location"].append(f"want none, got {turn['pain_location']}: {text}")

    def rate(a, b):
        return round(a / b, 4) if b else 1.0

    return {
        "messages": len(items),
        "red_flag_recall": rate(recall_hit, recall_n),
        "red_flag_recall_present_only": rate(strict_hit, recall_n),
        "red_flag_mentions": recall_n,
        "absent_mentions": absent_n,
        "false_red_flags": absent_false,
        "false_red_flag_rate": rate(absent_false, absent_n) if absent_n else 0.0,
        "absent_confirmed_first": absent_asked,
        "red_flags_not_mentioned_but_raised": spurious_flags,
        "red_flags_not_mentioned_but_asked": spurious_asked,
        "treatment_accuracy": rate(t_right, t_n), "treatment_labelled": t_n,
        "treatment": _prf(t_tp, t_fp, t_fn),
        "duration_accuracy": rate(d_right, d_n), "duration_labelled": d_n,
        "duration": _prf(d_right, d_fp + (d_n - d_right), d_n - d_right),
        "location_accuracy": rate(l_right, l_n), "location_labelled": l_n,
        "location": _prf(l_right, l_fp + (l_n - l_right), l_n - l_right),
        "misses": misses,
    }


async def _parse_all(agent, texts: List[str]):
    """The parses, and wall and CPU milliseconds a message (CPU time is what a message
    costs; wall time also counts whatever else the shared machine is running)."""
    await agent.parse_message("warm up")  # first-message costs (lazy indexes) are not a message's
    started, cpu = time.perf_counter(), time.process_time()
    parsed = [await agent.parse_message(t) for t in texts]
    n = max(len(texts), 1)
    return parsed, ((time.perf_counter() - started) / n * 1000, (time.process_time() - cpu) / n * 1000)


LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def evaluate(model: Path, files: List[Path]) -> Dict[str, dict]:
    """One report per file, then one per language with its files pooled (when a language
    has more than one file, or files of two languages were scored)."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog()
    agent = Agent.load(str(model))
    # The graph run as the Rasa server runs it (bot/rasa_speedups.py, applied when the
    # server starts): its CPU time is what a patient's message costs; the parses are the same
    from bot import rasa_speedups

    rasa_speedups.apply()
    reports, pooled = {}, {}
    for path in files:
        items = load_items(path)
        parsed, (ms, cpu_ms) = asyncio.run(_parse_all(agent, [i["text"] for i in items]))
        turns = [read_turn(p, i.get("context") or "first_message") for p, i in zip(parsed, items)]
        report = score(items, turns)
        report["ms_per_message"] = round(ms, 2)
        report["cpu_ms_per_message"] = round(cpu_ms, 2)
        reports[str(path)] = report
        # A set may mix languages (the red-flag sets do): each item is pooled by its own `lang`
        file_lang = next((i["lang"] for i in items if i.get("lang")), "en")
        langs = set()
        for item, turn in zip(items, turns):
            lang = item.get("lang") or file_lang
            langs.add(lang)
            pool = pooled.setdefault(lang, {"items": [], "turns": [], "ms": [], "cpu_ms": [], "files": 0})
            pool["items"].append(item)
            pool["turns"].append(turn)
            pool["ms"].append(ms)
            pool["cpu_ms"].append(cpu_ms)
        for lang in langs:
            pooled[lang]["files"] += 1
    if len(pooled) > 1 or any(p["files"] > 1 for p in pooled.values()):
        for lang, pool in sorted(pooled.items()):
            report = score(pool["items"], pool["turns"])
            report["ms_per_message"] = round(sum(pool["ms"]) / max(len(pool["ms"]), 1), 2)
            report["cpu_ms_per_message"] = round(sum(pool["cpu_ms"]) / max(len(pool["cpu_ms"]), 1), 2)
            reports[f"{LANGUAGE_NAMES.get(lang, lang)} (all sets)"] = report
    return reports


ROWS = [
    ("messages", "messages", "", "{}"),
    ("red-flag recall (present, or confirmed first)", "red_flag_recall", "1.00", "{:.3f}"),
    ("red-flag recall, present at once", "red_flag_recall_present_only", "", "{:.3f}"),
    ("red-flag mentions to catch", "red_flag_mentions", "", "{}"),
    ("false red flags among absent mentions", "false_red_flag_rate", "≤ 0.02", "{:.3f}"),
    ("absent mentions (negated, others', feared, past, questions)", "absent_mentions", "", "{}"),
    ("absent mentions confirmed first (a question, no flag)", "absent_confirmed_first", "", "{}"),
    ("flags raised that no label mentions", "red_flags_not_mentioned_but_raised", "0", "{}"),
    ("confirming questions on flags no label mentions", "red_flags_not_mentioned_but_asked", "", "{}"),
    ("treatments: accuracy (labelled messages)", "treatment_accuracy", "≥ 0.95", "{:.3f}"),
    ("durations: accuracy (category, weeks ±25 %)", "duration_accuracy", "≥ 0.95", "{:.3f}"),
    ("locations: accuracy", "location_accuracy", "≥ 0.95", "{:.3f}"),
    ("NLU ms a message (whole pipeline, in process, wall)", "ms_per_message", "", "{:.2f}"),
    ("NLU CPU ms a message (whole pipeline, in process)", "cpu_ms_per_message", "≤ 5", "{:.2f}"),
]


def markdown(reports: Dict[str, dict]) -> str:
    names = [f"`{Path(p).name}`" if p.endswith(".yml") else f"**{p}**" for p in reports]
    lines = ["| measure | " + " | ".join(names) + " | target |",
             "|---|" + "---|" * len(names) + "---|"]
    for label, key, target, fmt in ROWS:
        lines.append(f"| {label} | " + " | ".join(fmt.format(r[key]) for r in reports.values())
                     + f" | {target} |")
    for kind in ("treatment", "duration", "location"):
        lines.append(f"| {kind} P / R / F1 | " + " | ".join(
            "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**r[kind]) for r in reports.values())
            + " | |")
    for path, report in reports.items():
        if not path.endswith(".yml"):
            continue  # a language's pooled misses are its sets' misses, listed once
        lines += ["", f"### Misses in `{Path(path).name}`", ""]
        for kind, found in report["misses"].items():
            lines += [f"- **{kind}** ({len(found)})"] + [f"  - {m}" for m in found]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/current.tar.gz", type=Path)
    parser.add_argument("--data", action="append", type=Path)
    parser.add_argument("--out", default="reports", type=Path)
    args = parser.parse_args(argv)
    files = args.data or sorted(BLIND_DIR.glob("understanding_*.yml"))
    reports = evaluate(args.model, files)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "blind.json").write_text(json.dumps(reports, indent=2))
    text = markdown(reports)
    (args.out / "blind.md").write_text(text)
    print(text.split("\n### ")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
