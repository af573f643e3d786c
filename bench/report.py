"""The benchmark's table: printed, as markdown and as JSON, and the README's figures.

Markdown in reports/bench.md, JSON in reports/bench.json, and the README's quoted figures
between its bench markers."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bench import dashboard

# (key, label, unit, higher is better)
MAIN_ROWS: List[Tuple[str, str, str, bool]] = [
    ("train_s", "training", "s", False),
    ("cold_start_s", "cold start until /status answers", "s", False),
    ("workers", "Rasa server worker processes", "", False),
    ("rss_mb", "Rasa server memory (RSS, all its processes) after the load", "MB", False),
    ("rss_worker_mb", "Rasa server memory, largest process (a worker)", "MB", False),
    ("actions_rss_mb", "action server memory (RSS) after the load", "MB", False),
    ("single_latency_ms", "one conversation alone, median per message", "ms", False),
    ("message_10_ms", "one long conversation, around message 10", "ms", False),
    ("message_100_ms", "one long conversation, around message 100", "ms", False),
    ("throughput_msg_s", "load: throughput", "msg/s", True),
    ("p50_ms", "load: p50 latency", "ms", False),
    ("p95_ms", "load: p95 latency", "ms", False),
    ("p99_ms", "load: p99 latency", "ms", False),
    ("errors", "load: errors", "", False),
    ("server_cpu_ms_per_msg", "load: server CPU per message (Rasa + actions)", "ms", False),
]
RATIO_KEYS = [k for k, *_ in MAIN_ROWS if k not in ("errors", "workers")]
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def ratios(assistant: Dict, default: Dict) -> Dict[str, Optional[float]]:
    """assistant ÷ default for every figure both have (throughput above 1 is better; the
    others below 1)."""
    out = {}
    for key in RATIO_KEYS:
        a, d = assistant.get(key), default.get(key)
        out[key] = round(a / d, 3) if isinstance(a, (int, float)) and isinstance(
            d, (int, float)) and d else None
    out["throughput"] = out.get("throughput_msg_s")
    out["p99"] = out.get("p99_ms")
    return out


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 \
            else f"{value:.2f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text} {unit}".strip()


def _table(header: List[str], rows: List[List[str]]) -> List[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def main_rows(doc: Dict) -> List[List[str]]:
    a, d, r = doc["assistant"], doc["rasa_default"], doc["ratios"]
    rows = []
    for key, label, unit, _ in MAIN_ROWS:
        a_text, d_text = _fmt(a.get(key), unit), _fmt(d.get(key), unit)
        if key == "train_s":
            a_text += " (cached)" if a.get("train_cached") else ""
            d_text += " (cached)" if d.get("train_cached") else ""
        ratio = r.get(key)
        rows.append([label, a_text, d_text, "–" if ratio is None else f"×{ratio:.2f}"])
    return rows


def stored_rows(doc: Dict) -> List[List[str]]:
    rows = []
    for row in doc.get("stored_conversations", []):
        if row.get("status"):
            rows.append([row["database"], _fmt(row.get("stored")), row["status"], "", "", "", ""])
            continue
        rows.append([row["database"], _fmt(row["stored"]), _fmt(row["throughput_msg_s"], "msg/s"),
                     _fmt(row["p50_ms"], "ms"), _fmt(row["p99_ms"], "ms"),
                     _fmt(row.get("server_cpu_ms_per_msg"), "ms"), _fmt(row["errors"])])
    return rows


def open_loop_rows(doc: Dict) -> List[List[str]]:
    """One row per offered rate: each assistant's p50 / p95 / p99 and errors."""
    ours = doc["assistant"].get("open_loop") or []
    theirs = doc["rasa_default"].get("open_loop") or []
    rows = []
    for a, d in zip(ours, theirs):
        cells = [f"{_fmt(a['rate_msg_s'])} msg/s ({a['conversations']} conversations)"]
        for side in (a, d):
            cells += [_fmt(side["p50_ms"], "ms"), _fmt(side["p95_ms"], "ms"),
                      _fmt(side["p99_ms"], "ms"), _fmt(side["errors"])]
        rows.append(cells)
    return rows


def worker_rows(doc: Dict) -> List[List[str]]:
    a, one = doc["assistant"], doc.get("one_worker") or {}
    rows = []
    if one.get("status"):
        rows.append(["1", one["status"], "", "", "", "", ""])
    elif one:
        rows.append(["1", _fmt(one["throughput_msg_s"], "msg/s"), _fmt(one["p50_ms"], "ms"),
                     _fmt(one["p99_ms"], "ms"), _fmt(one.get("server_cpu_ms_per_msg"), "ms"),
                     _fmt(one.get("rss_mb"), "MB"), _fmt(one["errors"])])
    rows.append([f"{a.get('workers', 1)} (`make run` here)",
                 _fmt(a["throughput_msg_s"], "msg/s"), _fmt(a["p50_ms"], "ms"),
                 _fmt(a["p99_ms"], "ms"), _fmt(a.get("server_cpu_ms_per_msg"), "ms"),
                 _fmt(a.get("rss_mb"), "MB"), _fmt(a["errors"])])
    return rows


def two_server_rows(doc: Dict) -> List[List[str]]:
    row = doc.get("two_servers") or {}
    if row.get("status"):
        return [["two Rasa servers + two action servers (proxy, PostgreSQL, Redis locks)",
                 row["status"], "", "", ""]]
    return [["two Rasa servers + two action servers (proxy, PostgreSQL, Redis locks)",
             _fmt(row.get("throughput_msg_s"), "msg/s"), _fmt(row.get("p50_ms"), "ms"),
             _fmt(row.get("p99_ms"), "ms"), _fmt(row.get("errors"))]]


