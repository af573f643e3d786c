"""Lock stores that keep one conversation's messages in order across workers and servers.

Lock stores that keep one conversation's messages in order across Rasa worker processes and
servers: in the database the assistant already has (the default), or in Redis (docs/deploy.md).

Rasa keeps one conversation's messages in order with a ticket lock: each message takes a ticket
and waits until its number is served. Rasa 3.6's lock stores read the ticket queue, change it
and write it back as separate steps, so two processes taking a message for the same
conversation at the same moment can both read the same queue, both get the same ticket and
both process at once; Rasa's SQL tracker store then keeps one message's events and drops the
other's (measured: 1 conversation in 60 lost a message in tests/integration/test_scale_out.py's
pattern; upstream RasaHQ/rasa issue 9213, and a fix that was reverted, pull request 11428).

Here every change of the queue (a ticket issued, expired tickets dropped, a ticket finished)
is one transaction (`AtomicTicketQueue._change`), so tickets are unique and served in the order
issued, whichever worker or server took the message:

- `DatabaseLockStore` (``python -m bot endpoints`` names it unless REDIS_URL is set): the
  queue is a row of `conversation_locks`. On PostgreSQL, in the tracker store's database, and
  a change is a transaction that first takes the conversation's advisory lock
  (`pg_advisory_xact_lock`), released at commit. On SQLite, in a file beside the database
  (var/clinic-locks.db), and a change is a `BEGIN IMMEDIATE` transaction: SQLite's own write
  lock makes the changes of every process one after the other. No Redis to install for
  several Sanic workers on one machine (`make run` starts one a core).
- `AtomicRedisLockStore`: a change is a Redis WATCH/MULTI/EXEC transaction, retried when
  another server changed the key in between.
"""
from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Callable, Optional, Text, Tuple, TypeVar

import sqlalchemy as sa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateTable

from bot.store import migrations
from bot.store.database import (
    EVENT_LOOP_BUSY_SECONDS,
    database_url,
    event_loop_pool,
    is_sqlite,
    make_engine,
    retrying,
)
from bot.store.schema import conversation_locks

T = TypeVar("T")
# A change returns the queue to write back (None: delete it) and a result for the caller.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]

# How often a message waiting behind another of its conversation looks again (Rasa's default
# is 1 s: a patient's quick second message would wait that long after the first was answered).
WAIT_SECONDS = 0.05
# The first number of PostgreSQL's two-number advisory locks: this store's own key space.
ADVISORY_LOCK_SPACE = 0x7C10C4


class AtomicTicketQueue:
    """Rasa's ticket changes, each one `_change(conversation_id, change)`: one transaction."""

    def _change(self, conversation_id: Text, change: Change) -> T:
        raise NotImplementedError

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, _issue(conversation_id, lock_lifetime))
        except Exception as error:  # as Rasa's own lock stores report it
            raise LockError(f"Error while acquiring lock. Error:\n{error}")

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, _drop_expired)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        def finish(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock and lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish)


def _drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], Optional[TicketLock]]:
    if lock:
        lock.remove_expired_tickets()
    return lock, lock


class AtomicRedisLockStore(AtomicTicketQueue, RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds a custom lock store from its endpoint config: `url` is the Redis host.
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)

    def _change(self, conversation_id: Text, change: Change) -> T:
        key = self.key_prefix + conversation_id

        def transaction(pipe) -> T:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            new_lock, result = change(lock)
            pipe.multi()
            if new_lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, new_lock.dumps())
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)


