"""What the benchmark measures, one function per row.

What the benchmark measures, one function per row: a server's figures (`measure`), the load
against any URL (`load_row`), each assistant, the stored-conversation rows, two servers."""
from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bench.assistant import Running, migrate, running_assistant, train
from bench.conversations import (
    ASSISTANT_LONG,
    ASSISTANT_PATHS,
    DEFAULT_LONG,
    DEFAULT_PATHS,
    MESSAGES,
    for_load,
    long_conversation,
)
from bench.default_assistant import ensure_trained, running_default
from bench.load import figures, median, per_message_ms, run_load, run_open_loop
from bench.procs import ROOT
from bench.seed import recorded_events, seed, stored_conversations
from deploy.postgres import Unavailable, running_postgres

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
CONVERSATIONS = 10 if QUICK else 50
STORED_SIZES = (1, 100) if QUICK else (1, 1_000, 10_000)
LONG_MESSAGES = 102            # latency around message 10 and around message 100
TOTAL_TIMEOUT_S = 600.0        # one load, at most
REQUEST_TIMEOUT_S = 60.0       # one message, at most
# The open loop: messages arriving at these rates whatever the answers, a patient pausing
# PATIENT_PAUSE_S between messages (so rate × pause conversations side by side).
OPEN_LOOP_RATES = (5, 20) if QUICK else (5, 20, 50)
OPEN_LOOP_SECONDS = 9 if QUICK else 30
PATIENT_PAUSE_S = 3.0
WORK = ROOT / ".bench" / "run"  # logs and databases of the latest run (synthetic text only)

started_at = time.perf_counter()


