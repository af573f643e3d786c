"""Rasa wired the way the database-fault tests need it: the conversation store with the
retries of bot.db_resilience, and a REST channel that answers failures kindly
(bot.channel_errors). Named by class path in the endpoints and credentials files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rasa.core.channels.rest import RestInput
from rasa.core.tracker_store import SQLTrackerStore

from bot.channel_errors import kindly
from bot.db_resilience import ResilientSQLStoreMixin
from tests.harness import ROOT, wait_for


class ResilientSQLTrackerStore(ResilientSQLStoreMixin, SQLTrackerStore):
    pass


class KindRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message):
        return super().blueprint(kindly(on_new_message))


def start_rasa(tmp_path: Path, port: int, action_url: str, db_url: str) -> subprocess.Popen:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: {action_url}\n"
        f"tracker_store:\n  type: tests.faults.servers.ResilientSQLTrackerStore\n"
        f"  url: \"{db_url}\"\n")
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("tests.faults.servers.KindRestInput:\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false")
    log = open(tmp_path / f"rasa-{port}.log", "a")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--model", "models/current.tar.gz",
         "--endpoints", str(endpoints), "--credentials", str(credentials),
         "--port", str(port), "--interface", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", timeout=120)
    except RuntimeError:
        process.kill()
        raise RuntimeError((tmp_path / f"rasa-{port}.log").read_text()[-3000:]) from None
    return process
