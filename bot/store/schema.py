"""The tables (changed only by Alembic migrations, migrations/) and what every query shares.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, Optional

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bot.labels import CONTACT_OUTCOMES  # noqa: F401 (the store's list; words in content/labels.yml)

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
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
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

# Staff marking an emergency or urgent conversation reviewed. A conversation stays in "Needs
# attention" until reviewed after its last event (a patient who writes again is seen again).
conversation_reviews = Table(
    "conversation_reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False, index=True),
    Column("reviewed_by", String(100), nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
)

# What staff did about a request besides its status: a note, or an attempt to reach the
# patient ("contact" with an outcome, CONTACT_OUTCOMES).
booking_activity = Table(
    "booking_activity", metadata,
    Column("id", Integer, primary_key=True),
    Column("booking_id", Integer, ForeignKey("booking_requests.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(20), nullable=False),   # note | contact
    Column("outcome", String(20)),                # for a contact attempt
    Column("text", Text),
    Column("by", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

staff_users = Table(
    "staff_users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False),
    # A manager sees the dashboard (counts only), never a transcript or a patient's details.
    Column("is_manager", Boolean, nullable=False, default=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_login_at", DateTime(timezone=True)),
    Column("must_change_password", Boolean, nullable=False, default=False),
    Column("totp_secret", String(64)),            # base32; set while enrolling, kept once on
    Column("totp_enabled_at", DateTime(timezone=True)),  # None: no second factor
    Column("totp_last_step", Integer),  # the 30-second step of the last code used: no replay
)

# Single-use codes for a user who lost the authenticator: only argon2 hashes are kept.
staff_recovery_codes = Table(
    "staff_recovery_codes", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("staff_users.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("code_hash", String(255), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

staff_sessions = Table(
    "staff_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie's token
    Column("user_id", Integer, ForeignKey("staff_users.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # A sign-in half done: "totp" (the code is next), "password" (must choose a new one),
    # "enrol" (clinic.yml requires a second factor this user has not set up). None: signed in.
    Column("awaiting", String(20)),
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

# One row per conversation session (a patient back after the session expired starts a fresh
# triage: a new row), written with the session's events by the tracker store
# (bot.dashboard.record). Counts and names only, never the patient's words: red flags,
# options and unanswered intents are "|"-joined names ("|fever|trauma|"); `unanswered` is
# "intent=count|...".
conversation_stats = Table(
    "conversation_stats", metadata,
    Column("conversation_id", String(255), primary_key=True),
    Column("session_start", Float, primary_key=True),  # epoch seconds, as Rasa's events
    # The day it started in the clinic's time zone (2026-12-03): the dashboard counts by day
    # in SQL, exactly, whatever the time zone's offset or daylight saving.
    Column("local_day", String(10), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("last_at", Float, nullable=False),
    Column("user_messages", Integer, nullable=False),
    Column("triage_level", String(20)),
    Column("red_flags", String(500), nullable=False),
    Column("options_explained", String(1000), nullable=False),
    Column("request_kind", String(20)),       # consultation | callback, once a reference was given
    Column("last_question", String(60)),      # the last question the assistant asked
    Column("fallbacks", Integer, nullable=False),
    Column("unanswered", String(1000), nullable=False),
    Column("language", String(5)),            # the language slot: en | es (migration 0008)
    # Covers the dashboard's grouped queries (migrations 0005, 0008): read from the index alone.
    Index("ix_conversation_stats_dashboard", "local_day", "triage_level", "request_kind",
          "channel", "red_flags", "options_explained", "unanswered", "last_question", "last_at",
          "fallbacks", "language"),
)

# One row per booking or call-back request, written in the transaction that stores the
# request (bot.store.bookings) and updated in the one that records its first status change:
# the dashboard's request counts and its median time to first contact, read by the clinic's
# day from a covering index instead of parsing every request's dates. Kind and times only.
request_stats = Table(
    "request_stats", metadata,
    Column("booking_id", Integer, primary_key=True),  # booking_requests.id
    Column("local_day", String(10), nullable=False),  # the day it was made, clinic's time zone
    Column("kind", String(20), nullable=False),  # consultation | callback
    Column("created_at", Float, nullable=False),  # epoch seconds
    Column("first_contact_hours", Float),  # hours until staff first moved it on from "new"
    Index("ix_request_stats_dashboard", "local_day", "kind", "first_contact_hours"),
)

# What waits to leave the clinic's server (bot/outbox.py): alerts to staff ("email",
# "webhook") and EHR hand-overs ("fhir"). `reference` is a request's reference or a hash of a
# conversation id with the alert's level, never patient detail; `payload` is JSON (a "fhir"
# Bundle holds patient detail: never logged); `last_error` and `response` are short and hold
# no patient detail either.
outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),  # email | webhook | fhir
    Column("reference", String(255), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, index=True),
    Column("delivered_at", DateTime(timezone=True)),
    Column("last_error", String(500)),
    Column("response", String(2000)),
    UniqueConstraint("kind", "reference", name="uq_outbox_kind_reference"),
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

# The flood limit's bucket per sender (a SHA-256 of channel and sender id), shared by the
# Rasa server's workers (bot/flood_store.py): tokens left, when refilled and when last told
# (Unix times), and the start times of the sender's messages in hand (a JSON list).
flood_buckets = Table(
    "flood_buckets", metadata,
    Column("sender", String(255), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("refilled", Float, nullable=False, index=True),
    Column("noticed", Float, nullable=False),
    Column("in_flight", Text, nullable=False),
)

BOOKING_STATUSES = ("new", "contacted", "closed")
SERIOUS_LEVELS = ("emergency", "urgent")  # the levels staff must review
LEVEL_ORDER = {"emergency": 0, "urgent": 1, "consultation": 2, "self_care": 3, None: 4}
# The slots staff read; everything else in the tracker is conversation machinery.
STAFF_SLOTS = (
    "triage_level", "red_flags", "red_flag_evidence", "red_flags_unconfirmed", "pain_location",
    "pain_duration_weeks",
    "duration_category", "treatments_tried", "options_explained", "decision_trail",
    "peg_pain", "peg_enjoyment", "peg_activity", "peg_score", "peg_skipped",
    "booking_kind", "booking_name", "booking_contact", "booking_time", "booking_reference",
    "language",
)


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

