"""`python -m bench.profile`: this assistant's Rasa server under cProfile during the load (50
conversations × 20 messages, SQLite, started as `make run` does), and where its time goes:
own time grouped by what the code is for, and the top functions by cumulative time. Writes
reports/bench-profile.md. cProfile slows the server down about twofold and sees only the
server's main thread (where Rasa does its work); the action server's part is its CPU time."""
from __future__ import annotations

import argparse
import io
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
    ("NLU (spaCy, featurizers, classifier, project components)",
     ("/rasa/nlu/", "/spacy/", "/sklearn/", "/thinc/", "/scipy/", "/numpy/", "/bot/nlu/")),
    ("tracker store: SQL read/write", ("/rasa/core/tracker_store.py", "/sqlalchemy/",
                                        "sqlite3", "/psycopg2/")),
    ("events and trackers (deserialise, replay, copy)",
     ("/rasa/shared/core/events.py", "/rasa/shared/core/trackers.py", "/copy.py",
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
                                          "/bot/channels.py", "/rasa/server.py")),
    ("message processing (processor, lock store, agent)",
     ("/rasa/core/processor.py", "/rasa/core/lock_store.py", "/rasa/core/agent.py",
      "/rasa/core/lock.py")),
    ("logging", ("/logging/", "/structlog/")),
    ("asyncio and the event loop", ("/asyncio/", "uvloop", "selectors")),
]


def categorise(stats: pstats.Stats) -> List[Tuple[str, float]]:
    totals: Dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        category = next((name for name, parts in CATEGORIES
                         if any(p in filename for p in parts)), "other")
        totals[category] = totals.get(category, 0.0) + tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def top_cumulative(stats: pstats.Stats, count: int) -> List[Tuple[float, float, int, str]]:
    rows = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _c) in stats.stats.items():
        if "/site-packages/" in filename:
            where = filename.split("/site-packages/", 1)[1]
        elif filename.startswith(str(ROOT)):
            where = filename[len(str(ROOT)) + 1:]
        else:
            where = filename.rsplit("/", 2)[-1] if "/" in filename else filename
        rows.append((cumtime, tottime, calls, f"{where}:{line} {name}"))
    rows.sort(key=lambda r: -r[0])
    return rows[:count]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--conversations", type=int, default=CONVERSATIONS)
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    work = WORK.parent / "profile"
    if work.exists():
        shutil.rmtree(work)
    profile = work / "rasa.prof"
    with running_assistant(work, f"sqlite:///{work / 'clinic.db'}", profile_to=profile) as running:
        say(f"profiled server up in {running.cold_start_s} s; load: {args.conversations} "
            "conversations × 20 messages")
        rasa_before, actions_before = running.rasa.cpu_s(), running.actions.cpu_s()
        row = load_row(running.url, ASSISTANT_PATHS, args.conversations)
        rasa_cpu = running.rasa.cpu_s() - rasa_before
        actions_cpu = running.actions.cpu_s() - actions_before
    stats = pstats.Stats(str(profile))
    # Only the load: everything the server did from the first request on is what matters, but
    # start-up is in the profile too; the request handler's cumulative time is the load's.
    answered = row["messages_answered"] or 1
    lines = ["# Where this assistant's server time goes under load (cProfile)", "",
             f"{args.conversations} conversations × 20 messages, SQLite; {answered} answered, "
             f"{row['throughput_msg_s']} msg/s under the profiler, errors {row['errors']}. "
             f"CPU per message during the load: Rasa server {rasa_cpu * 1000 / answered:.1f} ms "
             f"(profiled), action server {actions_cpu * 1000 / answered:.1f} ms.", "",
             "## Own time by what the code is for (whole server run, start-up included)", "",
             "| what | own time (s) | share |", "|---|---:|---:|"]
    categories = categorise(stats)
    total = sum(t for _, t in categories) or 1.0
    lines += [f"| {name} | {t:.1f} | {t / total:.0%} |" for name, t in categories]
    lines += ["", f"## Top {args.top} functions by cumulative time", "",
              "| cumulative (s) | own (s) | calls | function |", "|---:|---:|---:|---|"]
    lines += [f"| {c:.2f} | {o:.2f} | {n:,} | `{f}` |"
              for c, o, n, f in top_cumulative(stats, args.top)]
    out = ROOT / "reports" / "bench-profile.md"
    out.write_text("\n".join(lines) + "\n")
    buffer = io.StringIO()
    pstats.Stats(str(profile), stream=buffer).sort_stats("cumulative").print_stats(60)
    (work / "cumulative.txt").write_text(buffer.getvalue())
    print("\n".join(lines))
    say(f"wrote {out.relative_to(ROOT)}; raw profile {profile.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
