"""The outbox's queries: what waits to be delivered (bot/outbox.py decides when and how).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.store.migrations import engine_for
from bot.store.schema import now, outbox, row_dict

# Limits of the short texts kept with a row (the columns' sizes).
ERROR_CHARS = 500
RESPONSE_CHARS = 2000


def add_outbox(kind: str, reference: str, payload: str, *, due: Optional[datetime] = None,
               url: Optional[str] = None) -> int:
    """Queue a delivery and return its id; the same (kind, reference) queued again (a
    repeated action, a retried request) returns the first row's id and adds nothing."""
    when = now()
    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            return connection.execute(insert(outbox).values(
                kind=kind, reference=reference, payload=payload, created_at=when, attempts=0,
                next_attempt_at=due or when)).inserted_primary_key[0]
    except IntegrityError:
        with engine.connect() as connection:
            existing = connection.execute(select(outbox.c.id).where(
                outbox.c.kind == kind, outbox.c.reference == reference)).scalar()
        if existing is None:
            raise
        return existing


def due_outbox(at: datetime, *, limit: int = 50, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Undelivered rows whose next attempt is due at `at`, oldest first."""
    query = (select(outbox).where(outbox.c.delivered_at.is_(None),
                                  outbox.c.next_attempt_at <= at)
             .order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit))
    with engine_for(url).connect() as connection:
        return [row_dict(row) for row in connection.execute(query)]


def claim_outbox(row: Dict[str, Any], until: datetime, *, url: Optional[str] = None) -> bool:
    """Take a due row for one delivery attempt: pushes its next attempt to `until` only if no
    one else has moved it since it was read, so two workers never send the same row twice."""
    with engine_for(url).begin() as connection:
        return connection.execute(update(outbox).where(
            outbox.c.id == row["id"], outbox.c.delivered_at.is_(None),
            outbox.c.next_attempt_at == row["next_attempt_at"],
        ).values(next_attempt_at=until)).rowcount == 1


def mark_outbox_delivered(row_id: int, *, attempts: int, response: str = "",
                          at: Optional[datetime] = None, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(update(outbox).where(outbox.c.id == row_id).values(
            delivered_at=at or now(), attempts=attempts, last_error=None,
            response=(response or None) and response[:RESPONSE_CHARS]))


def mark_outbox_failed(row_id: int, *, attempts: int, error: str, retry_at: datetime,
                       response: str = "", url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(update(outbox).where(outbox.c.id == row_id).values(
            attempts=attempts, next_attempt_at=retry_at,
            last_error=(error or "failed")[:ERROR_CHARS],
            response=(response or None) and response[:RESPONSE_CHARS]))


def list_outbox(*, limit: int = 100, undelivered: bool = False,
                url: Optional[str] = None) -> List[Dict[str, Any]]:
    """The newest rows first (the payload left out: a FHIR bundle holds patient detail)."""
    columns = [c for c in outbox.c if c.name != "payload"]
    query = select(*columns).order_by(outbox.c.id.desc()).limit(limit)
    if undelivered:
        query = query.where(outbox.c.delivered_at.is_(None))
    with engine_for(url).connect() as connection:
        return [row_dict(row) for row in connection.execute(query)]


def outbox_failures(url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Undelivered rows that have failed at least once, oldest first: the staff page shows them."""
    columns = [c for c in outbox.c if c.name != "payload"]
    query = (select(*columns).where(outbox.c.delivered_at.is_(None), outbox.c.attempts > 0)
             .order_by(outbox.c.id))
    with engine_for(url).connect() as connection:
        return [row_dict(row) for row in connection.execute(query)]
