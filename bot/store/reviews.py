"""What staff did after reading: reviews, and notes and contact attempts on requests.

What staff did after reading: a serious conversation marked reviewed, and notes and
contact attempts on a request. Each write is audited; the audit detail never holds the
note's text (it may name the patient), only that there was one.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

from sqlalchemy import insert, select

from bot.store.audit import audit
from bot.store.migrations import engine_for
from bot.store.schema import (
    CONTACT_OUTCOMES,
    NotFound,
    booking_activity,
    booking_requests,
    conversation_reviews,
    now,
    row_dict,
)

NOTE_MAX = 2000


def _note(text: Optional[str]) -> Optional[str]:
    text = (text or "").strip()
    if len(text) > NOTE_MAX:
        raise ValueError(f"a note is at most {NOTE_MAX} characters")
    return text or None


def mark_reviewed(conversation_id: str, *, actor: str, note: Optional[str] = None,
                  channel: str = "web", url: Optional[str] = None) -> Dict[str, Any]:
    """Record that `actor` reviewed the conversation now (it leaves "Needs attention")."""
    note = _note(note)
    row = {"conversation_id": conversation_id, "reviewed_by": actor[:100],
           "reviewed_at": now(), "note": note}
    with engine_for(url).begin() as connection:
        connection.execute(insert(conversation_reviews).values(**row))
    audit(actor, "review", channel=channel, conversation_id=conversation_id,
          detail="with a note" if note else None, url=url)
    return row


def reviews_of(conversation_ids: Optional[Iterable[str]] = None, *,
               url: Optional[str] = None) -> Dict[str, List[Dict[str, Any]]]:
    """Every review, oldest first, by conversation (all conversations when ids is None)."""
    query = select(conversation_reviews).order_by(conversation_reviews.c.id)
    if conversation_ids is not None:
        query = query.where(conversation_reviews.c.conversation_id.in_(list(conversation_ids)))
    found: Dict[str, List[Dict[str, Any]]] = {}
    with engine_for(url).connect() as connection:
        for row in connection.execute(query):
            found.setdefault(row.conversation_id, []).append(row_dict(row))
    return found


def add_booking_activity(booking_id: int, kind: str, *, actor: str, text: Optional[str] = None,
                         outcome: Optional[str] = None, channel: str = "web",
                         url: Optional[str] = None) -> None:
    """A note ("note", text required) or an attempt to reach the patient ("contact", with
    one of CONTACT_OUTCOMES and an optional note)."""
    text = _note(text)
    if kind == "note":
        if not text:
            raise ValueError("write the note first")
        outcome = None
    elif kind == "contact":
        if outcome not in CONTACT_OUTCOMES:
            raise ValueError("choose what happened when you tried to reach the patient")
    else:
        raise ValueError(f"unknown kind of activity {kind!r}")
    with engine_for(url).begin() as connection:
        conversation_id = connection.execute(
            select(booking_requests.c.conversation_id)
            .where(booking_requests.c.id == booking_id)).scalar()
        if conversation_id is None:
            raise NotFound(f"booking {booking_id}")
        connection.execute(insert(booking_activity).values(
            booking_id=booking_id, kind=kind, outcome=outcome, text=text, by=actor[:100],
            at=now()))
    detail = outcome if kind == "contact" else None
    if kind == "contact" and text:
        detail += ", with a note"
    audit(actor, "request_note" if kind == "note" else "contact_attempt", channel=channel,
          conversation_id=conversation_id, booking_id=booking_id, detail=detail, url=url)


def booking_activity_of(booking_ids: Iterable[int], *,
                        url: Optional[str] = None) -> Dict[int, List[Dict[str, Any]]]:
    ids = list(booking_ids)
    if not ids:
        return {}
    found: Dict[int, List[Dict[str, Any]]] = {}
    query = (select(booking_activity).where(booking_activity.c.booking_id.in_(ids))
             .order_by(booking_activity.c.id))
    with engine_for(url).connect() as connection:
        for row in connection.execute(query):
            found.setdefault(row.booking_id, []).append(row_dict(row))
    return found
