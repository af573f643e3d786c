"""Booking and call-back requests (written by the action server) and their status history.
"""
from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy import insert, select, update

from bot.store.audit import audit
from bot.store.dashboard import record_request, record_status_change
from bot.store.database import retrying_blocking
from bot.store.migrations import engine_for
from bot.store.schema import (
    BOOKING_STATUSES,
    NotFound,
    booking_requests,
    booking_status_changes,
    now,
    row_dict,
)


def save_booking(*, conversation_id: str, kind: str, name: str, contact: str,
                 preferred_time: str, triage_level: Optional[str],
                 url: Optional[str] = None) -> str:
    """Store a request for staff and return the reference the patient is given.

    A locked or briefly unreachable database is retried for up to BOOKING_RETRY_SECONDS;
    then StorageUnavailable, and the patient is told (the details stay in the conversation).
    Blocking: callers in an event loop run it in a thread."""
    def write() -> int:
        made = now()
        with engine_for(url).begin() as connection:
            result = connection.execute(insert(booking_requests).values(
                conversation_id=conversation_id, kind=kind, name=name, contact=contact,
                preferred_time=preferred_time, triage_level=triage_level, status="new",
                created_at=made,
            ))
            booking_id = result.inserted_primary_key[0]
            record_request(connection, booking_id, kind, made)  # the dashboard's count, with it
            return booking_id

    return booking_reference(retrying_blocking(write, "saving a booking request",
                                                       BOOKING_RETRY_SECONDS))


# How long a booking waits for the database before the patient is told (DB_WRITE_RETRY_SECONDS).
BOOKING_RETRY_SECONDS = float(os.environ.get("DB_WRITE_RETRY_SECONDS", "15"))


def booking_reference(row_id: int) -> str:
    return f"R{row_id:05d}"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def list_bookings(conversation_id: Optional[str] = None, *, status: Optional[str] = None,
                  kind: Optional[str] = None, search: Optional[str] = None,
                  url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Booking and call-back requests, oldest first, each with its reference."""
    query = select(booking_requests).order_by(booking_requests.c.id)
    if conversation_id is not None:
        query = query.where(booking_requests.c.conversation_id == conversation_id)
    if status:
        query = query.where(booking_requests.c.status == status)
    if kind:
        query = query.where(booking_requests.c.kind == kind)
    with engine_for(url).connect() as connection:
        rows = [row_dict(row) for row in connection.execute(query)]
    for row in rows:
        row["reference"] = booking_reference(row["id"])
    if search:
        rows = [r for r in rows if booking_matches(r, search)]
    return rows


def booking_matches(row: Dict[str, Any], search: str) -> bool:
    needle = search.strip().lower()
    if not needle:
        return True
    digits = _digits(needle)
    if needle in (row.get("name") or "").lower() or needle in (row.get("contact") or "").lower():
        return True
    if needle.upper() == row.get("reference") or needle == row.get("conversation_id"):
        return True
    # "555 010 2030" finds "(555) 010-2030": compare the digits when the search is a number.
    return len(digits) >= 4 and digits == re.sub(r"[\s()+.\-]", "", needle) \
        and digits in _digits(row.get("contact") or "")


def get_booking(booking_id: int, *, url: Optional[str] = None) -> Dict[str, Any]:
    with engine_for(url).connect() as connection:
        row = connection.execute(
            select(booking_requests).where(booking_requests.c.id == booking_id)).first()
    if row is None:
        raise NotFound(f"booking {booking_id}")
    result = row_dict(row)
    result["reference"] = booking_reference(result["id"])
    return result


def set_booking_status(booking_id: int, status: str, *, actor: str, channel: str = "web",
                       url: Optional[str] = None) -> Dict[str, Any]:
    """Move a request along new → contacted → closed (or back), recording who and when."""
    if status not in BOOKING_STATUSES:
        raise ValueError(f"status must be one of {', '.join(BOOKING_STATUSES)}")
    when = now()
    with engine_for(url).begin() as connection:
        row = connection.execute(select(booking_requests.c.status, booking_requests.c.conversation_id)
                                 .where(booking_requests.c.id == booking_id)).first()
        if row is None:
            raise NotFound(f"booking {booking_id}")
        if row.status != status:
            connection.execute(update(booking_requests).where(booking_requests.c.id == booking_id)
                               .values(status=status, status_changed_at=when,
                                       status_changed_by=actor[:100]))
            connection.execute(insert(booking_status_changes).values(
                booking_id=booking_id, from_status=row.status, to_status=status,
                changed_by=actor[:100], changed_at=when))
            record_status_change(connection, booking_id, when)
    audit(actor, "status_change", channel=channel, conversation_id=row.conversation_id,
          booking_id=booking_id, detail=f"{row.status} -> {status}", url=url)
    return get_booking(booking_id, url=url)


def status_history(booking_ids: Sequence[int], *, url: Optional[str] = None) -> Dict[int, List[Dict]]:
    if not booking_ids:
        return {}
    query = (select(booking_status_changes)
             .where(booking_status_changes.c.booking_id.in_(list(booking_ids)))
             .order_by(booking_status_changes.c.id))
    history: Dict[int, List[Dict]] = {}
    with engine_for(url).connect() as connection:
        for row in connection.execute(query):
            history.setdefault(row.booking_id, []).append(row_dict(row))
    return history

