"""Score the blind off-script set: each item is one patient turn in a real conversation.

`python -m bot.evaluate_conversation [--label before] [--items tests/blind/offscript_en_1.yml]`
(run by `make evaluate`) starts the real action server, loads the trained model in process
(rasa's Agent with the project's endpoints, a throw-away SQLite tracker store), and for each
item drives a fresh conversation to the item's state with a FIXED script (below; a `lang: es`
item's is Spanish, bot/evaluate_conversation_es.py), checks the
state was reached, sends the item's turn, and judges what the patient read and what the
tracker holds. Writes reports/conversation-blind-<label>.json and prints a summary.

The judging rules, written before any change the set prompted, are in
bot/evaluate_conversation_rules.py; set 2's adapter is bot/evaluate_conversation_set2.py.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.evaluate_conversation_rules import Judge, turn_problems

ROOT = Path(__file__).resolve().parents[1]
ITEMS = ROOT / "tests" / "blind" / "offscript_en_1.yml"

# ---------------------------------------------------------------- the fixed scripts
DEFAULT_TRIAGE = ["my lower back", "about 8 months", "physio and ibuprofen"]
SHORT_TRIAGE = ["my lower back", "10 days", "nothing yet"]
BOOKING = ["Sam Taylor", "555 010 2030", "weekday mornings"]
GREET = "/greet"
STORY_QUESTIONS = ("pain_pattern", "prior_injection_relief")  # bot/story.py (issue 22)
SCRIPT = {"greet": GREET, "triage": DEFAULT_TRIAGE, "short": SHORT_TRIAGE, "booking": BOOKING,
          "book": "I'd like to book an appointment", "no": "no", "no_thanks": "no thanks",
          "what_is": "what is {}?", "not_sure": "not sure"}


def _fill(history: List[str], defaults: List[str], n: int) -> List[str]:
    return [history[i] if i < len(history) else defaults[i] for i in range(n)]


def script_for(item: Dict[str, Any]) -> Dict[str, Any]:
    """The fixed script in the item's language (`lang: es`: bot/evaluate_conversation_es.py)."""
    return es.SCRIPT if item.get("lang") == "es" else SCRIPT


def setup_script(item: Dict[str, Any], option_title: Optional[str]) -> List[str]:
    state, history = item["state"], list(item.get("history") or [])
    say = script_for(item)
    greet, triage = say["greet"], say["triage"]
    if state == "start":
        return []
    if state == "asked_where":
        return [greet]
    if state == "asked_how_long":
        return [greet] + _fill(history, triage, 1)
    if state == "asked_what_tried":
        return [greet] + _fill(history, triage, 2)
    if state == "asked_red_flags":
        return [greet] + _fill(history, triage, 3)
    if state == "options_explained":
        script = [greet] + _fill(history, triage, 3) + [say["no"]]
        return script + ([say["what_is"].format(option_title)] if option_title else [])
    if state == "offered_booking":
        return [greet] + _fill(history, triage, 3) + [say["no"], say["no_thanks"]]
    if state == "self_care_given":
        return [greet] + _fill(history, say["short"], 3) + [say["no"]]
    booking_steps = {"booking_asked_name": 0, "booking_asked_contact": 1,
                     "booking_asked_time": 2, "booking_done": 3}
    if state in booking_steps:
        return [greet, say["book"]] + _fill(history, say["booking"], booking_steps[state])
    raise ValueError(f"unknown state {state!r}")


def state_reached(state: str, snap: Dict[str, Any], option: Optional[str]) -> bool:
    loop, requested, slots = snap["loop"], snap["requested"], snap["slots"]
    form_states = {
        "asked_where": ("triage_form", "pain_location"),
        "asked_how_long": ("triage_form", "pain_duration_weeks"),
        "asked_what_tried": ("triage_form", "treatments_tried"),
        "asked_red_flags": ("triage_form", "red_flag_screen"),
        "booking_asked_name": ("booking_form", "booking_name"),
        "booking_asked_contact": ("booking_form", "booking_contact"),
        "booking_asked_time": ("booking_form", "booking_time"),
    }
    if state == "start":
        return True
    if state in form_states:
        return (loop, requested) == form_states[state]
    if state == "options_explained":
        return (loop is None and slots.get("triage_level") == "consultation"
                and (option is None or slots.get("last_option") == option))
    if state == "offered_booking":
        return loop is None and slots.get("pending_offer") == "booking"
    if state == "self_care_given":
        return loop is None and slots.get("triage_level") == "self_care"
    if state == "booking_done":
        return bool(slots.get("booking_reference"))
    return False


# ---------------------------------------------------------------- running
class Driver:
    def __init__(self, agent, loop):
        self.agent, self.loop = agent, loop

    def _tracker(self, sender):
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(sender))

    def snapshot(self, sender, last_bot="") -> Dict[str, Any]:
        tracker = self._tracker(sender)
        if tracker is None:
            return {"loop": None, "requested": None, "slots": {}, "last_bot": "", "n": 0}
        slots = tracker.current_slot_values()
        return {"loop": tracker.active_loop_name, "requested": slots.get("requested_slot"),
                "slots": slots, "last_bot": last_bot, "n": len(tracker.events)}

    def say(self, sender, text) -> Dict[str, Any]:
        replies = self.loop.run_until_complete(
            self.agent.handle_text(text, sender_id=sender)) or []
        tracker = self._tracker(sender)
        message = tracker.latest_message
        return {"messages": [r.get("text", "") for r in replies],
                "text": "\n".join(r.get("text", "") for r in replies),
                "buttons": [b for r in replies for b in r.get("buttons") or []],
                "intent": (message.intent or {}).get("name"),
                "entities": message.entities or []}


