"""A throwaway PostgreSQL 15 server (the benchmark's, the local cluster's), from Debian's
binaries, on 127.0.0.1 and a free port, removed afterwards. PostgreSQL refuses to run as root: as root (CI, this machine)
it runs as the `postgres` OS user that Debian's package creates, as the tests do
(deploy/pg_ctl_unprivileged)."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator, List

import psutil

from deploy.cluster import free_port

BIN = Path("/usr/lib/postgresql/15/bin")
USER = "postgres"


class Unavailable(RuntimeError):
    pass


class PostgreSQL:
    def __init__(self, root: Path, port: int, as_postgres: bool):
        self.root, self.port, self.as_postgres = root, port, as_postgres
        self.data = root / "data"

    def _run(self, *args: str) -> None:
        command: List[str] = [str(BIN / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", USER, "--", *command]
        done = subprocess.run(command, cwd="/", capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg2://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """An empty database; its SQLAlchemy URL."""
        import sqlalchemy as sa

        engine = sa.create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def cpu_s(self) -> float:
        """CPU seconds used so far by the server and its backends."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            main = psutil.Process(pid)
            total = 0.0
            for p in [main] + main.children(recursive=True):
                t = p.cpu_times()
                total += t.user + t.system
            return total
        except (OSError, ValueError, psutil.Error):
            return 0.0


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgreSQL]:
    if not (BIN / "pg_ctl").exists():
        raise Unavailable("PostgreSQL 15 is not installed (scripts/system-deps.sh installs it)")
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="bench-postgres-"))
    if as_postgres:
        shutil.chown(root, USER, USER)
    os.chmod(root, 0o700)
    server = PostgreSQL(root, free_port(), as_postgres)
    started = False
    try:
        server._run("initdb", "-D", str(server.data), "-A", "trust", "-U", USER, "--no-sync",
                    "-E", "UTF8")
        server._run("pg_ctl", "-D", str(server.data), "-l", str(root / "postgresql.log"), "-w",
                    "-t", "60", "-o",
                    f"-h 127.0.0.1 -p {server.port} -k {root} -c max_connections=200", "start")
        started = True
        yield server
    finally:
        if started:
            server._run("pg_ctl", "-D", str(server.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