class DatabaseLockStore(AtomicTicketQueue, LockStore):
    """The ticket queues in `conversation_locks`, beside the conversations.

    Named in the endpoints as ``lock_store: {type: bot.lock_store.DatabaseLockStore, url:
    <the tracker store's URL>}``. On PostgreSQL the table is in that database (migration
    0006). On SQLite it is in a file of its own beside it (`var/clinic-locks.db` for
    `var/clinic.db`): taking a ticket writes, and a writer holding the conversations' file
    for a while (a backup, the staff command line) must not stop turns whose reads still work
    under write-ahead logging. A database that briefly refuses is waited out with the tracker
    store's backoff, in asyncio sleeps; one that stays away raises StorageUnavailable, which
    the channel answers with the clinic's number (bot.intake) before anything of the turn
    was stored.
    """

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None) -> None:
        url = (endpoint_config.url if endpoint_config else None) or database_url()
        if is_sqlite(url):
            url = lock_file_url(url)
        else:
            # The table comes with the schema (migration 0006): migrated on first use in a
            # process, as every user of the store is (`python -m bot.serve rasa` has done
            # it before Sanic forks its workers).
            migrations.engine_for(url)
        self.engine = make_engine(url, busy_seconds=EVENT_LOOP_BUSY_SECONDS,
                                  wait_for_disk=False, future=True, **event_loop_pool(url))
        if is_sqlite(url):
            with self.engine.connect() as connection:  # the file's one table; rows last a turn
                connection.execute(CreateTable(conversation_locks, if_not_exists=True))
                connection.commit()
        # The statements, built once (building them cost more than running them).
        table, conversation = conversation_locks, sa.bindparam("key")
        self._read = sa.select(table.c.queue).where(table.c.conversation_id == conversation)
        self._insert = table.insert()
        self._update = table.update().where(table.c.conversation_id == conversation).values(
            queue=sa.bindparam("queue"))
        self._delete = table.delete().where(table.c.conversation_id == conversation)
        self._advisory_lock = sa.text(
            f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_SPACE}, hashtext(:key))")
        if self.engine.dialect.name == "sqlite":
            sqlite_begins_immediately(self.engine)
        super().__init__()

    def _change(self, conversation_id: Text, change: Change) -> T:
        key = {"key": conversation_id}
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(self._advisory_lock, key)
            stored = connection.execute(self._read, key).scalar()
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            new_lock, result = change(lock)
            if new_lock is None:
                if stored is not None:
                    connection.execute(self._delete, key)
            else:
                connection.execute(self._insert if stored is None else self._update,
                                   {**key, "conversation_id": conversation_id,
                                    "queue": new_lock.dumps()})
        return result

    # Rasa's storage interface (its API and tests read locks through it).
    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return self._change(conversation_id, lambda lock: (lock, lock))

    def save_lock(self, lock: TicketLock) -> None:
        self._change(lock.conversation_id, lambda _stored: (lock, None))

    def delete_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda _stored: (None, None))

    async def _retrying(self, change: Callable[[], T], what: str) -> T:
        async def once() -> T:
            return change()
        return await retrying(once, what)

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = WAIT_SECONDS) -> AsyncIterator[TicketLock]:
        """Rasa's `LockStore.lock` (a ticket, wait for its turn, finish it), each step
        retried when the database briefly refuses, and waiting WAIT_SECONDS between looks."""
        def issue(lock: Optional[TicketLock]) -> Tuple[TicketLock, Tuple[int, TicketLock]]:
            lock, ticket = _issue(conversation_id, lock_lifetime)(lock)
            return lock, (ticket, lock)

        # One transaction when the conversation has no other message in hand (most turns).
        ticket, lock = await self._retrying(lambda: self._change(conversation_id, issue),
                                            "taking a conversation's ticket")
        try:
            while lock is not None and lock.is_locked(ticket):
                await asyncio.sleep(wait_time_in_seconds)
                lock = await self._retrying(
                    lambda: self._change(conversation_id, _drop_expired), "reading a ticket queue")
            if lock is None:  # every ticket expired, ours too (as Rasa's own lock stores)
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            yield lock
        finally:
            await self._retrying(lambda: self.cleanup(conversation_id, ticket),
                                 "finishing a conversation's ticket")


def lock_file_url(sqlite_url: str) -> str:
    """The SQLite URL of the tickets' file beside a SQLite database (clinic.db ->
    clinic-locks.db)."""
    database = Path(make_url(sqlite_url).database)
    return f"sqlite:///{database.with_name(database.stem + '-locks' + database.suffix)}"


def sqlite_begins_immediately(engine: sa.engine.Engine) -> None:
    """pysqlite begins transactions lazily (at the first write): a read-then-write change
    could then interleave with another process's. BEGIN IMMEDIATE takes SQLite's write lock
    first (the documented SQLAlchemy recipe)."""
    sa.event.listen(engine, "connect",
                    lambda connection, _record: setattr(connection, "isolation_level", None))
    sa.event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))


def _issue(conversation_id: Text, lifetime: float) -> Change:
    def issue(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
        lock = lock or LockStore.create_lock(conversation_id)
        return lock, lock.issue_ticket(lifetime)
    return issue

