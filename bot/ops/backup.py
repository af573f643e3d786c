"""`python -m bot db backup` and `python -m bot db restore`.

SQLite (var/clinic.db): a backup is taken with SQLite's online backup API while the servers
keep writing, so the copy is one consistent moment (copying the file itself can miss what is
still in the write-ahead log, or catch a page half written). PostgreSQL: `pg_dump` in its
custom format, or, where it is not installed, the exact command to run.

Every backup and restore is written to the audit log (a backup holds every conversation), and
`python -m bot doctor` reads the last one from there. Backup files are readable by their owner
only.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Dict, List, Optional

from bot import store
from bot.ops.preflight import sqlite_path

# What a backup of this assistant's database must contain to be restored.
EXPECTED_TABLES = ("events", "booking_requests", "audit_log", "staff_users", "alembic_version")
BACKUP_GLOB = "clinic-*.db"


class BackupError(Exception):
    """A backup or restore that cannot go ahead: the message says why and what to do."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _private(path: Path) -> None:
    """Create `path` empty, mode 600, before anything is written into it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a live SQLite database into `target` (mode 600) with the online backup API."""
    partial = target.with_name(target.name + ".partial")
    _private(partial)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)  # one step: a consistent snapshot, writers go on (WAL)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)


def check_file(path: Path) -> Dict[str, int]:
    """The file is an intact SQLite database of this assistant: its conversation and request
    counts; BackupError naming the problem otherwise."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            missing = [t for t in EXPECTED_TABLES if t not in tables]
            counts = {} if missing else {
                "conversations": connection.execute(
                    "SELECT COUNT(DISTINCT sender_id) FROM events").fetchone()[0],
                "requests": connection.execute(
                    "SELECT COUNT(*) FROM booking_requests").fetchone()[0],
                "events": connection.execute("SELECT COUNT(*) FROM events").fetchone()[0],
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database ({exc})") from None
    if result != "ok":
        raise BackupError(f"{path} is damaged (integrity check: {result})")
    if missing:
        raise BackupError(f"{path} is not a backup of this assistant (no table "
                          f"{', '.join(missing)})")
    return counts


def _pg_command(url: str, args: List[str]):
    """pg_dump/pg_restore arguments and environment for a SQLAlchemy PostgreSQL URL (the
    password goes in PGPASSWORD, never on the command line)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    libpq = parsed.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False)
    return args + ["--dbname", libpq], env


def backup(target: Path, *, url: Optional[str] = None, keep: Optional[int] = None,
           actor: str = "backup") -> Path:
    """Back up the database at `url` to the file `target`, or into the directory `target` as
    clinic-YYYYMMDD-HHMMSS.db (then `keep`: how many such files to keep, oldest deleted)."""
    url = url or store.database_url()
    target = target.resolve()  # the audit log and doctor name it wherever they run from
    directory = target if target.is_dir() else None
    if directory is not None:
        target = directory / f"clinic-{_stamp()}.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite_path(url)
    if source is not None:
        if not source.is_file():
            raise BackupError(f"there is no database at {source} yet")
        _sqlite_copy(source, target)
        counts = check_file(target)
        detail = (f"{target}: {counts['conversations']} conversations, "
                  f"{counts['requests']} requests")
    elif url.startswith("postgresql"):
        target = target.with_suffix(".dump") if directory is not None else target
        command, env = _pg_command(url, ["pg_dump", "--format=custom", "--no-owner",
                                         "--file", str(target)])
        if not shutil.which("pg_dump"):
            shown = " ".join(a if not a.startswith("postgresql://") else "'" + a + "'"
                             for a in command)
            raise BackupError("pg_dump is not installed here (apt-get install "
                              f"postgresql-client). Run, with PGPASSWORD set:\n  {shown}")
        _private(target)
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        detail = str(target)
    else:
        raise BackupError(f"cannot back up a database at {url.split(':', 1)[0]}: URLs")
    store.audit(actor, "backup", channel="cli", detail=detail, url=url)
    if directory is not None and keep:
        pattern = BACKUP_GLOB if source is not None else "clinic-*.dump"
        for old in sorted(directory.glob(pattern))[:-keep]:
            old.unlink()
    return target


def restore(backup_file: Path, *, url: Optional[str] = None, actor: str = "restore") -> str:
    """Replace the (stopped) installation's SQLite database with `backup_file` after checking
    it; the old database is kept beside it. Returns what was restored, in words."""
    from bot.ops.supervise import answers, servers

    url = url or store.database_url()
    target = sqlite_path(url)
    if target is None:
        command, _ = _pg_command(url, ["pg_restore", "--clean", "--if-exists", "--no-owner",
                                       str(backup_file)])
        raise BackupError("restoring PostgreSQL is done with pg_restore, the servers "
                          "stopped, with PGPASSWORD set:\n  " + " ".join(command))
    running = [s.name for s in servers() if answers(s.health_url)]
    if running:
        raise BackupError(f"the assistant is running ({', '.join(running)} answering): stop "
                          "it first (Ctrl-C in make run's terminal, or systemctl stop "
                          "clinic-assistant), then restore")
    counts = check_file(backup_file)
    if target.exists():
        aside = target.with_name(f"{target.name}.before-restore-{_stamp()}")
        _sqlite_copy(target, aside)  # reads the write-ahead log too
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        kept = f"; the database it replaced is kept as {aside}"
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        kept = ""
    _sqlite_copy(backup_file, target)
    store.upgrade(url)  # a backup from an older version gets the newer schema
    store.audit(actor, "restore", channel="cli", detail=f"from {backup_file}", url=url)
    return (f"restored {counts['conversations']} conversation(s) and {counts['requests']} "
            f"request(s) from {backup_file} into {target}{kept}")


def cmd_backup(args) -> int:
    target = Path(args.file)
    if args.file.endswith("/"):  # a directory, made if needed
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path = backup(target, url=args.db, keep=args.keep, actor=args.actor or "cli")
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"backed up to {path} (readable by its owner only)")
    return 0


def cmd_restore(args) -> int:
    try:
        print(restore(Path(args.file), url=args.db, actor=args.actor or "cli"))
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
