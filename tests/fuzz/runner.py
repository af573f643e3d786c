"""Sends the bad-input corpus (tests/fuzz/corpus.py) through a real `rasa run` and checks it.

`make fuzz` (`python -m tests.fuzz.runner`) runs the whole corpus; tests/fuzz/test_bad_input.py
runs a bounded sample with the same checks. For every message, over the REST channel:

* the HTTP status is never 5xx, and the reply has at least one non-empty text with no
  unfilled {placeholder};

after each conversation (50 messages by default), the patient asks to book, answers the
booking questions, and must reach the booking confirmation (or, after an emergency red
flag, be told again to go to the emergency department: such a conversation is never booked);

and afterwards:

* no Traceback, exception or ERROR line in the Rasa or action-server log, and no message
  text from the corpus in either log;
* every slot value ever stored is one its slot allows (domain.yml types, the contract's
  values, pain_duration_weeks within 0 to 100 years), duration_category matches the weeks
  at every turn, and every stored booking request has a plausible name, contact and time.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import yaml

from bot.contract import RED_FLAGS, TREATMENTS
from bot.triage import classify_duration
from tests.fuzz.corpus import DEFAULT_SEED, HAND_PICKED, PATIENT, Message, conversations, corpus
from tests.harness import ROOT, free_port, rest_headers, running_action_server, start_rasa

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
LOG_PROBLEM = re.compile(r"Traceback|Exception|\bERROR\b|\bCRITICAL\b")
# The finishing patient: asks to book and answers whatever booking question comes.
BOOK = "I'd like to book an appointment"
FINISH_ANSWERS = (("name", "Jane Fuzz"), ("phone number or email", "jane.fuzz@example.com"),
                  ("when would", "weekday mornings"))
DONE_MARKERS = ("your reference is", "already with the clinic")
EMERGENCY_MARKER = "emergency department"
# The corpus's patient sentences that are not names, and its requests to book: a booking
# that stored one of them as the name or the preferred time misread the patient.
NOT_NAMES = {t.lower() for t in PATIENT} - {"jane smith", "my name is ahmed al-sayed"}
BOOKING_REQUESTS = {BOOK.lower(), "i'd like to book an appointment", "can i see a specialist?"}
# Odd conversation ids a REST client may use: they must work like any other.
ODD_SENDERS = ("fuzz 😀 sender", "../../etc/passwd", "x" * 255, "'; DROP TABLE events; --",
               "ملف", "12345")


@dataclass
class Problem:
    where: str
    what: str
    text: str = ""

    def __str__(self) -> str:
        shown = repr(self.text[:120]) + ("…" if len(self.text) > 120 else "") if self.text else ""
        return f"{self.where}: {self.what} {shown}".rstrip()


@dataclass
class Outcome:
    messages: int = 0
    conversations: int = 0
    finished: int = 0
    emergencies: int = 0
    latencies: List[float] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, latency: float, problems: Sequence[Problem]) -> None:
        with self.lock:
            self.messages += 1
            self.latencies.append(latency)
            self.problems.extend(problems)


# --------------------------------------------------------------------------- talking
def post(port: int, sender: str, text: str, timeout: float = 120) -> Tuple[int, Any, float]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body,
                                     headers=rest_headers())
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    elapsed = time.perf_counter() - started
    try:
        payload = json.loads(raw or b"null")
    except ValueError:
        payload = raw
    return status, payload, elapsed


# "{clinic_name}" typed by a patient comes back in the booking confirmation: only a
# placeholder no message of the corpus contains is one the assistant failed to fill.
TYPED_PLACEHOLDERS = {p for texts in HAND_PICKED.values() for t in texts for p in PLACEHOLDER.findall(t)}


def reply_problems(where: str, text: str, status: int, payload: Any) -> List[Problem]:
    if status >= 500:
        return [Problem(where, f"HTTP {status}", text)]
    if status != 200:
        return [Problem(where, f"HTTP {status} for a well-formed request", text)]
    texts = [m.get("text") for m in payload if isinstance(m, dict)] if isinstance(payload, list) else []
    if not any(isinstance(t, str) and t.strip() for t in texts):
        return [Problem(where, "no text reply", text)]
    unfilled = [t for t in texts if isinstance(t, str)
                and set(PLACEHOLDER.findall(t)) - TYPED_PLACEHOLDERS]
    return [Problem(where, f"unfilled placeholder in {unfilled[0][:80]!r}", text)] if unfilled else []


def joined(payload: Any) -> str:
    if not isinstance(payload, list):
        return ""
    return "\n".join(m.get("text") or "" for m in payload if isinstance(m, dict))


def finish(port: int, sender: str, outcome: Outcome) -> Optional[Problem]:
    """Ask to book and answer the booking questions: the conversation must still finish."""
    text = BOOK
    for turn in range(8):
        status, payload, elapsed = post(port, sender, text)
        where = f"{sender} finishing, turn {turn + 1}"
        outcome.add(elapsed, reply_problems(where, text, status, payload))
        reply = joined(payload).lower()
        if any(marker in reply for marker in DONE_MARKERS):
            return None
        if EMERGENCY_MARKER in reply:
            with outcome.lock:
                outcome.emergencies += 1
            return None
        answer = next((a for q, a in FINISH_ANSWERS if q in reply), None)
        text = answer or BOOK
    return Problem(sender, "the conversation did not reach the booking confirmation",
                   joined(payload))


def run_conversation(port: int, sender: str, messages: Sequence[Message], outcome: Outcome) -> None:
    for m in messages:
        status, payload, elapsed = post(port, sender, m.text)
        outcome.add(elapsed, reply_problems(f"message {m.index} ({m.category}, {sender})",
                                            m.text, status, payload))
    problem = finish(port, sender, outcome)
    with outcome.lock:
        outcome.conversations += 1
        if problem:
            outcome.problems.append(problem)
        else:
            outcome.finished += 1


def sender_ids(seed: int, count: int) -> List[str]:
    ids = [f"fuzz-{seed}-{n:05d}" for n in range(count)]
    for n, odd in enumerate(ODD_SENDERS):  # spread through the run
        position = (n * 7 + 3) % max(count, 1)
        if position < count:
            ids[position] = odd
    return ids


def send_corpus(port: int, messages: Sequence[Message], per_conversation: int = 50,
                workers: int = 6, seed: int = DEFAULT_SEED) -> Outcome:
    outcome = Outcome()
    chats = list(conversations(messages, per_conversation))
    senders = sender_ids(seed, len(chats))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(run_conversation, port, s, c, outcome)
                       for s, c in zip(senders, chats)]:
            future.result()
    return outcome


# --------------------------------------------------------------------------- checking
def log_problems(logs: Dict[str, str], texts: Sequence[str]) -> List[Problem]:
    """Errors in the logs, and any corpus text (16 characters or more) found in them."""
    problems: List[Problem] = []
    for name, content in logs.items():
        bad = [line for line in content.splitlines() if LOG_PROBLEM.search(line)]
        for line in bad[:5]:
            problems.append(Problem(name, "error in the log", line.strip()))
        if len(bad) > 5:
            problems.append(Problem(name, f"... and {len(bad) - 5} more error lines"))
        lowered = content.lower()
        leaked = {t for t in texts if len(t.strip()) >= 16 and t.strip().lower() in lowered}
        for text in sorted(leaked)[:5]:
            problems.append(Problem(name, "patient text in the log", text))
    return problems


@dataclass(frozen=True)
class SlotRules:
    """What each slot may hold, from domain.yml and the contract."""

    slots: Dict[str, Dict[str, Any]]
    option_ids: frozenset

    @classmethod
    def load(cls) -> "SlotRules":
        from bot.content import load_content

        domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
        slots = dict(domain["slots"])
        # Rasa's own slots
        slots.setdefault("requested_slot", {"type": "text"})
        slots.setdefault("session_started_metadata", {"type": "any"})
        return cls(slots, frozenset(o.id for o in load_content().options))

    def problem(self, name: str, value: Any) -> Optional[str]:
        spec = self.slots.get(name)
        if spec is None:
            return "a slot the domain does not have"
        if value is None or spec["type"] == "any":
            return None
        kind = spec["type"]
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                return "not a finite number"
            low, high = spec.get("min_value", 0.0), spec.get("max_value", 1.0)
            return None if low <= value <= high else f"outside {low}..{high}"
        if kind == "categorical":
            return None if value in spec["values"] else "not one of the slot's values"
        if kind == "bool":
            return None if isinstance(value, bool) else "not true/false"
        if kind == "list":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "not a list of words"
            allowed = {"treatments_tried": TREATMENTS, "red_flags": RED_FLAGS,
                       "options_explained": self.option_ids}.get(name)
            if allowed is not None and not set(value) <= set(allowed):
                return f"values outside the contract: {sorted(set(value) - set(allowed))}"
            return None
        if kind == "text":
            if not isinstance(value, str):
                return "not text"
            if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", value):
                return "control characters stored"
            limit = {"booking_name": 80, "booking_time": 200, "booking_contact": 254}.get(name, 500)
            return None if len(value) <= limit else f"{len(value)} characters"
        return None


def stored_events(db_path: Path) -> Iterator[Tuple[str, str, Dict[str, Any]]]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute("SELECT sender_id, type_name, data FROM events ORDER BY id")
        for sender, type_name, data in rows:
            yield sender, type_name, json.loads(data)


def slot_problems(db_path: Path, rules: SlotRules) -> Tuple[List[Problem], int]:
    """Every slot value ever stored, and duration_category against the weeks at each turn."""
    problems: List[Problem] = []
    state: Dict[str, Dict[str, Any]] = {}
    count = 0

    def consistent(sender: str) -> None:
        slots = state.get(sender, {})
        weeks, category = slots.get("pain_duration_weeks"), slots.get("duration_category")
        expected = classify_duration(weeks) if isinstance(weeks, (int, float)) and math.isfinite(weeks) else None
        if category != expected:
            problems.append(Problem(sender, f"duration_category {category!r} with "
                                            f"pain_duration_weeks {weeks!r}"))

    for sender, type_name, data in stored_events(db_path):
        if type_name in ("restart", "session_started"):
            state[sender] = {}
        elif type_name == "user":
            consistent(sender)
        elif type_name == "slot":
            count += 1
            problem = rules.problem(data.get("name"), data.get("value"))
            if problem:
                problems.append(Problem(sender, f"slot {data.get('name')}: {problem}",
                                        repr(data.get("value"))))
            state.setdefault(sender, {})[data.get("name")] = data.get("value")
    for sender in state:
        consistent(sender)
    return problems, count


def booking_problems(db_url: str) -> Tuple[List[Problem], int]:
    from bot import store
    from bot.booking import parse_contact

    problems: List[Problem] = []
    rows = store.list_bookings(url=db_url)
    for row in rows:
        where = f"booking {row['reference']} ({row['conversation_id']})"
        for name, limit in (("name", 80), ("contact", 254), ("preferred_time", 200)):
            value = row.get(name) or ""
            if not value.strip() or len(value) > limit:
                problems.append(Problem(where, f"{name} empty or too long", value))
            if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
                problems.append(Problem(where, f"control characters in {name}", value))
        if parse_contact(row.get("contact") or "") != row.get("contact") or not row["contact"].isascii():
            problems.append(Problem(where, "contact is not a phone number or email", row.get("contact")))
        if (row.get("name") or "").lower() in NOT_NAMES:
            problems.append(Problem(where, "a patient's sentence stored as the name", row["name"]))
        if (row.get("preferred_time") or "").lower() in BOOKING_REQUESTS:
            problems.append(Problem(where, "the request to book stored as the time", row["preferred_time"]))
    return problems, len(rows)


# --------------------------------------------------------------------------- servers
@contextlib.contextmanager
def fuzz_servers(workdir: Path, **rasa_env: str) -> Iterator[Tuple[int, str, Dict[str, Path]]]:
    """An action server and `rasa run` (REST, SQLite tracker store) in workdir: (port, the
    bookings database URL, the two log files)."""
    db_url = f"sqlite:///{workdir / 'clinic.db'}"
    with running_action_server(workdir, DB_URL=db_url) as action_url:
        port = free_port()
        rasa = start_rasa(workdir, port, action_url, **rasa_env)
        try:
            logs = {"actions": next(workdir.glob("actions-*.log")), "rasa": workdir / f"rasa-{port}.log"}
            yield port, db_url, logs
        finally:
            rasa.terminate()
            rasa.wait(timeout=30)


def read_logs(logs: Dict[str, Path], offsets: Optional[Dict[str, int]] = None) -> Dict[str, str]:
    """Each log's text (from the offsets, when given)."""
    out = {}
    for name, path in logs.items():
        with open(path, "rb") as handle:
            handle.seek((offsets or {}).get(name, 0))
            out[name] = handle.read().decode("utf-8", errors="replace")
    return out


