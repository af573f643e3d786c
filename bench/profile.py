"""`python -m bench.profile`: where this assistant's Rasa server spends its time.

`python -m bench.profile`: this assistant's Rasa server under cProfile during the load (50
conversations × 20 messages, SQLite, started as `make run` does), and where its time goes:
own time grouped by what the code is for, and the top functions by cumulative time. Writes
reports/bench-profile.md. cProfile slows the server down about twofold and sees only the
server's main thread (where Rasa does its work); the action server's part is its CPU time."""
from __future__ import annotations

import argparse
import json
import pstats
import shutil
import sys
from pathlib import Path
from typing import Dict, List, Tuple

from bench.assistant import running_assistant
from bench.conversations import ASSISTANT_PATHS
from bench.measure import CONVERSATIONS, WORK, load_row, say
from bench.procs import ROOT

# What the code is for, by where it lives (first match wins).
CATEGORIES: List[Tuple[str, Tuple[str, ...]]] = [
    ("checking the action server's answer (jsonschema, RemoteAction._validate_action_result)",
     ("/jsonschema/", "/pyrsistent/", "/attr/", "/referencing/")),
    ("NLU (spaCy, featurizers, classifier, project components)",
     ("/rasa/nlu/", "/spacy/", "/sklearn/", "/thinc/", "/scipy/", "/numpy/", "/bot/nlu/")),
    ("tracker store: SQL read/write", ("/rasa/core/tracker_store.py", "/sqlalchemy/",
                                        "sqlite3", "/psycopg2/")),
    ("events and trackers (deserialise, replay, copy)",
     ("/rasa/shared/core/events.py", "/rasa/shared/core/trackers.py", "copy.py",
      "/rasa/shared/core/slots.py", "/rasa/shared/nlu/training_data/message.py")),
    ("policies and the graph runner (rules, forms, red flags)",
     ("/rasa/core/policies/", "/rasa/engine/", "/dask/", "/rasa/core/featurizers/",
      "/rasa/shared/core/generator.py", "/bot/dialogue.py", "/rasa/graph_components/")),
    ("domain, responses, templates", ("/rasa/shared/core/domain.py", "/rasa/core/nlg/",
                                      "/rasa/shared/utils/")),
    ("action server calls (aiohttp client)", ("/rasa/core/actions/", "/aiohttp/",
                                              "/rasa/utils/endpoints.py", "/yarl/", "/multidict/")),
    ("JSON", ("/json/", "ujson", "rapidjson", "orjson")),
    ("HTTP server (Sanic) and channels", ("/sanic/", "/rasa/core/channels/", "/httptools/",
                                          "/bot/channels/", "/rasa/server.py")),
    ("message processing (processor, lock store)",
     ("/rasa/core/processor.py", "/rasa/core/lock_store.py", "/rasa/core/lock.py")),
    ("logging", ("/logging/", "/structlog/")),
    ("asyncio and the event loop", ("/asyncio/", "uvloop", "selectors")),
    ("start-up: imports, TensorFlow, loading the model",
     ("<frozen importlib", "/tensorflow/", "/keras/", "/importlib/", "/tarfile.py", "/skops/",
      "/rasa/model", "/rasa/engine/storage", "/yaml/", "/ruamel/", "/rasa/core/run.py",
      "/rasa/core/agent.py")),
]


def _direct(filename: str) -> str:
    return next((name for name, parts in CATEGORIES if any(p in filename for p in parts)), "")