def say(text: str) -> None:
    print(f"[bench {time.perf_counter() - started_at:6.0f}s] {text}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------ measuring

def load_row(base_url: str, paths: Sequence[Sequence[str]], conversations: int = CONVERSATIONS,
             messages: int = MESSAGES, cpu: Optional[Callable[[], float]] = None) -> Dict:
    """The load against any server or proxy at `base_url`: CONVERSATIONS conversations at once
    × 20 messages; with `cpu` (CPU seconds of the servers so far), the CPU per message too."""
    cpu_before = cpu() if cpu else None
    result = run_load(base_url, for_load(paths, conversations, messages), sender_prefix="load",
                      total_timeout_s=TOTAL_TIMEOUT_S, request_timeout_s=REQUEST_TIMEOUT_S)
    row = figures(result)
    if cpu and row["messages_answered"]:
        row["server_cpu_ms_per_msg"] = round(
            (cpu() - cpu_before) * 1000 / row["messages_answered"], 1)
    return row


def server_cpu(running: Running) -> float:
    """CPU seconds so far of the Rasa server (all its workers) and the action server."""
    return running.rasa.cpu_s() + (running.actions.cpu_s() if running.actions else 0.0)


def open_loop_rows(running: Running, paths: Sequence[Sequence[str]]) -> List[Dict]:
    """p50/p95/p99 at each OPEN_LOOP_RATES rate (bench.load.run_open_loop)."""
    rows = []
    for rate in OPEN_LOOP_RATES:
        say(f"open loop: {rate} messages a second for {OPEN_LOOP_SECONDS} s")
        cpu_before = server_cpu(running)
        row = figures(run_open_loop(running.url, rate, OPEN_LOOP_SECONDS, PATIENT_PAUSE_S, paths,
                                    request_timeout_s=REQUEST_TIMEOUT_S,
                                    sender_prefix=f"open-{rate}"))
        if row["messages_answered"]:
            row["server_cpu_ms_per_msg"] = round(
                (server_cpu(running) - cpu_before) * 1000 / row["messages_answered"], 1)
        rows.append(row)
    return rows


def measure(running: Running, paths: Sequence[Sequence[str]], long: Tuple[List[str], List[str]],
            conversations: int = CONVERSATIONS, messages: int = MESSAGES,
            long_messages: int = LONG_MESSAGES) -> Dict:
    """Everything but training, on a server just started: one conversation alone, one long
    conversation, then the load; memory after it."""
    out: Dict = {"cold_start_s": running.cold_start_s, "workers": running.workers}
    single = run_load(running.url, [paths[0][:messages]], sender_prefix="single",
                      request_timeout_s=REQUEST_TIMEOUT_S)
    out["single_latency_ms"] = median(per_message_ms(single))
    out["single_per_message_ms"] = per_message_ms(single)
    out["single_errors"] = single["errors"]
    out["single_sender"] = single["senders"][0]

    long_run = run_load(running.url, [long_conversation(*long, long_messages)],
                        sender_prefix="long", request_timeout_s=REQUEST_TIMEOUT_S,
                        total_timeout_s=TOTAL_TIMEOUT_S)
    long_ms = per_message_ms(long_run)
    out["message_10_ms"] = median(long_ms[8:11])     # messages 9, 10, 11
    out["message_100_ms"] = median(long_ms[98:101])  # messages 99, 100, 101
    out["long_errors"] = long_run["errors"]

    say(f"load: {conversations} conversations × {messages} messages")
    rasa_before = running.rasa.cpu_s()
    actions_before = running.actions.cpu_s() if running.actions else 0.0
    load = load_row(running.url, paths, conversations, messages,
                    cpu=lambda: server_cpu(running))
    answered = load["messages_answered"] or 1
    load["rasa_cpu_ms_per_msg"] = round((running.rasa.cpu_s() - rasa_before) * 1000 / answered, 1)
    if running.actions:
        load["actions_cpu_ms_per_msg"] = round(
            (running.actions.cpu_s() - actions_before) * 1000 / answered, 1)
    out.update({k: load[k] for k in ("throughput_msg_s", "p50_ms", "p95_ms", "p99_ms", "errors",
                                     "server_cpu_ms_per_msg")})
    out["rss_mb"] = running.rasa.rss_mb()
    # With several workers: the main process (Sanic's manager) first, then each worker.
    out["rss_each_mb"] = running.rasa.rss_each_mb()
    out["rss_worker_mb"] = max(out["rss_each_mb"])
    out["actions_rss_mb"] = running.actions.rss_mb() if running.actions else None
    out["load"] = load
    out["open_loop"] = open_loop_rows(running, paths)
    return out


def measure_default() -> Dict:
    say("default assistant: rasa init + training (cached after the first run)")
    trained = ensure_trained()
    say(f"default assistant: trained in {trained['train_s']} s"
        f"{' (cached: measured ' + trained['trained_at'] + ')' if trained['cached'] else ''}")
    with running_default(WORK / "default", trained["model"]) as running:
        say(f"default assistant: answered /status after {running.cold_start_s} s")
        out = measure(running, DEFAULT_PATHS, DEFAULT_LONG)
    return dict(out, train_s=trained["train_s"], train_cached=trained["cached"],
                trained_at=trained["trained_at"])


def measure_assistant() -> Dict:
    say("this assistant: rasa train from scratch into .bench/run/train")
    train_s = train(WORK / "train")
    say(f"this assistant: trained in {train_s} s; starting it as `make run` does (SQLite)")
    db_url = f"sqlite:///{WORK / 'assistant' / 'clinic.db'}"
    with running_assistant(WORK / "assistant", db_url) as running:
        say(f"this assistant: answered /status after {running.cold_start_s} s")
        out = measure(running, ASSISTANT_PATHS, ASSISTANT_LONG)
    out["recorded_events"] = recorded_events(db_url, out["single_sender"])
    return dict(out, train_s=train_s, train_cached=False)


def one_worker_row() -> Dict:
    """This assistant with one Rasa worker under the same load: what the extra workers of
    `make run` add."""
    db_url = f"sqlite:///{WORK / 'one-worker' / 'clinic.db'}"
    try:
        with running_assistant(WORK / "one-worker", db_url,
                               env={"SANIC_WORKERS": "1"}) as running:
            say("this assistant with one worker: load")
            row = load_row(running.url, ASSISTANT_PATHS, cpu=lambda: server_cpu(running))
            return dict(row, workers=1, rss_mb=running.rasa.rss_mb(),
                        cold_start_s=running.cold_start_s)
    except Exception as e:  # one failed row must not lose the others' figures
        return {"workers": 1, "status": f"failed: {type(e).__name__}: {str(e)[:200]}"}


def stored_rows(events: List[Dict]) -> List[Dict]:
    """The same load over 1 / 1,000 / 10,000 conversations already stored, per database: the
    database grows in steps under one running server."""
    rows: List[Dict] = []
    for database in ("sqlite", "postgresql"):
        try:
            with contextlib.ExitStack() as stack:
                db_cpu = lambda: 0.0  # (SQLite works inside the Rasa process)
                if database == "sqlite":
                    url = f"sqlite:///{WORK / 'stored' / 'clinic.db'}"
                    (WORK / "stored").mkdir(parents=True, exist_ok=True)
                else:
                    postgres = stack.enter_context(running_postgres())
                    url, db_cpu = postgres.create_database("clinic"), postgres.cpu_s
                migrate(url)
                seeded, running = 0, None
                for size in STORED_SIZES:
                    started = time.perf_counter()
                    seed(url, events, size - seeded, first=seeded)
                    seed_s = round(time.perf_counter() - started, 1)
                    seeded = size
                    if running is None:
                        running = stack.enter_context(
                            running_assistant(WORK / f"stored-{database}", url))
                    stored = stored_conversations(url)
                    say(f"{database}: {stored} stored conversations (seeded in {seed_s} s); load")
                    servers = running
                    row = load_row(running.url, ASSISTANT_PATHS,
                                   cpu=lambda: server_cpu(servers) + db_cpu())
                    rows.append(dict(row, database=database, stored=stored, seeded_s=seed_s,
                                     events_per_conversation=len(events)))
        except Unavailable as e:
            rows += [{"database": database, "stored": n, "status": f"not available: {e}"}
                     for n in STORED_SIZES]
        except Exception as e:  # one failed row must not lose the others' figures
            say(f"{database}: failed: {e}")
            rows.append({"database": database, "stored": None,
                         "status": f"failed: {type(e).__name__}: {str(e)[:200]}"})
    return rows


def two_servers_row() -> Dict:
    """Two Rasa servers and two action servers behind nginx (deploy/cluster.py: PostgreSQL,
    the Redis lock store), under the same load."""
    from deploy.cluster import Cluster

    try:
        with Cluster(rasa_servers=2, action_servers=2, database="postgresql") as running:
            say(f"two servers behind {running.url}: load")
            return load_row(running.url, ASSISTANT_PATHS)
    except Exception as e:
        return {"status": f"failed: {type(e).__name__}: {str(e)[:200]}"}
