"""Bad state at start-up (`make run` / the service: scripts/run.sh) stops with a message that
names the file or port and what to do, never a stack trace, and before any server starts."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess

from tests.harness import ROOT, free_port


def start(tmp_path, **env) -> subprocess.CompletedProcess:
    ports = {name: str(free_port()) for name in
             ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT", "STAFF_PORT")}
    full = dict(os.environ, PYTHONPATH=str(ROOT), VAR_DIR=str(tmp_path / "var"),
                DB_URL=f"sqlite:///{tmp_path / 'clinic.db'}", **ports)
    full.update(env)
    return subprocess.run(["bash", "scripts/run.sh"], cwd=ROOT, env=full, capture_output=True,
                          text=True, timeout=300)


def assert_stopped_kindly(result, *words):
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The assistant cannot start" in out and "Traceback" not in out
    for word in words:
        assert word in out, out
    assert "The assistant is ready" not in out


def test_a_corrupt_database_file_is_named_with_what_to_do(tmp_path):
    (tmp_path / "clinic.db").write_bytes(b"this is not a database, it was overwritten" * 100)
    result = start(tmp_path)
    assert_stopped_kindly(result, str(tmp_path / "clinic.db"), "python -m bot db restore")
    assert not (tmp_path / "var" / "supervisord.conf").exists()  # nothing was started


def test_a_port_in_use_is_named_with_its_setting(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = start(tmp_path, STAFF_PORT=str(port))
    assert_stopped_kindly(result, f"port {port} (staff, STAFF_PORT) is already in use")


def test_a_missing_model_says_make_train(tmp_path):
    result = start(tmp_path, RASA_MODEL="models/not-trained-yet.tar.gz")
    assert_stopped_kindly(result, "not-trained-yet.tar.gz is missing", "make train")


def test_a_nearly_full_disk_is_named(tmp_path):
    from bot.ops.preflight import disk_problem

    free = shutil.disk_usage(tmp_path).free
    assert disk_problem(tmp_path) is None
    problem = disk_problem(tmp_path, min_free=free + 1024 ** 3)
    assert str(tmp_path) in problem and "nearly full" in problem and "free space" in problem
