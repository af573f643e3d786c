"""The tables (changed only by Alembic migrations, migrations/) and what every query shares.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, Optional

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

# Rasa's SQLTrackerStore table, as Rasa declares it (SQLTrackerStore.SQLEvent), so the queries
# can read it and migrations know it (0002 creates it on a database Rasa has not used yet).
# Rasa writes it; the store only reads it, except to erase or purge a conversation.
events = SQLTrackerStore.SQLEvent.__table__.to_metadata(metadata)

booking_requests = Table(
    "booking_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # consultation | callback
    Column("name", String(200), nullable=False),
    Column("contact", String(200), nullable=False),
    Column("preferred_time", String(200), nullable=False),
    Column("triage_level", String(20)),
    Column("status", String(20), nullable=False, default="new"),  # new | contacted | closed
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("notes", Text),
    Column("status_changed_at", DateTime(timezone=True)),
    Column("status_changed_by", String(100)),
)

booking_status_changes = Table(
    "booking_status_changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("booking_id", Integer, ForeignKey("booking_requests.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("from_status", String(20), nullable=False),
    Column("to_status", String(20), nullable=False),
    Column("changed_by", String(100), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

staff_users = Table(
    "staff_users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

staff_sessions = Table(
    "staff_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie's token
    Column("user_id", Integer, ForeignKey("staff_users.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
)

# Who did what, when. `detail` never holds patient data (no names, contacts, message text);
# after an erase or purge the conversation id is all that is left of a conversation.
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(100), nullable=False),
    Column("channel", String(10), nullable=False),  # web | cli | system
    Column("action", String(40), nullable=False, index=True),
    Column("conversation_id", String(255), index=True),
    Column("booking_id", Integer),
    Column("detail", String(500)),
)

# One row per conversation with messages being handled: the queue of their tickets
# (bot.lock_store.DatabaseLockStore, Rasa's TicketLock as JSON). Rows last a turn; nothing
# in them is patient data beyond the conversation id the events table holds anyway. Used on
# PostgreSQL; with SQLite the lock store keeps the same table in a file of its own.
conversation_locks = Table(
    "conversation_locks", metadata,
    Column("conversation_id", String(255), primary_key=True),
    Column("queue", Text, nullable=False),
)

BOOKING_STATUSES = ("new", "contacted", "closed")
LEVEL_ORDER = {"emergency": 0, "urgent": 1, "consultation": 2, "self_care": 3, None: 4}
# The slots staff read; everything else in the tracker is conversation machinery.
STAFF_SLOTS = (
    "triage_level", "red_flags", "red_flag_evidence", "pain_location", "pain_duration_weeks",
    "duration_category", "treatments_tried", "options_explained", "decision_trail",
    "peg_pain", "peg_enjoyment", "peg_activity", "peg_score", "peg_skipped",
    "booking_kind", "booking_name", "booking_contact", "booking_time", "booking_reference",
)
NEEDS_ATTENTION_DAYS = 7


class NotFound(LookupError):
    pass


def now() -> datetime:
    return datetime.now(timezone.utc)


def row_dict(row) -> Dict[str, Any]:
    """A result row as a dict, its times aware (SQLite returns them without the UTC offset)."""
    return {k: utc_aware(v) if isinstance(v, datetime) else v for k, v in row._mapping.items()}


def utc_aware(value: Optional[datetime]) -> Optional[datetime]:
    if value is not None and value.tzinfo is None:  # SQLite keeps no offset: stored as UTC
        return value.replace(tzinfo=timezone.utc)
    return value

