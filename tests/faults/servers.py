"""Rasa as `make run` configures it: endpoints from `python -m bot endpoints` (the clinic's
tracker store with the retries of bot.db_resilience) and the committed channels, whose gate
answers failures kindly (bot.intake)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.channels.config import endpoints_yaml
from tests.harness import ROOT, wait_for


def start_rasa(tmp_path: Path, port: int, action_url: str, db_url: str) -> subprocess.Popen:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(endpoints_yaml(db_url, actions_url=action_url))
    credentials = ROOT / "credentials.yml"
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
