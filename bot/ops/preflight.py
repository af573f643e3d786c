"""Checks before the servers start, each problem in plain words.

Checks before the servers start: each problem in plain words, naming the file or port and
what to do, instead of a stack trace from deep inside Rasa or SQLAlchemy.

    python -m bot.ops.preflight     (scripts/run.sh runs it first; exit 2 on a problem)
"""
from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import sys
from pathlib import Path
from typing import List, Optional, Sequence

from bot.ops import model_path, var_dir

# Below this much free space the database can fail half-way through a write.
MIN_FREE_BYTES = 200 * 1024 * 1024


def sqlite_path(url: str) -> Optional[Path]:
    """The file of a sqlite:/// URL (None for PostgreSQL or an in-memory database)."""
    if not url.startswith("sqlite") or ":///" not in url:
        return None
    path = url.split(":///", 1)[1]
    return Path(path) if path not in ("", ":memory:") else None


def database_problem(path: Path) -> Optional[str]:
    """Why the SQLite file at `path` cannot be used, or None (a missing file is fine: it is
    created and migrated at start-up)."""
    restore = ("Restore the last backup into it (python -m bot db restore BACKUP_FILE, see the "
               "README's \"Backups\"), or move it aside to start with an empty database.")
    if not path.exists():
        return None
    if not os.access(path, os.R_OK | os.W_OK):
        return (f"the database file {path} cannot be read and written by this user "
                f"({os.getuid()}): give it to the service user (chown) with mode 600.")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return f"the database file {path} is not a readable SQLite database ({exc}). {restore}"
    if not result or result[0] != "ok":
        return f"the database file {path} is damaged ({result[0] if result else 'no answer'}). {restore}"
    return None


def disk_problem(directory: Path, min_free: int = MIN_FREE_BYTES) -> Optional[str]:
    probe = directory
    while not probe.exists():
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if free < min_free:
        return (f"the disk holding {directory} is nearly full ({free // (1024 * 1024)} MB "
                f"free, at least {min_free // (1024 * 1024)} MB needed): free space (old "
                f"backups, {directory / 'log'}/*.log.N) before starting.")
    return None


def port_problem(host: str, port: int, variable: str, name: str) -> Optional[str]:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"port {port} ({name}, {variable}) is already in use: is the assistant "
                        f"already running (python -m bot doctor)? Stop it, or set {variable} "
                        f"to a free port.")
            return f"cannot listen on {host}:{port} ({name}, {variable}): {exc.strerror}."
    return None


def model_problem(path: Path) -> Optional[str]:
    if not path.is_file() or path.stat().st_size == 0:
        return (f"the trained model {path} is missing: run `make train` (make run does it), "
                f"or copy the model file there.")
    return None


def problems(server_list: Sequence) -> List[str]:
    from bot import store

    found = [model_problem(model_path()), disk_problem(var_dir())]
    db = sqlite_path(store.database_url())
    if db is not None:
        found.append(database_problem(db))
        if db.parent != var_dir():
            found.append(disk_problem(db.parent))
    for server in server_list:
        found.append(port_problem(server.host, server.port, server.port_variable, server.name))
    return [p for p in found if p]


def explain(found: Sequence[str]) -> str:
    return "\n".join(["The assistant cannot start:"] + [f"  - {p}" for p in found])


def main() -> int:
    from bot.ops.supervise import servers

    found = problems(servers())
    if found:
        print(explain(found), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
