"""Rasa's SQLTrackerStore, without re-reading every conversation from the database each turn.

`python -m bot endpoints` names this class in Rasa's endpoints (`type:
bot.tracker_store.ClinicTrackerStore`), for SQLite and PostgreSQL alike. It stores exactly
what SQLTrackerStore stores, in the same `events` table (staff tools, migrations and Rasa's
own API read it unchanged). What changes, measured in reports/bench.md:

- Loading a tracker rebuilt it from every event of the session (JSON parsing, event classes,
  replay): the largest cost of a turn after Rasa's own hot spots. Here the tracker saved at
  the end of a turn is kept in process and handed back for the next turn when the database
  proves it current: one indexed query (how many events, the last id) instead of loading
  them all. Another server process writing to the same conversation (several servers behind
  a load balancer, serialised by the Redis lock store) changes that answer, and the tracker
  is then loaded from the database as before.
- A kept tracker is handed out once and forgotten until it is saved again, so a turn that
  fails half way (exception, server stopping) can never leave a half-updated tracker behind:
  the next turn reads the database.
- Saving a tracker this store handed out appends its new events in one insert, without
  re-counting what the database already holds for the session (Rasa counts every time).
- Faults (bot.db_resilience, the mixin): loads and saves retried with bounded backoff,
  stale pooled connections checked before use, and a turn whose conversation could not be
  loaded is never saved. A failed save, or a failed check of a kept tracker, drops the kept
  tracker: the next turn reads the database.
- SQLite: write-ahead logging (readers such as the staff page never block the assistant) and
  `synchronous=NORMAL`: a commit no longer waits for the disk (about 10 ms here, during which
  Rasa's event loop serves nobody). A committed turn survives a crash of any process; only a
  power cut can lose the last moments. Clinics that need more run PostgreSQL (docs/deploy.md).
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import weakref
from collections import OrderedDict
from typing import Any, Dict, Optional, Text, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import rasa_speedups
from bot.dashboard import summary as dashboard_summary
from bot.db_resilience import ResilientSQLStoreMixin
from bot.event_kinds import is_kind
from bot.store.database import event_loop_pool, is_recoverable

logger = logging.getLogger(__name__)


# Conversations kept in memory per process (the most recently active ones). A tracker of a
# finished 20-turn conversation is a few hundred kB of Python objects.
DEFAULT_CACHE_SIZE = int(os.environ.get("TRACKER_CACHE_SIZE", "2000"))


class ClinicTrackerStore(ResilientSQLStoreMixin, SQLTrackerStore):
    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        # The one place Rasa's internals are checked (the server refuses to start when they
        # changed) and its hot spots replaced: before the server reads any message.
        rasa_speedups.apply()
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        events = self.SQLEvent.__table__
        self._stored_state_query = sa.select(
            sa.func.count(events.c.id), sa.func.max(events.c.id)
        ).where(events.c.sender_id == sa.bindparam("sender_id"))
        self._insert_rows = events.insert()
        # sender_id -> (tracker, its number of events, (rows stored, last row id))
        self._kept: "OrderedDict[Text, Tuple[DialogueStateTracker, int, Tuple[int, int]]]" = (
            OrderedDict()
        )
        # sender_id -> (the tracker retrieve() handed out, how many of its events are stored)
        self._handed_out: Dict[Text, Tuple["weakref.ref[DialogueStateTracker]", int]] = {}

    # ------------------------------------------------------------------ SQLite

    def _engine_options(self) -> Dict[str, Any]:
        """SQLite: connections reused, and a commit does not wait for the disk (the
        module's docstring says what that trades)."""
        if self.engine.dialect.name != "sqlite":
            return {}
        return {**event_loop_pool(self.engine.url), "wait_for_disk": False}

    # ------------------------------------------------------------------ kept trackers

    def _stored_state(self, session: Any, sender_id: Text) -> Tuple[int, int]:
        """How many rows this conversation has, and the last row's id (one indexed query,
        as a core statement: the ORM's query building cost more than the query), through an
        ORM session or a connection."""
        count, last_id = session.execute(self._stored_state_query,
                                         {"sender_id": sender_id}).one()
        return int(count or 0), int(last_id or 0)

    def _take_kept(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        kept = self._kept.pop(sender_id, None)
        if kept is None:
            return None
        tracker, n_events, stored = kept
        if len(tracker.events) != n_events:
            return None  # changed after it was saved: not what the database holds
        try:
            # A connection, not an ORM session: the session's setup and close cost three
            # times the query (0.12 against 0.06 ms; reports/bench-profile-in-process.md)
            with self.engine.connect() as connection:
                if self._stored_state(connection, sender_id) != stored:
                    return None  # another process wrote to this conversation
        except Exception as error:  # noqa: BLE001 - sorted by is_recoverable just below
            if not is_recoverable(error):
                raise
            return None  # unchecked: the load below retries, or reports the database down
        return tracker

    def _keep(self, tracker: DialogueStateTracker, stored: Tuple[int, int]) -> None:
        self._kept[tracker.sender_id] = (tracker, len(tracker.events), stored)
        self._kept.move_to_end(tracker.sender_id)
        while len(self._kept) > self.cache_size:
            self._kept.popitem(last=False)

    def forget(self, sender_id: Text) -> None:
        """Drops the kept tracker (erasing a conversation, tests)."""
        self._kept.pop(sender_id, None)
        self._handed_out.pop(sender_id, None)

    @staticmethod
    def _events_in_last_session(tracker: DialogueStateTracker) -> int:
        """How many of the tracker's events Rasa's retrieve() would load back: those from
        the last SessionStarted on (by timestamp, as SQLTrackerStore's query selects)."""
        events = tracker.events
        start = next((e for e in reversed(events) if is_kind(e, SessionStarted)), None)
        if start is None:
            return len(events)
        return sum(1 for e in events if e.timestamp >= start.timestamp)

    # ------------------------------------------------------------------ Rasa's interface

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        tracker = self._take_kept(sender_id)
        if tracker is None:
            tracker = await super().retrieve(sender_id)
        if tracker is not None:
            # It holds exactly the session's stored events: save() appends after them.
            self._handed_out[sender_id] = (weakref.ref(tracker), len(tracker.events))
            while len(self._handed_out) > self.cache_size:  # read but never saved (API)
                self._handed_out.pop(next(iter(self._handed_out)))
        return tracker

    def on_save_failed(self, sender_id: Text) -> None:
        self._kept.pop(sender_id, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        self._kept.pop(sender_id, None)
        handed_out = self._handed_out.pop(sender_id, None)
        already_stored = (
            handed_out[1] if handed_out is not None and handed_out[0]() is tracker else None)
        # The mixin refuses a turn whose load failed and retries _save_once.
        stored = await super().save(tracker, already_stored=already_stored)
        # In the turn a session starts the tracker still holds the previous session's
        # events, which Rasa's retrieve() would not load: such a tracker is not kept.
        if stored is not None and self._events_in_last_session(tracker) == len(tracker.events):
            self._keep(tracker, stored)

    async def _save_once(self, tracker: DialogueStateTracker,
                         already_stored: Optional[int] = None) -> Tuple[int, int]:
        """SQLTrackerStore.save's rows, one transaction (a retry writes each event once),
        without re-counting what the database holds for a tracker this store handed out
        (`already_stored`), in one bulk insert. Returns the conversation's stored state."""
        sender_id = tracker.sender_id
        await self.stream_events(tracker)
        with self.session_scope() as session:
            if already_stored is None:
                already_stored = self._event_query(
                    session, sender_id, fetch_events_from_all_sessions=False
                ).count()
            rows = [self._row(sender_id, event)
                    for event in itertools.islice(tracker.events, already_stored, None)]
            # core statements on the session's connection (its transaction), not through
            # the ORM session's execute
            connection = session.connection()
            if rows:
                connection.execute(self._insert_rows, rows)
            dashboard_summary.record(session, tracker)  # the dashboard's row, same transaction
            stored = self._stored_state(connection, sender_id)
            session.commit()
        return stored

    @staticmethod
    def _row(sender_id: Text, event: Any) -> Dict[Text, Any]:
        data = event.as_dict()  # the row SQLTrackerStore.save writes, column for column
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
