"""The dashboard's queries: the per-session summary rows (written by the tracker store as it
saves, rebuilt from the events table on demand) and the requests' first-contact times.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional

from sqlalchemy import and_, func, insert, select, update

from bot.store.migrations import engine_for
from bot.store.schema import booking_requests, booking_status_changes, conversation_stats, events, row_dict

_KEY = ("conversation_id", "session_start")


def upsert_stats(connection: Any, rows: Iterable[Dict[str, Any]]) -> None:
    """Writes summary rows on `connection` (a Connection or the tracker store's Session, in
    its transaction): an update, or an insert for a new session. The same on SQLite and
    PostgreSQL; one conversation is saved by one server at a time (the lock store)."""
    table = conversation_stats
    for row in rows:
        where = and_(table.c.conversation_id == row["conversation_id"],
                     table.c.session_start == row["session_start"])
        values = {k: v for k, v in row.items() if k not in _KEY}
        if connection.execute(update(table).where(where).values(**values)).rowcount == 0:
            connection.execute(insert(table).values(**row))


def rebuild_stats(*, url: Optional[str] = None, batch: int = 500) -> int:
    """Summarises every stored conversation again from Rasa's events table (conversations
    stored before the dashboard existed, or after a change to what is summarised).
    Returns the number of conversations."""
    from bot.dashboard.summary import from_row, summarise_all

    engine = engine_for(url)
    with engine.connect() as connection:
        ids = [r[0] for r in connection.execute(select(events.c.sender_id).distinct())]
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        steps: Dict[str, list] = {cid: [] for cid in chunk}
        query = (select(events.c.sender_id, events.c.type_name, events.c.timestamp,
                        events.c.intent_name, events.c.action_name, events.c.data)
                 .where(events.c.sender_id.in_(chunk)).order_by(events.c.id))
        with engine.begin() as connection:
            for r in connection.execute(query):
                data = json.loads(r.data or "{}") if r.type_name == "slot" else {}
                steps[r.sender_id].append(from_row(r.type_name, r.timestamp or 0.0,
                                                   r.intent_name, r.action_name, data))
            upsert_stats(connection, [row for cid, s in steps.items()
                                      for row in summarise_all(cid, s)])
    return len(ids)


def stats_between(start: float, end: float, *, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """The summary rows of sessions started in [start, end) (epoch seconds)."""
    t = conversation_stats
    query = (select(t.c.conversation_id, t.c.session_start, t.c.channel, t.c.last_at,
                    t.c.triage_level, t.c.red_flags, t.c.options_explained, t.c.request_kind,
                    t.c.last_question, t.c.fallbacks, t.c.unanswered)
             .where(t.c.session_start >= start, t.c.session_start < end))
    with engine_for(url).connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query)]


def requests_between(start: datetime, end: datetime, *,
                     url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Requests made in [start, end): kind, when, and when staff first moved it on from
    "new" (the first contact), or None."""
    first_change = (select(booking_status_changes.c.booking_id,
                           func.min(booking_status_changes.c.changed_at).label("first_contact"))
                    .group_by(booking_status_changes.c.booking_id).subquery())
    query = (select(booking_requests.c.id, booking_requests.c.kind, booking_requests.c.created_at,
                    first_change.c.first_contact)
             .select_from(booking_requests.outerjoin(
                 first_change, first_change.c.booking_id == booking_requests.c.id))
             .where(booking_requests.c.created_at >= start, booking_requests.c.created_at < end))
    with engine_for(url).connect() as connection:
        return [row_dict(r) for r in connection.execute(query)]
