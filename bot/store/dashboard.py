"""The dashboard's queries: the per-session and per-request summary rows it counts.

The per-session rows are written by the tracker store as it saves; the per-request rows by
bot.store.bookings as a request is stored and first moved on. Both are rebuilt from the events
and requests tables on demand (`python -m bot dashboard rebuild`).
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional

from sqlalchemy import and_, bindparam, case, delete, func, insert, select, update

from bot.store.migrations import engine_for
from bot.store.schema import (
    booking_requests,
    booking_status_changes,
    conversation_stats,
    events,
    request_stats,
    utc_aware,
)

_KEY = ("conversation_id", "session_start")


# Built once, the row's values given as parameters: building the statements with the values
# in them cost nine times the update itself at every turn (0.34 against 0.04 ms a row;
# reports/bench-profile-in-process.md, session 20). The SET clause is the columns a row names.
_update_stats = update(conversation_stats).where(and_(
    conversation_stats.c.conversation_id == bindparam("key_conversation_id"),
    conversation_stats.c.session_start == bindparam("key_session_start")))
_insert_stats = insert(conversation_stats)


def upsert_stats(connection: Any, rows: Iterable[Dict[str, Any]]) -> None:
    """Writes summary rows on `connection` (a Connection or the tracker store's Session, in
    its transaction): an update, or an insert for a new session. The same on SQLite and
    PostgreSQL; one conversation is saved by one server at a time (the lock store)."""
    for row in rows:
        params = {k: v for k, v in row.items() if k not in _KEY}
        params["key_conversation_id"] = row["conversation_id"]
        params["key_session_start"] = row["session_start"]
        if connection.execute(_update_stats, params).rowcount == 0:
            connection.execute(_insert_stats, row)


def rebuild_stats(*, url: Optional[str] = None, batch: int = 500) -> int:
    """Summarises every stored conversation again from Rasa's events table (conversations
    stored before the dashboard existed, or after a change to what is summarised), and every
    request from the requests table. Returns the number of conversations."""
    from bot.dashboard.summary import clinic_tz, from_row, summarise_all

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
                                      for row in summarise_all(cid, s, clinic_tz())])
    _rebuild_request_stats(engine)
    return len(ids)


def record_request(connection: Any, booking_id: int, kind: str, created_at: datetime) -> None:
    """A new request's summary row, on the connection (and in the transaction) that stores it."""
    from bot.dashboard.summary import clinic_tz

    connection.execute(insert(request_stats).values(
        booking_id=booking_id, kind=kind, created_at=created_at.timestamp(),
        local_day=created_at.astimezone(clinic_tz()).date().isoformat()))


def record_status_change(connection: Any, booking_id: int, when: datetime) -> None:
    """A request's status changed at `when` (in the same transaction): the first change is its
    first contact; later ones leave it as it is."""
    connection.execute(update(request_stats).where(
        request_stats.c.booking_id == booking_id, request_stats.c.first_contact_hours.is_(None))
        .values(first_contact_hours=(when.timestamp() - request_stats.c.created_at) / 3600.0))


def _rebuild_request_stats(engine: Any) -> None:
    """Every request's summary row again from the requests and their status changes."""
    first = (select(booking_status_changes.c.booking_id,
                    func.min(booking_status_changes.c.changed_at).label("first_contact"))
             .group_by(booking_status_changes.c.booking_id).subquery())
    query = (select(booking_requests.c.id, booking_requests.c.kind, booking_requests.c.created_at,
                    first.c.first_contact)
             .select_from(booking_requests.outerjoin(first, first.c.booking_id == booking_requests.c.id)))
    with engine.begin() as connection:
        connection.execute(delete(request_stats))
        for booking_id, kind, created_at, first_contact in connection.execute(query).all():
            record_request(connection, booking_id, kind, utc_aware(created_at))
            if first_contact is not None:
                record_status_change(connection, booking_id, utc_aware(first_contact))


def stats_rows(*, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Every summary row (tests, checks): the dashboard itself reads `dashboard_counts`."""
    with engine_for(url).connect() as connection:
        return [dict(r._mapping) for r in connection.execute(select(conversation_stats))]


def dashboard_counts(first_day: str, last_day: str, left_before: float, *,
                     url: Optional[str] = None) -> Dict[str, Any]:
    """The dashboard's counts over sessions started on [first_day, last_day] (the clinic's
    days, 2026-12-03), grouped in the database in two passes (per day; per combination of
    the other columns), so the page's cost grows with the number of days and kinds, not of
    conversations. Names joined with "|" come back as stored, one count per combination;
    `leaving` counts the sessions with neither a triage decision nor a request whose last
    message is older than `left_before` (epoch), by their last question."""
    t = conversation_stats
    period = and_(t.c.local_day >= first_day, t.c.local_day <= last_day)
    decided = t.c.triage_level.isnot(None) | t.c.request_kind.isnot(None)
    left = case((~decided & (t.c.last_at < left_before), func.coalesce(t.c.last_question, "start")),
                else_=None).label("left")
    fallback = case((t.c.fallbacks > 0, 1), else_=0).label("fallback")
    columns = (t.c.triage_level, t.c.request_kind, t.c.channel, t.c.red_flags,
               t.c.options_explained, t.c.unanswered, t.c.language, left, fallback)
    counts: Dict[str, Any] = {key: {} for key in (
        "levels", "channels", "red_flags", "options", "unanswered", "leaving", "languages")}
    counts.update(consultations=0, consultations_requested=0, with_fallback=0)

    def add(table: str, key: Any, n: int) -> None:
        counts[table][key] = counts[table].get(key, 0) + n

    with engine_for(url).connect() as connection:
        counts["by_day"] = {
            day: (int(started), int(done or 0)) for day, started, done in connection.execute(
                select(t.c.local_day, func.count(), func.sum(case((decided, 1), else_=0)))
                .where(period).group_by(t.c.local_day))}
        for (level, requested, channel, flags, options, unanswered, language, left_at,
             with_fallback, n) in connection.execute(select(*columns, func.count()).where(period)
                                      .group_by(*columns)):
            add("levels", level, n)
            add("channels", channel, n)
            add("languages", language, n)
            if flags:
                add("red_flags", flags, n)
            if options:
                add("options", options, n)
            if unanswered:
                add("unanswered", unanswered, n)
            if left_at is not None:
                add("leaving", left_at, n)
            if level == "consultation":
                counts["consultations"] += n
                counts["consultations_requested"] += n if requested else 0
            counts["with_fallback"] += n if with_fallback else 0
    return counts


def request_counts(first_day: str, last_day: str, *, url: Optional[str] = None) -> Dict[str, Any]:
    """The requests made on [first_day, last_day] (the clinic's days): how many of each kind,
    and the hours to first contact of those contacted (for their median), from the summary
    rows' covering index."""
    t = request_stats
    period = and_(t.c.local_day >= first_day, t.c.local_day <= last_day)
    with engine_for(url).connect() as connection:
        kinds = {kind: int(n) for kind, n in connection.execute(
            select(t.c.kind, func.count()).where(period).group_by(t.c.kind))}
        hours = [h for (h,) in connection.execute(
            select(t.c.first_contact_hours).where(period, t.c.first_contact_hours.isnot(None)))]
    return {"kinds": kinds, "contact_hours": hours}
