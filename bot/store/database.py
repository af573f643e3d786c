"""The one way to a database: its URL, the engine, and retrying what it briefly refuses.

Every engine of the project comes from :func:`make_engine` (the store's, the tracker
store's, the migrations'), and every retried operation goes through :func:`retrying`
(in Rasa's event loop) or :func:`retrying_blocking` (in a thread), which share one backoff
(:data:`RETRY_DELAYS`) and one rule for what is worth retrying (:func:`is_recoverable`).

What goes wrong in a clinic: the SQLite file locked by another writer (a backup, the staff
command line, a second process) -> "database is locked"; PostgreSQL restarted (every pooled
connection is dead) or down for a while; a full disk or a file made read-only.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterator, Optional, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_DB = ROOT / "var" / "clinic.db"

# Waits between attempts (seconds). With SQLite's busy timeout of EVENT_LOOP_BUSY_SECONDS per
# attempt, a lock held for up to ~12 s is waited out; PostgreSQL down for longer gets an answer
# after ~8 s instead of a long silence.
RETRY_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
# How long one SQLite statement waits for another writer's lock. In Rasa's event loop the wait
# blocks every conversation, so it is short and the retries (asyncio sleeps) do the waiting;
# the staff tools and the action server's bookings run in threads of their own and wait longer.
EVENT_LOOP_BUSY_SECONDS = 1.0
THREAD_BUSY_SECONDS = 5.0

T = TypeVar("T")


class StorageUnavailable(RuntimeError):
    """The database refused every attempt. The message names the error class only: the
    parameters of a failed statement are the patient's words."""


def database_url() -> str:
    return os.environ.get("DB_URL") or f"sqlite:///{DEFAULT_DB}"


def is_sqlite(url: Any) -> bool:
    return str(url).startswith("sqlite")


def make_engine(url: Any, *, busy_seconds: float = THREAD_BUSY_SECONDS, wait_for_disk: bool = True,
                **extra: Any) -> Engine:
    """An engine that survives the faults above: stale pooled connections checked before use,
    statement parameters (patient data) hidden from errors; for SQLite a private file (mode
    600), write-ahead logging (readers such as the staff page never wait for a writer),
    foreign keys enforced, and a busy timeout of `busy_seconds`. `wait_for_disk=False` lets a
    commit return before the disk has it (synchronous=NORMAL: a committed turn survives a
    crash of any process, only a power cut can lose the last moments). `extra` goes to
    create_engine (pool settings; connect_args are merged)."""
    options: Dict[str, Any] = {"pool_pre_ping": True, "hide_parameters": True, **extra}
    if is_sqlite(url):
        _private_file(make_url(url).database)
        options["connect_args"] = {"timeout": busy_seconds, **extra.get("connect_args", {})}
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        # secure_delete: deleted rows are overwritten with zeros, not just unlinked, so an
        # erased patient's words do not stay readable in the file's free pages.
        pragmas = ["PRAGMA foreign_keys=ON", "PRAGMA journal_mode=WAL", "PRAGMA secure_delete=ON"]
        if not wait_for_disk:
            pragmas.append("PRAGMA synchronous=NORMAL")
        event.listen(engine, "connect", lambda connection, _record: _sqlite_pragmas(connection, pragmas))
    return engine


def event_loop_pool(url: Any) -> Dict[str, Any]:
    """Pool settings for an engine used from Rasa's event loop (one thread): for SQLite one
    pooled connection, instead of SQLAlchemy 1.4's new connection at every use of a file
    database (NullPool), and no ping before each use (a file has no server that could have
    dropped the connection); other databases keep SQLAlchemy's pool."""
    if not is_sqlite(url):
        return {}
    from sqlalchemy.pool import QueuePool

    return {"poolclass": QueuePool, "pool_size": 1, "max_overflow": 4, "pool_pre_ping": False,
            "connect_args": {"check_same_thread": False}}


def _private_file(database: Optional[str]) -> None:
    if not database or database == ":memory:":
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        old = os.umask(0o077)  # health data: readable by the service account only
        try:
            path.touch()
        finally:
            os.umask(old)
    os.chmod(path, 0o600)


def _sqlite_pragmas(dbapi_connection: Any, pragmas: list) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in pragmas:
            try:
                cursor.execute(pragma)
            except Exception:  # noqa: BLE001 - a read-only or locked file keeps its mode; the query may work
                pass
    finally:
        cursor.close()


@lru_cache(maxsize=8)
def cached_engine(url: str) -> Engine:
    """The store's engine for `url`, one per process (the tracker store makes its own)."""
    return make_engine(url, future=True)


def is_recoverable(error: BaseException) -> bool:
    """Errors a retry can get past: a lock, a lost or refused connection, a full disk that is
    being cleared. Programming errors (a bad column, a constraint) are not retried."""
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def _delays(budget_seconds: Optional[float]) -> Iterator[float]:
    """The waits between attempts: RETRY_DELAYS; with a time budget (counted from now), then
    the last of them again, as long as the next attempt would start within the budget."""
    if budget_seconds is None:
        return iter(RETRY_DELAYS)
    deadline = time.monotonic() + budget_seconds
    return itertools.takewhile(lambda delay: time.monotonic() + delay <= deadline,
                               itertools.chain(RETRY_DELAYS, itertools.repeat(RETRY_DELAYS[-1])))


def _wait_after(error: Exception, delays: Iterator[float], what: str, attempt: int) -> float:
    """How long to wait before the next attempt after `error`; raises it when a retry cannot
    help, or StorageUnavailable when the attempts (or the time budget) are spent."""
    if not is_recoverable(error):
        raise error
    delay = next(delays, None)
    if delay is None:
        logger.error("%s failed %d times (%s); giving up", what, attempt, type(error).__name__)
        raise StorageUnavailable(f"{what}: {type(error).__name__}") from None
    logger.warning("%s failed (%s), retrying in %.2fs", what, type(error).__name__, delay)
    return delay


async def retrying(attempt_once: Callable[[], Awaitable[T]], what: str,
                   budget_seconds: Optional[float] = None) -> T:
    """Await `attempt_once()` until it succeeds, retrying recoverable errors with backoff
    (asyncio sleeps: other conversations go on). Each attempt must be a whole transaction,
    so a failed one leaves nothing behind."""
    delays = _delays(budget_seconds)
    for attempt in itertools.count(1):
        try:
            return await attempt_once()
        except Exception as error:  # noqa: BLE001 - sorted by is_recoverable
            await asyncio.sleep(_wait_after(error, delays, what, attempt))
    raise AssertionError("unreachable")


def retrying_blocking(attempt_once: Callable[[], T], what: str,
                      budget_seconds: Optional[float] = None) -> T:
    """:func:`retrying` for a thread of its own (the action server's booking writes)."""
    delays = _delays(budget_seconds)
    for attempt in itertools.count(1):
        try:
            return attempt_once()
        except Exception as error:  # noqa: BLE001 - sorted by is_recoverable
            time.sleep(_wait_after(error, delays, what, attempt))
    raise AssertionError("unreachable")
