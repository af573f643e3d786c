"""The assistant `rasa init` generates, as the baseline.

The assistant `rasa init` generates (its default config: DIET and TED), from the same venv,
as the baseline. It is trained by the benchmark into .bench/rasa-default (gitignored) and kept:
a later run reuses the model and reports the training time measured when it was made (and
says so); a fresh clone trains it. It runs as generated: in-memory tracker store, no action
server."""
from __future__ import annotations

import contextlib
import glob
import json
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Iterator, Optional

from bench.assistant import START_TIMEOUT_S, Running
from bench.procs import ROOT, Process, env_with
from deploy.cluster import free_port

CACHE_DIR = ROOT / ".bench" / "rasa-default"
TRAINING_RECORD = "bench-training.json"


def _rasa_version() -> str:
    import rasa
    return rasa.__version__


def ensure_trained(cache_dir: Path = CACHE_DIR) -> Dict:
    """The default assistant's model, trained now if missing: {model, train_s, cached, ...}."""
    record_path = cache_dir / TRAINING_RECORD
    if record_path.exists():
        record = json.loads(record_path.read_text())
        model = cache_dir / record["model"]
        if model.exists() and record.get("rasa") == _rasa_version():
            return dict(record, model=str(model), cached=True)
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True)  # rasa init --no-prompt wants it to exist
    # `rasa init --no-prompt` writes the project and trains it: its wall time is the training
    # (from an empty training cache, so nothing is reused from an earlier model).
    with tempfile.TemporaryDirectory(prefix="bench-rasa-cache-") as training_cache:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(cache_dir)],
            cwd=ROOT, env=env_with(RASA_CACHE_DIRECTORY=training_cache),
            capture_output=True, text=True, stdin=subprocess.DEVNULL)
        train_s = round(time.perf_counter() - started, 1)
    models = sorted(glob.glob(str(cache_dir / "models" / "*.tar.gz")))
    if done.returncode != 0 or not models:
        raise RuntimeError("rasa init failed:\n" + (done.stdout + done.stderr)[-3000:])
    record = {"model": str(Path(models[-1]).relative_to(cache_dir)), "train_s": train_s,
              "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "rasa": _rasa_version(), "command": "rasa init --no-prompt (trains DIET + TED)"}
    record_path.write_text(json.dumps(record, indent=2) + "\n")
    return dict(record, model=models[-1], cached=False)


@contextlib.contextmanager
def running_default(workdir: Path, model: str, cache_dir: Path = CACHE_DIR,
                    env: Optional[Dict[str, str]] = None) -> Iterator[Running]:
    """`rasa run --enable-api` in the generated project, with its own endpoints and credentials."""
    workdir.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_urlsafe(24)
    rasa = Process("default rasa server",
                   [sys.executable, "-m", "rasa", "run", "--model", model, "--enable-api",
                    # '=': a token beginning with '-' would read as an option (bot.serve)
                    f"--auth-token={token}", "--interface", "127.0.0.1", "--port", str(port),
                    "--log-file", str(workdir / f"default-rasa-{port}.log")],
                   workdir / f"default-rasa-{port}.out", env_with(**(env or {})), cwd=cache_dir)
    try:
        running = Running(url=f"http://127.0.0.1:{port}", token=token, rasa=rasa, actions=None,
                          cold_start_s=0.0)
        running.cold_start_s = round(rasa.wait_until(running.status_url(), START_TIMEOUT_S), 2)
        yield running
    finally:
        rasa.stop()
