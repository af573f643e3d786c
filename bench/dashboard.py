"""The dashboard's response time at 1,000 and 100,000 stored conversations (issue 18).

    python -m bench.dashboard            this part alone (about a minute); `make bench` calls
                                         `row()` and puts `rows()` in reports/bench.md

Each size is a fresh SQLite database whose summary table (conversation_stats, what the
tracker store keeps as conversations are saved) holds that many conversation sessions,
spread over the last year as a clinic's would be (levels, red flags, options, channels,
where patients left, unanswered intents), with one request for every 12 conversations and
most of them contacted. The staff page runs as `make run` starts it (`python -m bot staff
serve`); a manager signs in and loads the default dashboard (last 4 weeks by week), the same
by day, a year by week, and the CSV. Figures: median of 7 loads after one warm-up, over HTTP
on 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Sequence

import requests

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 100_000)
QUICK_SIZES = (10, 100)  # BENCH_QUICK=1: a smoke run of the same pages
LOADS = 7
PAGES = {"4 weeks by week (default)": "/dashboard",
         "4 weeks by day": "/dashboard?by=day",
         "a year by week": "/dashboard?from={year_ago}",
         "CSV, 4 weeks": "/dashboard.csv"}


def _synthetic_rows(count: int, now: datetime, rng: random.Random, tz) -> List[Dict]:
    levels = ["consultation"] * 5 + ["self_care"] * 3 + ["urgent", "emergency"] + [None] * 3
    flags = ["fever", "trauma", "cancer_history", "weight_loss", "bladder_bowel",
             "saddle_numbness", "leg_weakness"]
    options = ["facet_joint_injection", "epidural_steroid_injection", "radiofrequency_rhizotomy",
               "diagnostic_block", "spinal_cord_stimulation"]
    steps = ["pain_location", "pain_duration_weeks", "treatments_tried", "red_flag_screen",
             "booking_contact", None]
    channels = ["web"] * 6 + ["sms", "whatsapp", "rest", "telegram"]
    rows = []
    for n in range(count):
        start = (now - timedelta(seconds=rng.uniform(0, 365 * 86400))).timestamp()
        level = rng.choice(levels)
        red = [rng.choice(flags[:4])] if level == "urgent" else (
            [rng.choice(flags[4:])] if level == "emergency" else [])
        explained = rng.sample(options, 2) if level == "consultation" else []
        requested = ("consultation" if level == "consultation" and rng.random() < 0.4 else
                     "callback" if level == "urgent" and rng.random() < 0.5 else None)
        channel = rng.choice(channels)
        rows.append({
            "conversation_id": f"{channel}:bench-{n:06d}", "session_start": start,
            "local_day": datetime.fromtimestamp(start, tz).date().isoformat(),
            "channel": channel, "last_at": start + rng.uniform(30, 900),
            "user_messages": rng.randint(1, 15), "triage_level": level,
            "red_flags": "|" + "|".join(red) + "|" if red else "",
            "options_explained": "|" + "|".join(explained) + "|" if explained else "",
            "request_kind": requested, "last_question": rng.choice(steps),
            "fallbacks": 1 if rng.random() < 0.1 else 0,
            "unanswered": rng.choice(["nlu_fallback=1", "out_of_scope=1"]) if rng.random() < 0.1 else "",
        })
    return rows


def seed(db_url: str, conversations: int, seed_value: int = 18) -> None:
    """`conversations` summary rows, and their requests with first contacts (and the requests'
    summary rows, written as bot.store.bookings writes them)."""
    from bot import store
    from bot.dashboard.summary import clinic_tz

    store.upgrade(db_url)
    rng = random.Random(seed_value)
    now = datetime.now(timezone.utc)
    rows = _synthetic_rows(conversations, now, rng, clinic_tz())
    engine = store.engine_for(db_url)
    with engine.begin() as connection:
        for start in range(0, len(rows), 10_000):
            connection.execute(store.conversation_stats.insert(), rows[start:start + 10_000])
        requests_made = [r for r in rows if r["request_kind"]]
        for r in requests_made:
            made = datetime.fromtimestamp(r["last_at"], timezone.utc)
            booking_id = connection.execute(store.booking_requests.insert().values(
                conversation_id=r["conversation_id"], kind=r["request_kind"], name="Bench Patient",
                contact="555 000 0000", preferred_time="mornings", triage_level=r["triage_level"],
                status="contacted", created_at=made)).inserted_primary_key[0]
            store.record_request(connection, booking_id, r["request_kind"], made)
            contacted = made + timedelta(hours=rng.uniform(0.5, 30))
            connection.execute(store.booking_status_changes.insert().values(
                booking_id=booking_id, from_status="new", to_status="contacted",
                changed_by="bench", changed_at=contacted))
            store.record_status_change(connection, booking_id, contacted)


def _serve(db_url: str, workdir: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=db_url, STAFF_PASSWORD="manager-password-1")
    subprocess.run([sys.executable, "-m", "bot", "staff", "add-user", "manager", "--manager"],
                   cwd=ROOT, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(workdir / "staff.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "bot", "staff", "serve", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if requests.get(base + "/health", timeout=2).ok:
                return process, log, base
        except requests.RequestException:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("the staff page did not start:\n" + (workdir / "staff.log").read_text()[-2000:])


def _timed(session: requests.Session, url: str) -> float:
    started = time.perf_counter()
    answer = session.get(url, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {answer.status_code}")
    return elapsed


def measure(sizes: Sequence[int] = SIZES) -> Dict:
    """{"sizes": [{"conversations": n, "seed_s": s, "pages": {name: median ms}}]}."""
    results = []
    year_ago = (datetime.now().date() - timedelta(days=364)).isoformat()
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
            workdir = Path(tmp)
            db_url = f"sqlite:///{workdir / 'clinic.db'}"
            started = time.perf_counter()
            seed(db_url, size)
            seeded = time.perf_counter() - started
            process, log, base = _serve(db_url, workdir)
            try:
                session = requests.Session()
                token = re.search(r'name="csrf" value="([^"]+)"',
                                  session.get(base + "/login").text).group(1)
                session.post(base + "/login", data={"csrf": token, "username": "manager",
                                                    "password": "manager-password-1", "next": "/"})
                pages = {}
                for name, path in PAGES.items():
                    url = base + path.format(year_ago=year_ago)
                    _timed(session, url)  # warm-up
                    pages[name] = round(statistics.median(_timed(session, url) for _ in range(LOADS)), 1)
            finally:
                process.terminate()
                process.wait(timeout=20)
                log.close()
        results.append({"conversations": size, "seed_s": round(seeded, 1), "pages": pages})
    return {"sizes": results, "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


def row(quick: bool = False) -> Dict:
    """What `make bench` records: `measure()` at SIZES (QUICK_SIZES when quick), or why not."""
    try:
        return measure(QUICK_SIZES if quick else SIZES)
    except Exception as e:  # one failed part of the benchmark must not lose the others
        return {"status": f"failed: {type(e).__name__}: {str(e)[:200]}"}


def rows(result: Dict) -> List[str]:
    """Markdown lines for reports/bench.md."""
    if result.get("status"):
        return [f"Not measured: {result['status']}."]
    names = list(PAGES)
    out = ["| stored conversations | " + " | ".join(names) + " |",
           "|---|" + "---:|" * len(names)]
    for size in result["sizes"]:
        out.append(f"| {size['conversations']:,} | "
                   + " | ".join(f"{size['pages'][n]:.0f} ms" for n in names) + " |")
    return out


if __name__ == "__main__":
    figures = measure()
    print(json.dumps(figures, indent=2))
    print("\n".join(rows(figures)))
