"""`python -m bench` (`make bench`): measure both assistants and write the reports.

BENCH_QUICK=1 is a fast smoke run: 10 conversations instead of 50, 1 / 100 stored
conversations instead of 1 / 1,000 / 10,000, and the dashboard at 10 / 100 stored
conversations instead of 1,000 / 100,000 (the README's figures are left alone)."""
from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List

import psutil

from bench import dashboard, report
from bench.conversations import MESSAGES
from bench.measure import (
    CONVERSATIONS,
    OPEN_LOOP_RATES,
    OPEN_LOOP_SECONDS,
    PATIENT_PAUSE_S,
    QUICK,
    WORK,
    measure_assistant,
    measure_default,
    one_worker_row,
    say,
    started_at,
    stored_rows,
    two_servers_row,
)
from bench.procs import ROOT

# ------------------------------------------------------------------------------ the run

def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def machine() -> Dict:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import rasa
    return {"cores": len(os.sched_getaffinity(0)), "cpu": cpu,
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "rasa": rasa.__version__}


def notes(doc: Dict) -> List[str]:
    a, d = doc["assistant"], doc["rasa_default"]
    out = [
        "Training: wall time of `rasa train` (this assistant, from an empty training cache, "
        "into .bench/run, models/current.tar.gz untouched) and of `rasa init --no-prompt` "
        "(default assistant: writes the project and trains DIET + TED)"
        + (f"; the default's figure is from {d['trained_at']}, cached in .bench/rasa-default"
           if d.get("train_cached") else "") + ".",
        "Cold start: from starting `rasa run` until `/status` answers with the token (this "
        "assistant's action server starts at the same moment, as in `make run`).",
        "Latency: from sending a message until its whole answer is read. An error is a non-200 "
        "answer, an empty answer, a timeout (60 s) or a message not sent within 600 s.",
        "Around message 10 / 100: median of messages 9–11 / 99–101 of one 102-message "
        "conversation alone, the same three messages repeated after a short start "
        "(bench/conversations.py), so only the session's length differs.",
        "Server CPU per message: CPU seconds of the Rasa server + action server (+ PostgreSQL "
        "for its rows) during the load ÷ messages answered. Other work on the machine moves "
        "throughput and latencies (compare the load average above); this figure much less.",
        f"Load client: one asyncio + aiohttp process; its own CPU was "
        f"{a['load']['client_cpu_share']:.0%} (this assistant) and "
        f"{d['load']['client_cpu_share']:.0%} (default) of the load's wall time, sharing "
        f"the {doc['machine']['cores']} cores with the servers.",
    ]
    for name, side in (("this assistant", a), ("default", d)):
        kinds = side["load"].get("error_kinds")
        if kinds:
            out.append(f"Errors ({name}): {kinds}.")
    return out


def main() -> int:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    doc: Dict = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": machine(), "quick": QUICK,
        "load": {"conversations": CONVERSATIONS, "messages": MESSAGES},
        "open_loop": {"rates": list(OPEN_LOOP_RATES), "seconds": OPEN_LOOP_SECONDS,
                      "pause_s": PATIENT_PAUSE_S},
    }
    doc["rasa_default"] = measure_default()
    assistant = measure_assistant()
    events = assistant.pop("recorded_events")
    doc["assistant"] = assistant
    doc["ratios"] = report.ratios(doc["assistant"], doc["rasa_default"])
    doc["one_worker"] = one_worker_row()
    doc["stored_conversations"] = stored_rows(events)
    doc["two_servers"] = two_servers_row()
    say("the dashboard: seeding and loading the staff page")
    doc["dashboard"] = dashboard.row(QUICK)
    doc["bench_wall_s"] = round(time.perf_counter() - started_at, 1)
    doc["notes"] = notes(doc)
    report.write(doc, ROOT / "reports", ROOT / "README.md")
    print(report.console(doc))
    say(f"done in {doc['bench_wall_s']} s: reports/bench.md, reports/bench.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
