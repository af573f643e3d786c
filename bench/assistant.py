"""This assistant, started as `make run` starts it.

This assistant, started as `make run` starts it (scripts/run.sh): the schema migrated,
Rasa's endpoints written by `python -m bot endpoints` for DB_URL and ACTIONS_PORT, the action
server, and `rasa run --enable-api` with a token. The endpoints come from the project's own
code, so whatever tracker store or lock store it writes is what gets measured."""
from __future__ import annotations

import contextlib
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional

from bench.procs import ROOT, Process, env_with
from bot.serve import BACKLOG
from deploy.cluster import free_port

MODEL = ROOT / "models" / "current.tar.gz"
START_TIMEOUT_S = 240.0


@dataclass
class Running:
    """An assistant answering on `url` (its REST webhook is `url + /webhooks/rest/webhook`)."""
    url: str
    token: str
    rasa: Process
    actions: Optional[Process]
    cold_start_s: float
    workers: int = 1

    def status_url(self) -> str:
        return f"{self.url}/status?token={self.token}"


def _project_command(env: dict, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError(f"python -m {' '.join(args)} failed:\n{done.stderr[-3000:]}")


def migrate(db_url: str) -> None:
    """`python -m bot db upgrade`, as `make run` does first (creates Rasa's events table too)."""
    _project_command(env_with(DB_URL=db_url), "bot", "db", "upgrade")


@contextlib.contextmanager
def running_assistant(workdir: Path, db_url: str, env: Optional[Dict[str, str]] = None,
                      model: Path = MODEL, profile_to: Optional[Path] = None) -> Iterator[Running]:
    """Start the action server and the Rasa server on free ports over `db_url`.

    `env` is passed to every process (SANIC_WORKERS, REDIS_URL, ...); without SANIC_WORKERS
    the Rasa server runs as many workers as `make run` would (bot.ops.supervise.rasa_workers).
    With `profile_to`, the Rasa server runs under cProfile and writes its profile there when
    stopped (SIGINT)."""
    from bot.ops.supervise import rasa_workers

    workdir.mkdir(parents=True, exist_ok=True)
    port, actions_port = free_port(), free_port()
    env = {"SANIC_WORKERS": str(rasa_workers()), **(env or {})}
    process_env = env_with(DB_URL=db_url, ACTIONS_PORT=str(actions_port), **env)
    _project_command(process_env, "bot", "db", "upgrade")
    endpoints, credentials = workdir / "endpoints.yml", workdir / "credentials.yml"
    _project_command(process_env, "bot", "endpoints", "--out", str(endpoints))
    _project_command(process_env, "bot.channels", "--out", str(credentials), "--quiet")
    token = secrets.token_urlsafe(24)

    rasa_cli = [sys.executable, "-m", "rasa"]
    if profile_to is not None:
        rasa_cli = [sys.executable, "-m", "cProfile", "-o", str(profile_to), "-m", "rasa"]
    # As `make run` starts them (bot/serve.py): the action server with its token and accept
    # queue, the Rasa server with the same accept queue (Rasa reads SANIC_BACKLOG).
    process_env.setdefault("SANIC_BACKLOG", BACKLOG)
    actions = Process("action server", [sys.executable, "-m", "bot.serve", "actions",
                                        "--port", str(actions_port), "--quiet"],
                      workdir / f"actions-{actions_port}.log", process_env)
    rasa = Process("rasa server", [*rasa_cli, "run", "--model", str(model), "--enable-api",
                                   "--auth-token", token, "--interface", "127.0.0.1",
                                   "--port", str(port), "--endpoints", str(endpoints),
                                   "--credentials", str(credentials),
                                   "--log-file", str(workdir / f"rasa-{port}.log")],
                   workdir / f"rasa-{port}.out", process_env)
    try:
        running = Running(url=f"http://127.0.0.1:{port}", token=token, rasa=rasa,
                          actions=actions, cold_start_s=0.0, workers=int(env["SANIC_WORKERS"]))
        running.cold_start_s = round(rasa.wait_until(running.status_url(), START_TIMEOUT_S), 2)
        actions.wait_until(f"http://127.0.0.1:{actions_port}/health", START_TIMEOUT_S)
        yield running
    finally:
        import signal
        # SIGINT lets Sanic shut down cleanly, so cProfile gets to write its file.
        rasa.stop(timeout=60, signal_first=signal.SIGINT if profile_to else None)
        actions.stop()


def train(workdir: Path) -> float:
    """Wall seconds of `rasa train` from scratch (an empty training cache) into `workdir`;
    models/current.tar.gz is left alone."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = env_with(RASA_CACHE_DIRECTORY=str(workdir / "cache"))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rasa", "train", "--out", str(workdir / "models"),
                           "--fixed-model-name", "bench", "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError("rasa train failed:\n" + done.stderr[-3000:])
    return round(seconds, 1)
