"""Rasa as `make run` configures it (endpoints from `python -m bot endpoints`: the clinic's
tracker store with the retries of bot.db_resilience), with a REST channel that answers
failures kindly (bot.channel_errors), named by class path in the credentials file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rasa.core.channels.rest import RestInput

from bot.channel_errors import kindly
from bot.cli import endpoints_yaml
from tests.harness import ROOT, wait_for


class KindRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message):
        return super().blueprint(kindly(on_new_message))


def start_rasa(tmp_path: Path, port: int, action_url: str, db_url: str) -> subprocess.Popen:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(endpoints_yaml(db_url, actions_url=action_url))
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
