"""`make bench`'s parts against the real assistant, started as the benchmark starts it (as
`make run` does): the load client's figures, and the report's JSON keys. Small (2
conversations × 3 messages) and with no timed assertion: speed is what `make bench` prints."""
from __future__ import annotations

import json

from bench import dashboard, report
from bench.assistant import running_assistant
from bench.conversations import ASSISTANT_LONG, ASSISTANT_PATHS
from bench.measure import load_row, measure

REQUIRED = ["train_s", "cold_start_s", "rss_mb", "single_latency_ms", "throughput_msg_s",
            "p50_ms", "p95_ms", "p99_ms", "errors"]


def test_the_load_client_measures_every_message_of_a_real_assistant(tmp_path):
    with running_assistant(tmp_path, f"sqlite:///{tmp_path / 'clinic.db'}") as running:
        row = load_row(running.url, ASSISTANT_PATHS, conversations=2, messages=3,
                       cpu=running.rasa.cpu_s)
        figures = measure(running, ASSISTANT_PATHS, ASSISTANT_LONG, conversations=2, messages=3,
                          long_messages=12)

    assert row["messages_planned"] == 6
    assert row["messages_answered"] == 6, row["error_kinds"]
    assert row["errors"] == 0
    assert row["throughput_msg_s"] > 0
    assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"]
    assert row["server_cpu_ms_per_msg"] > 0
    assert row["client_cpu_s"] >= 0

    assert figures["errors"] == 0 and figures["single_errors"] == 0
    assert len(figures["single_per_message_ms"]) == 3
    assert figures["message_10_ms"] > 0 and figures["message_100_ms"] is None  # 12 messages
    assert figures["rss_mb"] > 100 and figures["actions_rss_mb"] > 20
    assert figures["cold_start_s"] > 0

    # The report: both columns, the ratios, the machine (the default assistant's column made
    # from these figures, twice as slow: it takes a minute to train).
    side = dict(figures, train_s=1.0, train_cached=False)
    slower = dict(side, throughput_msg_s=side["throughput_msg_s"] / 2, p99_ms=side["p99_ms"] * 2)
    doc = {"date": "2025-01-01T00:00:00+00:00", "git_commit": "0" * 40, "git_dirty": False,
           "machine": {"cores": 2, "cpu": "cpu", "memory_gb": 1.0, "loadavg_at_start": [0.0],
                       "python": "3.10", "rasa": "3.6.21"},
           "quick": True, "load": {"conversations": 2, "messages": 3},
           "assistant": side, "rasa_default": slower,
           "ratios": report.ratios(side, slower), "stored_conversations": [
               dict(row, database="sqlite", stored=1)],
           "two_servers": {"status": "not available"}, "notes": []}
    report.write(doc, tmp_path / "reports")
    written = json.loads((tmp_path / "reports" / "bench.json").read_text())
    for column in ("assistant", "rasa_default"):
        assert set(REQUIRED) <= set(written[column]), column
    assert written["ratios"]["throughput"] == 2.0 and written["ratios"]["p99"] == 0.5
    markdown = (tmp_path / "reports" / "bench.md").read_text()
    assert "| load: p99 latency |" in markdown and "| sqlite | 1 |" in markdown


def test_the_dashboard_part_loads_every_page_of_a_real_staff_page_and_reaches_the_report(tmp_path):
    """`make bench`'s dashboard rows (BENCH_QUICK's sizes): the staff page started as `make run`
    starts it over seeded summaries, a manager signed in, each page loaded, and the table in
    reports/bench.md."""
    result = dashboard.row(quick=True)

    assert "status" not in result, result.get("status")
    assert [size["conversations"] for size in result["sizes"]] == list(dashboard.QUICK_SIZES)
    for size in result["sizes"]:
        assert set(size["pages"]) == set(dashboard.PAGES)
        assert all(ms > 0 for ms in size["pages"].values())
    doc = {"date": "2025-01-01T00:00:00+00:00", "git_commit": "0" * 40,
           "machine": {"cores": 2, "cpu": "cpu", "memory_gb": 1.0, "loadavg_at_start": [0.0],
                       "python": "3.10", "rasa": "3.6.21"},
           "load": {"conversations": 2, "messages": 3}, "rasa_default": {},
           "assistant": {"throughput_msg_s": 1.0, "p50_ms": 1.0, "p99_ms": 1.0, "errors": 0},
           "ratios": {}, "dashboard": result}
    markdown = report.markdown(doc)
    assert "| stored conversations | 4 weeks by week (default) |" in markdown
    assert "\n| 10 | " in markdown and "\n| 100 | " in markdown
    failed = report.markdown(dict(doc, dashboard={"status": "failed: RuntimeError: no port"}))
    assert "Not measured: failed: RuntimeError: no port." in failed