def markdown(doc: Dict) -> str:
    m = doc["machine"]
    load = doc["load"]
    lines = [
        "# Benchmark: this assistant beside `rasa init`'s default assistant",
        "",
        f"Measured by `make bench` on {doc['date']} at commit `{doc['git_commit']}`"
        f"{' (uncommitted changes)' if doc.get('git_dirty') else ''}; {m['cores']} cores "
        f"({m['cpu']}), {m['memory_gb']} GB memory, load average {m['loadavg_at_start']} at "
        f"the start; Rasa {m['rasa']}, Python {m['python']}"
        f"{'; **quick run (BENCH_QUICK=1)**' if doc.get('quick') else ''}.",
        "",
        f"Load: {load['conversations']} conversations at once × {load['messages']} messages "
        "over the REST channel, each conversation its own sender, one message after the "
        "other; this assistant on SQLite as `make run` starts it, the default assistant as "
        "`rasa init` generates it (in-memory tracker store, no action server).",
        "",
        *_table(["", "this assistant", "rasa init default", "ratio"], main_rows(doc)),
        "",
        "## Latency at a clinic's real load (open loop)",
        "",
        f"Messages arrive at a fixed rate whatever the answers, for "
        f"{doc.get('open_loop', {}).get('seconds', '?')} s a rate; each conversation sends its "
        f"next message {doc.get('open_loop', {}).get('pause_s', '?')} s after its previous "
        "one (a patient reading and typing), so rate × pause conversations run side by side.",
        "",
        *_table(["offered rate", "ours p50", "p95", "p99", "errors",
                 "default p50", "p95", "p99", "errors"], open_loop_rows(doc)),
        "",
        "## Rasa worker processes (this assistant, the saturating load above)",
        "",
        *_table(["workers", "throughput", "p50", "p99", "server CPU / message",
                 "memory (all processes)", "errors"], worker_rows(doc)),
        "",
        "## The same load over stored conversations (this assistant)",
        "",
        *_table(["database", "stored conversations", "throughput", "p50", "p99",
                 "server CPU / message", "errors"], stored_rows(doc)),
        "",
        "## Two servers on this machine",
        "",
        *_table(["setup", "throughput", "p50", "p99", "errors"], two_server_rows(doc)),
        "",
        "## The staff page's dashboard over stored conversations",
        "",
        "A manager loading the dashboard (`python -m bot staff serve`, SQLite) whose summary "
        "table holds that many conversation sessions over the last year, one request for every "
        "12; median of 7 loads after a warm-up (bench/dashboard.py, reports/dashboard.md).",
        "",
        *(dashboard.rows(doc["dashboard"]) if doc.get("dashboard") else ["Not measured."]),
        "",
        "## Notes",
        "",
    ]
    for note in doc.get("notes", []):
        lines.append(f"- {note}")
    return "\n".join(lines) + "\n"


def console(doc: Dict) -> str:
    header = ["", "this assistant", "rasa init default", "ratio"]
    rows = main_rows(doc)
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    stored = stored_rows(doc)
    if stored:
        out += ["", "stored conversations (this assistant): database, stored, throughput, "
                    "p50, p99, server CPU/msg, errors"]
        out += ["  " + "  ".join(c for c in r if c != "") for r in stored]
    out += ["", "open loop: rate, ours p50 p95 p99 errors, default p50 p95 p99 errors"]
    out += ["  " + "  ".join(r) for r in open_loop_rows(doc)]
    out += ["", "workers: workers, throughput, p50, p99, CPU/msg, memory, errors"]
    out += ["  " + "  ".join(c for c in r if c) for r in worker_rows(doc)]
    out += ["", "two servers: " + "  ".join(c for c in two_server_rows(doc)[0][1:] if c)]
    if doc.get("dashboard"):
        out += ["", "dashboard (staff page):"] + ["  " + line for line in dashboard.rows(doc["dashboard"])]
    for name, column in (("this assistant", "assistant"), ("default assistant", "rasa_default")):
        load = doc[column]["load"]
        out.append(f"load client CPU during the load on {name}: "
                   f"{load['client_cpu_s']} s ({load['client_cpu_share']:.1%} of the wall time)")
    return "\n".join(out)


def readme_block(doc: Dict) -> str:
    a, d, r = doc["assistant"], doc["rasa_default"], doc["ratios"]
    m, load = doc["machine"], doc["load"]
    rows = [[label, _fmt(a.get(key), unit), _fmt(d.get(key), unit)]
            for key, label, unit, _ in MAIN_ROWS
            if key in ("train_s", "cold_start_s", "rss_mb", "single_latency_ms",
                       "throughput_msg_s", "p50_ms", "p99_ms", "errors",
                       "server_cpu_ms_per_msg")]
    return "\n".join([
        README_START,
        f"Latest `make bench` ({doc['date'][:10]}, commit `{doc['git_commit'][:10]}`, "
        f"{m['cores']} cores, load average {m['loadavg_at_start'][0]} at the start; "
        f"{load['conversations']} concurrent conversations × "
        f"{load['messages']} messages; full table in [reports/bench.md](reports/bench.md)):",
        "",
        *_table(["", "this assistant", "`rasa init` default"], rows),
        "",
        f"Throughput ×{_fmt(r.get('throughput'))}, p99 ×{_fmt(r.get('p99'))} of the "
        "default assistant's.",
        README_END,
    ])


def write(doc: Dict, reports: Path, readme: Optional[Path] = None) -> None:
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "bench.json").write_text(json.dumps(doc, indent=2) + "\n")
    (reports / "bench.md").write_text(markdown(doc))
    if readme is not None and readme.exists() and not doc.get("quick"):
        text = readme.read_text()
        pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
        if pattern.search(text):
            readme.write_text(pattern.sub(lambda _: readme_block(doc), text))
