"""Database faults: retry what the database briefly refuses, and never lose or invent a turn.

What goes wrong in a clinic is listed in bot/store/database.py, which makes every engine and
holds the one retry helper this module uses.

Rasa's SQLTrackerStore creates its engine without `pool_pre_ping` (the first message after a
PostgreSQL restart fails on a dead pooled connection), retries nothing, and puts the SQL
parameters (the patient's words) into its error messages. Worse, Rasa wraps every tracker store
in a FailSafeTrackerStore that swallows errors: a failed load becomes "no conversation yet",
so the message is answered as if the patient had just arrived, and a failed save is kept in
process memory only, where nothing reads it again.

`ResilientSQLStoreMixin`, put before SQLTrackerStore in a class's bases
(bot.tracker_store.ClinicTrackerStore):

- engine: `bot.store.database.make_engine` (stale connections checked, parameters hidden from
  errors; for SQLite a short busy timeout per attempt, as it blocks the event loop, and
  write-ahead logging);
- `retrieve` and `save` retried with bounded backoff (`RETRY_DELAYS`, about 8 s in all) on
  errors a database recovers from; the waits are `asyncio.sleep`s, so other conversations go on;
- when the database stays away: a failed load marks the conversation, and the save at the end
  of that turn is skipped (it would have written a made-up new conversation into the real one,
  or nothing at all); `storage_trouble()` tells the channel, which answers with the clinic's
  number instead (`bot.intake`, the one failure path). Everything stored before stays as it was, and the next
  message after recovery carries on from there.

Other hooks (a cache) compose with `_engine_options()` (pool settings), `_save_once(...)` (one
save attempt), `_retrying(...)`, `_storage_failed(...)` and `on_save_failed(sender_id)`, which
a cache overrides to drop what it holds for the conversation.
"""
from __future__ import annotations

import contextvars
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Set, Text, TypeVar

from bot.store.database import EVENT_LOOP_BUSY_SECONDS, StorageUnavailable, make_engine, retrying

logger = logging.getLogger(__name__)

T = TypeVar("T")


# Set for the turn being handled (one asyncio task per message) when storage failed in it.
_TROUBLE: contextvars.ContextVar[Optional[Set[Text]]] = contextvars.ContextVar(
    "storage_trouble", default=None)


def begin_turn() -> None:
    """Called by a channel before handing a message to Rasa: forget the previous turn's state."""
    _TROUBLE.set(set())


def storage_trouble() -> bool:
    """Whether the conversation store failed during the turn being handled."""
    return bool(_TROUBLE.get())


def _mark_trouble(sender_id: Text) -> None:
    trouble = _TROUBLE.get()
    if trouble is None:
        trouble = set()
        _TROUBLE.set(trouble)
    trouble.add(sender_id)


class ResilientSQLStoreMixin:
    """Retries, stale-connection checks and honest failure for a SQLTrackerStore subclass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._use_resilient_engine(**self._engine_options())
        self._failed_loads: Set[Text] = set()

    def _engine_options(self) -> Dict[str, Any]:
        """Hook: more create_engine keyword arguments for this store's engine (a pool)."""
        return {}

    def _use_resilient_engine(self, **extra: Any) -> None:
        """Replace the engine SQLTrackerStore made with one made for faults (same URL, Rasa's
        pool settings, and `extra`; Rasa has already created the tables through the first)."""
        from rasa.core.tracker_store import create_engine_kwargs
        from sqlalchemy.orm import sessionmaker

        url = self.engine.url
        self.engine.dispose()
        self.engine = make_engine(url, busy_seconds=EVENT_LOOP_BUSY_SECONDS,
                                  **{**create_engine_kwargs(url), **extra})
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def _retrying(self, attempt_once: Callable[[], Awaitable[T]], what: str) -> T:
        return await retrying(attempt_once, what)

    def _storage_failed(self, sender_id: Text) -> None:
        _mark_trouble(sender_id)

    def on_save_failed(self, sender_id: Text) -> None:
        """Hook for subclasses holding copies of trackers (a cache): drop them."""

    async def _save_once(self, tracker, **options: Any) -> Any:
        """One attempt, a whole transaction. SQLTrackerStore.save writes only the events not
        stored yet, in one transaction: a retry after a failed attempt writes each event once.
        A subclass's own attempt takes `options` and returns what its save() should see."""
        await super().save(tracker)

    def _load_failed(self, sender_id: Text) -> bool:
        """Whether this conversation's last load failed (its turn is not the conversation)."""
        return sender_id in self._failed_loads

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool):
        parent = super()._retrieve
        try:
            tracker = await self._retrying(
                lambda: parent(sender_id, fetch_events_from_all_sessions),
                "loading a conversation")
        except StorageUnavailable:
            self._failed_loads.add(sender_id)
            self._storage_failed(sender_id)
            raise
        self._failed_loads.discard(sender_id)
        return tracker

    async def save(self, tracker, **options: Any) -> Any:
        """Rasa's save(tracker), retried; `options` go to each `_save_once` attempt, whose
        result is returned (None when the turn is refused)."""
        sender_id = tracker.sender_id
        if sender_id in self._failed_loads:
            # This turn began without the stored conversation: what it holds is not the
            # conversation, and appending it would corrupt or duplicate the real one.
            logger.warning("not saving a turn whose conversation could not be loaded")
            self._storage_failed(sender_id)
            return
        try:
            return await self._retrying(lambda: self._save_once(tracker, **options),
                                        "saving a conversation")
        except StorageUnavailable:
            self.on_save_failed(sender_id)
            self._storage_failed(sender_id)
            raise