def log_sizes(logs: Dict[str, Path]) -> Dict[str, int]:
    return {name: path.stat().st_size for name, path in logs.items()}


def check_everything(workdir: Path, port: int, db_url: str, logs: Dict[str, Path],
                     messages: Sequence[Message], outcome: Outcome,
                     offsets: Optional[Dict[str, int]] = None) -> Dict[str, int]:
    """Adds the log, slot and booking problems to the outcome; returns what was checked."""
    texts = [m.text for m in messages] + ["Jane Fuzz", "jane.fuzz@example.com"]
    outcome.problems += log_problems(read_logs(logs, offsets), texts)
    slots, slot_count = slot_problems(workdir / "rasa.db", SlotRules.load())
    bookings, booking_count = booking_problems(db_url)
    outcome.problems += slots + bookings
    return {"slot values": slot_count, "booking requests": booking_count}


# The fuzz server reads every message: the flood limit is tested on its own
# (tests/fuzz/test_bad_input.py); here one sender sends 50 messages at machine speed.
FUZZ_RASA_ENV = {"FLOOD_BURST": "0"}


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.runner", description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-conversation", type=int, default=50)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, databases)")
    args = parser.parse_args(argv)

    messages = corpus(args.size, args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="fuzz-"))
    print(f"corpus: {len(messages)} messages, seed {args.seed}; servers in {workdir}", flush=True)
    started = time.perf_counter()
    with fuzz_servers(workdir, **FUZZ_RASA_ENV) as (port, db_url, logs):
        ready = time.perf_counter()
        outcome = send_corpus(port, messages, args.per_conversation, args.workers, args.seed)
        sent = time.perf_counter()
        checked = check_everything(workdir, port, db_url, logs, messages, outcome)
    finished = time.perf_counter()

    lat = outcome.latencies
    print(f"sent {outcome.messages} messages in {outcome.conversations} conversations "
          f"({args.workers} at a time) in {sent - ready:.0f} s: {outcome.messages / (sent - ready):.1f} messages/s; "
          f"latency median {statistics.median(lat) * 1000:.0f} ms, p90 {percentile(lat, .9) * 1000:.0f} ms, "
          f"p99 {percentile(lat, .99) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms")
    print(f"finished: {outcome.finished} of {outcome.conversations} conversations "
          f"({outcome.emergencies} ended at the emergency advice); checked "
          + ", ".join(f"{n} {what}" for what, n in checked.items())
          + f"; servers started in {ready - started:.0f} s; total {finished - started:.0f} s")
    if outcome.problems:
        print(f"\n{len(outcome.problems)} problems:")
        for problem in outcome.problems[:200]:
            print(f"  {problem}")
    else:
        print("no problems")
    if not args.keep and not outcome.problems:
        import shutil
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
