"""The flood limit shared by several Rasa worker processes, in the database.

bot/intake.py's flood limit (a token bucket and an in-flight count per sender) lives in one
process's memory. With several Sanic workers each message of a sender reaches whichever
worker the kernel hands the connection to, so a per-process limit gave a sender up to the
burst and the in-flight allowance once per worker. Here each sender's bucket is a row of
`flood_buckets`, and taking or returning an allowance is one transaction, as the
conversations' ticket queues (bot/lock_store.py): on SQLite in the same file beside the
database (var/clinic-locks.db, `BEGIN IMMEDIATE`), on PostgreSQL in its database (migration
0009) after the sender's advisory lock.

The in-flight count is the start times of the sender's messages in hand, so a message whose
worker died before answering stops counting after IN_FLIGHT_LIFETIME (Rasa's conversation
lock lifetime) instead of blocking that sender for good. A database that refuses (busy past
its timeout) lets the message through: the flood limit protects other patients' turns and
must never be why a patient is not read. Nothing here logs or stores a sender id (a row's
key is a digest).
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from typing import Callable, Tuple

import sqlalchemy as sa
from sqlalchemy.schema import CreateTable

from bot.intake import Limits, admit
from bot.lock_store import ADVISORY_LOCK_SPACE, lock_file_url, sqlite_begins_immediately
from bot.store import migrations
from bot.store.database import EVENT_LOOP_BUSY_SECONDS, database_url, event_loop_pool, is_sqlite, make_engine
from bot.store.schema import flood_buckets

logger = logging.getLogger(__name__)

IN_FLIGHT_LIFETIME = 60.0  # s: rasa.core.lock_store.LOCK_LIFETIME
# Every this many messages a worker removes the rows of senders long idle.
PRUNE_EVERY = 500


class DatabaseFloodLimit:
    """bot.intake.FloodLimit's `take` and `release`, one transaction each, across processes."""

    def __init__(self, limits: Limits, url: str = "", clock: Callable[[], float] = time.time) -> None:
        url = url or database_url()
        if is_sqlite(url):
            url = lock_file_url(url)
        else:
            migrations.engine_for(url)  # the table comes with the schema (migration 0009)
        self.burst, self.rate = limits.burst, limits.per_minute / 60.0
        self.max_in_flight, self.notice_seconds = limits.in_flight, limits.notice_seconds
        self.clock, self._taken = clock, 0
        self.engine = make_engine(url, busy_seconds=EVENT_LOOP_BUSY_SECONDS, wait_for_disk=False,
                                  future=True, **event_loop_pool(url))
        if is_sqlite(url):
            with self.engine.connect() as connection:
                connection.execute(CreateTable(flood_buckets, if_not_exists=True))
                connection.commit()
            sqlite_begins_immediately(self.engine)
        table, key = flood_buckets, sa.bindparam("key")
        self._read = sa.select(table.c.tokens, table.c.refilled, table.c.noticed,
                               table.c.in_flight).where(table.c.sender == key)
        self._insert = table.insert()
        self._update = table.update().where(table.c.sender == key).values(
            tokens=sa.bindparam("tokens"), refilled=sa.bindparam("refilled"),
            noticed=sa.bindparam("noticed"), in_flight=sa.bindparam("in_flight"))
        self._prune = table.delete().where(table.c.refilled < sa.bindparam("idle_since"),
                                           table.c.in_flight == "[]")
        self._advisory_lock = sa.text(
            f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_SPACE + 1}, hashtext(:key))")

    def take(self, channel: str, sender: str) -> Tuple[bool, bool]:
        if self.burst <= 0:
            return True, False

        def change(bucket, starts, now):
            allowed, notice_due = admit(bucket, now, self.burst, self.rate, self.max_in_flight,
                                        len(starts), self.notice_seconds)
            return starts + [now] if allowed else starts, (allowed, notice_due)

        self._taken += 1
        if self._taken % PRUNE_EVERY == 0:
            self._remove_idle()
        return self._change(_key(channel, sender), change, (True, False))

    def release(self, channel: str, sender: str) -> None:
        if self.burst <= 0:
            return
        self._change(_key(channel, sender), lambda bucket, starts, now: (starts[1:], None), None)

    def _change(self, key: str, change, if_refused):
        now = self.clock()
        try:
            with self.engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(self._advisory_lock, {"key": key})
                row = connection.execute(self._read, {"key": key}).first()
                if row is None:
                    bucket, starts = [float(self.burst), now, -math.inf], []
                else:
                    bucket = [row.tokens, row.refilled, row.noticed]
                    starts = [t for t in json.loads(row.in_flight) if now - t < IN_FLIGHT_LIFETIME]
                starts, result = change(bucket, starts, now)
                values = {"key": key, "sender": key, "tokens": bucket[0], "refilled": bucket[1],
                          "noticed": max(bucket[2], -1e18), "in_flight": json.dumps(starts)}
                connection.execute(self._insert if row is None else self._update, values)
            return result
        except sa.exc.OperationalError as error:
            logger.warning("flood limit not checked (database busy): %s", type(error).__name__)
            return if_refused

    def _remove_idle(self) -> None:
        """Senders idle long enough to have a full bucket and nothing in hand: their rows go."""
        idle = self.burst / self.rate + self.notice_seconds + IN_FLIGHT_LIFETIME
        try:
            with self.engine.begin() as connection:
                connection.execute(self._prune, {"idle_since": self.clock() - idle})
        except sa.exc.OperationalError:
            pass  # next time


def _key(channel: str, sender: str) -> str:
    """A sender's row: a digest, so no phone number or account id is stored in this table."""
    return hashlib.sha256(f"{channel}\0{sender}".encode("utf-8", "surrogatepass")).hexdigest()
