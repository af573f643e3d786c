"""Forgetting: one conversation on a patient's request, everything past the retention period.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Dict, List, Optional

from sqlalchemy import delete, func, select

from bot.store.audit import audit
from bot.store.bookings import booking_reference
from bot.store.database import database_url, is_sqlite
from bot.store.migrations import engine_for
from bot.store.schema import (
    booking_activity,
    booking_requests,
    booking_status_changes,
    conversation_reviews,
    conversation_stats,
    events,
    now,
    outbox,
    request_stats,
    staff_sessions,
)


def erase_conversation(conversation_id: str, *, actor: str, channel: str = "web",
                       url: Optional[str] = None) -> Dict[str, int]:
    """A patient's request to be forgotten: every event and request of the conversation goes;
    the audit log keeps only the conversation id."""
    with engine_for(url).begin() as connection:
        removed_events = connection.execute(
            delete(events).where(events.c.sender_id == conversation_id)).rowcount
        removed_bookings = _delete_bookings(connection, [conversation_id])
        connection.execute(delete(conversation_stats)  # counts, but keyed by the id
                           .where(conversation_stats.c.conversation_id == conversation_id))
    _scrub_deleted(url)
    counts = {"events": removed_events, "bookings": removed_bookings}
    audit(actor, "erase", channel=channel, conversation_id=conversation_id,
          detail=f"removed {removed_events} events, {removed_bookings} requests", url=url)
    return counts


def _scrub_deleted(url: Optional[str]) -> None:
    """After an erase or purge on SQLite: write the log back into the database file and empty
    it, so the old copies of the erased pages in the write-ahead log (-wal) are gone too
    (secure_delete has zeroed them in the pages themselves). PostgreSQL reuses the space at
    its next VACUUM."""
    url = url or database_url()
    if is_sqlite(url):
        with engine_for(url).connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _delete_bookings(connection, conversation_ids: List[str]) -> int:
    """A conversation's requests with their history and staff notes, and its reviews (a
    note may name the patient)."""
    connection.execute(delete(conversation_reviews)
                       .where(conversation_reviews.c.conversation_id.in_(conversation_ids)))
    ids = [r.id for r in connection.execute(select(booking_requests.c.id).where(
        booking_requests.c.conversation_id.in_(conversation_ids)))]
    if not ids:
        return 0
    for table in (booking_status_changes, booking_activity, request_stats):
        connection.execute(delete(table).where(table.c.booking_id.in_(ids)))
    # What waits to be sent about these requests goes with them (a FHIR hand-over holds
    # the patient's details; an alert would point at a request that is gone).
    connection.execute(delete(outbox).where(
        outbox.c.reference.in_([booking_reference(i) for i in ids])))
    return connection.execute(delete(booking_requests)
                              .where(booking_requests.c.id.in_(ids))).rowcount


def purge(older_than_days: int, *, actor: str, channel: str = "cli",
          url: Optional[str] = None) -> Dict[str, int]:
    """Delete conversations (events and requests) whose last activity is older than the
    retention period; requests with no conversation go by their own date."""
    if older_than_days < 1:
        raise ValueError("--older-than must be at least 1 day")
    cutoff = now() - timedelta(days=older_than_days)
    with engine_for(url).begin() as connection:
        old = [r.sender_id for r in connection.execute(
            select(events.c.sender_id).group_by(events.c.sender_id)
            .having(func.max(events.c.timestamp) < cutoff.timestamp()))]
        removed_events = removed_bookings = 0
        for start in range(0, len(old), 500):
            chunk = old[start:start + 500]
            removed_events += connection.execute(
                delete(events).where(events.c.sender_id.in_(chunk))).rowcount
            removed_bookings += _delete_bookings(connection, chunk)
            connection.execute(delete(conversation_stats)
                               .where(conversation_stats.c.conversation_id.in_(chunk)))
        live = select(events.c.sender_id).distinct()
        orphans = [r.conversation_id for r in connection.execute(
            select(booking_requests.c.conversation_id).distinct().where(
                booking_requests.c.created_at < cutoff,
                booking_requests.c.conversation_id.not_in(live)))]
        removed_bookings += _delete_bookings(connection, orphans)
        connection.execute(delete(staff_sessions).where(staff_sessions.c.last_seen_at < cutoff))
        connection.execute(delete(outbox).where(outbox.c.delivered_at.is_not(None),
                                                outbox.c.created_at < cutoff))
    _scrub_deleted(url)
    counts = {"conversations": len(set(old) | set(orphans)), "events": removed_events,
              "bookings": removed_bookings}
    audit(actor, "purge", channel=channel,
          detail=f"older than {older_than_days} days: {counts['conversations']} conversations, "
                 f"{removed_events} events, {removed_bookings} requests", url=url)
    return counts
