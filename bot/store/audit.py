"""Who did what, when: every view, export, status change, erase and login.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import func, insert, select

from bot.store.migrations import engine_for
from bot.store.schema import audit_log, now, row_dict


def audit(actor: str, action: str, *, channel: str = "web", conversation_id: Optional[str] = None,
          booking_id: Optional[int] = None, detail: Optional[str] = None,
          url: Optional[str] = None) -> None:
    """Record who did what. Every view, export, status change, erase and login calls this."""
    with engine_for(url).begin() as connection:
        connection.execute(insert(audit_log).values(
            at=now(), actor=actor[:100], channel=channel, action=action,
            conversation_id=conversation_id, booking_id=booking_id,
            detail=(detail or None) and detail[:500],
        ))


def list_audit(*, limit: int = 200, offset: int = 0, actor: Optional[str] = None,
               action: Optional[str] = None, conversation_id: Optional[str] = None,
               url: Optional[str] = None) -> List[Dict[str, Any]]:
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit).offset(offset)
    if actor:
        query = query.where(audit_log.c.actor == actor)
    if action:
        query = query.where(audit_log.c.action == action)
    if conversation_id:
        query = query.where(audit_log.c.conversation_id == conversation_id)
    with engine_for(url).connect() as connection:
        return [row_dict(row) for row in connection.execute(query)]


def recent_failures(*, username: Optional[str] = None, client: Optional[str] = None,
                    minutes: int = 15,
                    url: Optional[str] = None) -> Tuple[int, Optional[datetime]]:
    """Failed logins in the last `minutes` and when the latest was, for the sign-in delay
    (bot/staff/auth.py). Refused attempts (`login_refused`) do not count."""
    since = now() - timedelta(minutes=minutes)
    query = select(func.count(), func.max(audit_log.c.at)).select_from(audit_log).where(
        audit_log.c.action == "login_failed", audit_log.c.at >= since)
    if username is not None:
        query = query.where(audit_log.c.actor == username[:100])
    if client is not None:
        query = query.where(audit_log.c.detail == f"from {client}"[:500])
    with engine_for(url).connect() as connection:
        count, latest = connection.execute(query).one()
    if isinstance(latest, str):  # SQLite returns max() of a DateTime column as text
        latest = datetime.fromisoformat(latest)
    if latest is not None and latest.tzinfo is None:
        latest = latest.replace(tzinfo=timezone.utc)
    return count, latest