def categorise(stats: pstats.Stats) -> List[Tuple[str, float]]:
    """Own time by category. Built-ins and standard-library code (sqlite3's commit, urllib's
    urlsplit, isinstance ...) count for whoever called them, in proportion to the calls' time."""
    memo: Dict[Tuple, Dict[str, float]] = {}

    def shares(key: Tuple, depth: int = 0) -> Dict[str, float]:
        if key in memo:
            return memo[key]
        direct = _direct(key[0])
        callers = stats.stats[key][4]
        if direct or not callers or depth > 8:
            result = {direct or "other": 1.0}
        else:
            weights = {c: v[2] + 1e-12 for c, v in callers.items() if c in stats.stats}
            total = sum(weights.values()) or 1.0
            result = {}
            for caller, weight in weights.items():
                for name, share in shares(caller, depth + 1).items():
                    result[name] = result.get(name, 0.0) + share * weight / total
            result = result or {"other": 1.0}
        memo[key] = result
        return result

    totals: Dict[str, float] = {}
    for key, (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        for name, share in shares(key).items():
            totals[name] = totals.get(name, 0.0) + tottime * share
    return sorted(totals.items(), key=lambda kv: -kv[1])


def _where(filename: str, line: int, name: str) -> str:
    if "/site-packages/" in filename:
        filename = filename.split("/site-packages/", 1)[1]
    elif filename.startswith(str(ROOT)):
        filename = filename[len(str(ROOT)) + 1:]
    return f"{filename}:{line} {name}"


def top_cumulative(stats: pstats.Stats, count: int) -> Tuple[float, List[Tuple]]:
    """The functions under Rasa's message handling (MessageProcessor.handle_message), by
    cumulative time, with that handling's own total."""
    handling = max((ct for (f, _l, n), (_cc, _nc, _tt, ct, _c) in stats.stats.items()
                    if n == "handle_message" and f.endswith("rasa/core/processor.py")),
                   default=0.0)
    rows = [(ct, tt, nc, _where(f, line, n))
            for (f, line, n), (_cc, nc, tt, ct, _c) in stats.stats.items()
            if ct <= handling or not handling]
    rows.sort(key=lambda r: -r[0])
    return handling, rows[:count]


def summarise(profile: Path, run: Dict, top_count: int) -> str:
    stats = pstats.Stats(str(profile))
    answered = run["messages_answered"] or 1
    lines = ["# Where this assistant's server time goes under load (cProfile)", "",
             f"`python -m bench.profile`: {run['conversations']} conversations × 20 messages, "
             f"SQLite; {answered} answered, {run['throughput_msg_s']} msg/s under the profiler, "
             f"errors {run['errors']}. CPU per message during the load: Rasa server "
             f"{run['rasa_cpu_s'] * 1000 / answered:.1f} ms (profiled: about twice its "
             f"unprofiled cost), action server {run['actions_cpu_s'] * 1000 / answered:.1f} ms. "
             "The action server round trip's waiting is not CPU and does not show here.", "",
             "In process, without HTTP or load, before and after each change: "
             "`python -m bench.inprocess` and reports/bench-profile-in-process.md.", "",
             "## Own time by what the code is for (the whole server run, start-up included)", "",
             "| what | own time (s) | share |", "|---|---:|---:|"]
    categories = categorise(stats)
    total = sum(t for _, t in categories) or 1.0
    lines += [f"| {name} | {t:.1f} | {t / total:.0%} |" for name, t in categories]
    handling, top = top_cumulative(stats, top_count)
    lines += ["", f"## Top {top_count} functions under message handling, by cumulative time",
              "", f"Share: of `MessageProcessor.handle_message`'s {handling:.1f} s.", "",
              "| cumulative (s) | share | own (s) | calls | function |",
              "|---:|---:|---:|---:|---|"]
    lines += [f"| {c:.2f} | {c / (handling or 1):.0%} | {o:.2f} | {n:,} | `{f}` |"
              for c, o, n, f in top]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--conversations", type=int, default=CONVERSATIONS)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--again", action="store_true",
                        help="summarise the last run's profile again, without a new run")
    args = parser.parse_args()
    work = WORK.parent / "profile"
    profile, run_file = work / "rasa.prof", work / "run.json"
    if not args.again:
        if work.exists():
            shutil.rmtree(work)
        # One worker: cProfile writes only the main process's profile.
        with running_assistant(work, f"sqlite:///{work / 'clinic.db'}", profile_to=profile,
                               env={"SANIC_WORKERS": "1"}) as running:
            say(f"profiled server up in {running.cold_start_s} s; load: "
                f"{args.conversations} conversations × 20 messages")
            rasa_before, actions_before = running.rasa.cpu_s(), running.actions.cpu_s()
            row = load_row(running.url, ASSISTANT_PATHS, args.conversations)
            row["rasa_cpu_s"] = running.rasa.cpu_s() - rasa_before
            row["actions_cpu_s"] = running.actions.cpu_s() - actions_before
        run_file.write_text(json.dumps(row))
    text = summarise(profile, json.loads(run_file.read_text()), args.top)
    out = ROOT / "reports" / "bench-profile.md"
    out.write_text(text)
    print(text)
    say(f"wrote {out.relative_to(ROOT)}; raw profile {profile.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