def run(items_path: Path, label: str, out_dir: Path) -> Dict[str, Any]:
    from bot.clinic import load_clinic
    from bot.content import load_content
    from tests.harness import load_agent, running_action_server

    items = [described.adapt(item) for item in yaml.safe_load(items_path.read_text())]
    clinic, content = load_clinic(), load_content()
    faq = _faq_answers(clinic)
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    questions = {name[len("utter_ask_"):]: [v["text"] for v in variants]
                 for name, variants in domain["responses"].items()
                 if name.startswith("utter_ask_")}
    second = any(_second_set(item) for item in items) or items_path.stem == "offscript_en_2"
    judge = set2.Set2Judge(clinic, content, faq, questions, bookings=set2.bookings_reader()) \
        if second else Judge(clinic, content, faq, questions)
    judges = {"en": judge}
    if any(item.get("lang") == "es" for item in items):
        judges["es"] = es.spanish_judge(clinic, domain)
    titles = {lang: {o.id: o.title for o in j.content.options} for lang, j in judges.items()}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/blind.db"
        import os
        os.environ["DB_URL"] = db
        with running_action_server(Path(tmp), DB_URL=db) as url:
            loop = asyncio.new_event_loop()
            driver = Driver(load_agent(url, db), loop)
            for item in items:
                lang = item.get("lang", "en")
                results.append(_run_item(driver, judges[lang], item, titles[lang], label))
            loop.close()
    summary = _summarise(results)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"conversation-blind-{label}.json").write_text(
        json.dumps({"label": label, "summary": summary, "items": results}, indent=1))
    return summary


def _run_item(driver, judge, item, titles, label) -> Dict[str, Any]:
    sender = f"blind-{label}-{item['id']}"
    option = item.get("option")
    if _second_set(item):
        return _judge_turn(driver, judge, item, sender,
                           set2.drive(driver, sender, item, titles, state_reached))
    last_bot, not_sure = "", script_for(item)["not_sure"]
    for text in setup_script(item, titles.get(option)):
        # A question the fixed script does not know (the pain's story, asked only when the
        # options depend on it) is answered "not sure", which moves on without an answer.
        while driver.snapshot(sender)["requested"] in STORY_QUESTIONS:
            driver.say(sender, not_sure)
        last_bot = (driver.say(sender, text)["messages"] or [""])[-1]
    while item["state"] in ("asked_red_flags", "options_explained", "offered_booking",
                            "self_care_given") and \
            driver.snapshot(sender)["requested"] in STORY_QUESTIONS:
        last_bot = (driver.say(sender, not_sure)["messages"] or [""])[-1]
    return _judge_turn(driver, judge, item, sender, last_bot)


def _second_set(item) -> bool:
    """Set 2's history is {patient: ...} / {bot: ...} turns (bot/evaluate_conversation_set2)."""
    return any(isinstance(turn, dict) for turn in item.get("history") or [])


def _judge_turn(driver, judge, item, sender, last_bot) -> Dict[str, Any]:
    option = item.get("option")
    before = driver.snapshot(sender, last_bot)
    if getattr(judge, "bookings", None):
        item = {**item, "sender": sender, "bookings_before": len(judge.bookings(sender))}
    result = {"id": item["id"], "expect": item["expect"], "then": item["then"],
              "state": item["state"], "text": item["text"]}
    if not state_reached(item["state"], before, option):
        result.update(passed=False, setup_failed=True,
                      problems=[f"state {item['state']} not reached "
                                f"({before['loop']}, {before['requested']})"])
        return result
    turn = driver.say(sender, item["text"])
    after = driver.snapshot(sender)
    problems = turn_problems(judge, item, before, after, turn)
    result.update(passed=not problems, problems=problems, intent=turn["intent"],
                  answer=turn["text"], loop_after=after["loop"],
                  requested_after=after["requested"])
    return result


from bot import evaluate_conversation_described as described  # noqa: E402 - items that carry their checks
from bot import evaluate_conversation_es as es  # noqa: E402 - Spanish items' script and judge
from bot import evaluate_conversation_set2 as set2  # noqa: E402 - it takes GREET from above
from bot import evaluate_conversation_set3  # noqa: E402,F401 - adds set 3's tables to the rules


def _faq_answers(clinic) -> Dict[str, str]:
    """The clinic's own answer per topic, if content/faq.yml exists (filled with clinic.yml)."""
    try:
        from bot.faq import load_faq
    except ImportError:
        return {}
    return load_faq().answers(clinic)


def _summarise(results) -> Dict[str, Any]:
    by_kind: Dict[str, Counter] = defaultdict(Counter)
    for r in results:
        kind = r["expect"].split(":")[0]
        by_kind[kind]["items"] += 1
        by_kind[kind]["passed"] += int(r["passed"])
        by_kind[kind]["setup_failed"] += int(bool(r.get("setup_failed")))
    total = len(results)
    passed = sum(r["passed"] for r in results)
    return {"items": total, "passed": passed, "rate": round(passed / total, 3),
            "setup_failed": sum(bool(r.get("setup_failed")) for r in results),
            "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=Path, default=ITEMS)
    parser.add_argument("--label", default="latest")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args(argv)
    summary = run(args.items, args.label, args.out)
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
