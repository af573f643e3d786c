"""Storage: the one module that owns the database schema and every query.

One database holds everything staff need (SQLite `var/clinic.db` by default, no server to
install; PostgreSQL when DB_URL is set, e.g. postgresql+psycopg2://user:pw@host/clinic):

- Rasa's `events` table, written by Rasa's own SQLTrackerStore (endpoints.yml); read here
  with read-only queries: transcripts, and current slot values by replaying SlotSet events;
- booking and call-back requests (written by the action server), their status history;
- staff users, their sessions, and the audit log.

The schema is changed only by Alembic migrations (`migrations/`), applied by `upgrade()`:
the first use of a database in a process brings it to the latest revision, so an upgrade
never loses data. The staff web page (`bot.staff`) and the command line (`bot.cli`) call the
same query functions and the same `audit()`.

Health data: nothing here logs message text, names or contact details; SQL errors are raised
with their parameters hidden.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Integer, MetaData,
                        String, Table, Text, create_engine, delete, event, func, insert,
                        inspect, select, update)
from sqlalchemy.engine import Engine

from bot.db_resilience import RETRY_DELAYS, StorageUnavailable, is_recoverable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "var" / "clinic.db"
MIGRATIONS = ROOT / "migrations"

metadata = MetaData()

# Rasa's SQLTrackerStore table (rasa/core/tracker_store.py, SQLEvent), declared here so the
# queries can read it and migrations can create it on a database Rasa has not used yet.
# Rasa writes it; this module only reads it, except to erase or purge a conversation.
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)

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


# --------------------------------------------------------------------------- engine, schema

def database_url() -> str:
    return os.environ.get("DB_URL") or f"sqlite:///{DEFAULT_DB}"


def _is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    kwargs: Dict[str, Any] = {"future": True, "pool_pre_ping": True,
                              "hide_parameters": True}  # no patient data in error messages
    path: Optional[Path] = None
    if _is_sqlite(url):
        path = Path(url.split(":///", 1)[1]) if ":///" in url else None
        if path is not None and str(path) not in ("", ":memory:"):
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                old = os.umask(0o077)  # health data: readable by the service account only
                try:
                    path.touch()
                finally:
                    os.umask(old)
            os.chmod(path, 0o600)
        # The tracker store writes the same file; a longer lock is retried (_retrying_write).
        kwargs["connect_args"] = {"timeout": 5}

    engine = create_engine(url, **kwargs)
    if _is_sqlite(url):
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            # Deleted rows are overwritten with zeros, not just unlinked: an erased patient's
            # words must not stay readable in the file's free pages.
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()
    return engine


_migrated: set = set()
_migrate_lock = threading.Lock()


def engine_for(url: Optional[str] = None) -> Engine:
    """The engine for `url` (default DB_URL / var/clinic.db), migrated to the latest schema."""
    url = url or database_url()
    engine = _engine(url)
    if url not in _migrated:
        with _migrate_lock:
            if url not in _migrated:
                upgrade(url)
                _migrated.add(url)
    return engine


def engine() -> Engine:
    return engine_for(database_url())


def alembic_config(url: Optional[str] = None):
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = url or database_url()
    return config


def upgrade(url: Optional[str] = None, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the latest). Safe to run at every start.

    A database made before migrations existed (only `booking_requests`, created by the first
    version of this module) is recognised and stamped as revision 0001 first, so its rows are
    kept and only the later changes run.
    """
    from alembic import command

    url = url or database_url()
    engine = _engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        if _is_sqlite(url):
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")  # readers never block writers
        config.attributes["connection"] = connection
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "booking_requests" in tables:
            command.stamp(config, "0001")
        command.upgrade(config, revision)


def current_revision(url: Optional[str] = None) -> Optional[str]:
    from alembic.runtime.migration import MigrationContext

    with _engine(url or database_url()).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# --------------------------------------------------------------------------- audit

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
        return [_row(row) for row in connection.execute(query)]


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


# --------------------------------------------------------------------------- bookings

def save_booking(*, conversation_id: str, kind: str, name: str, contact: str,
                 preferred_time: str, triage_level: Optional[str],
                 url: Optional[str] = None) -> str:
    """Store a request for staff and return the reference the patient is given.

    A locked or briefly unreachable database is retried for up to BOOKING_RETRY_SECONDS;
    then StorageUnavailable, and the patient is told (the details stay in the conversation).
    Blocking: callers in an event loop run it in a thread."""
    def write() -> int:
        with engine_for(url).begin() as connection:
            result = connection.execute(insert(booking_requests).values(
                conversation_id=conversation_id, kind=kind, name=name, contact=contact,
                preferred_time=preferred_time, triage_level=triage_level, status="new",
                created_at=now(),
            ))
            return result.inserted_primary_key[0]

    return booking_reference(_retrying_write(write, BOOKING_RETRY_SECONDS))


# How long a booking waits for the database before the patient is told (DB_WRITE_RETRY_SECONDS).
BOOKING_RETRY_SECONDS = float(os.environ.get("DB_WRITE_RETRY_SECONDS", "15"))


def _retrying_write(write, budget_seconds: float):
    """Run a write transaction, retrying recoverable database errors (bot.db_resilience)
    with backoff until `budget_seconds` have passed."""
    deadline = time.monotonic() + budget_seconds
    delays = iter(RETRY_DELAYS)
    while True:
        try:
            return write()
        except Exception as error:  # noqa: BLE001 - sorted by is_recoverable
            if not is_recoverable(error):
                raise
            delay = next(delays, RETRY_DELAYS[-1])
            if time.monotonic() + delay > deadline:
                raise StorageUnavailable(f"writing: {type(error).__name__}") from None
            time.sleep(delay)


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
        rows = [_row(row) for row in connection.execute(query)]
    for row in rows:
        row["reference"] = booking_reference(row["id"])
    if search:
        rows = [r for r in rows if _booking_matches(r, search)]
    return rows


def _booking_matches(row: Dict[str, Any], search: str) -> bool:
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
    result = _row(row)
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
            history.setdefault(row.booking_id, []).append(_row(row))
    return history


# --------------------------------------------------------------------------- staff users

def add_user(username: str, password_hash: str, *, is_admin: bool = False,
             url: Optional[str] = None) -> int:
    username = username.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{2,100}", username):
        raise ValueError("a username is 2-100 letters, digits or . _ @ -")
    with engine_for(url).begin() as connection:
        exists = connection.execute(select(staff_users.c.id)
                                    .where(staff_users.c.username == username)).first()
        if exists:
            raise ValueError(f"user {username!r} already exists")
        result = connection.execute(insert(staff_users).values(
            username=username, password_hash=password_hash, is_admin=is_admin,
            disabled=False, created_at=now()))
        return result.inserted_primary_key[0]


def get_user(username: str, *, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        row = connection.execute(select(staff_users)
                                 .where(staff_users.c.username == username.strip())).first()
    return _row(row) if row else None


def set_password_hash(user_id: int, password_hash: str, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(password_hash=password_hash))


def list_users(*, url: Optional[str] = None) -> List[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        return [_row(r) for r in connection.execute(
            select(staff_users.c.id, staff_users.c.username, staff_users.c.is_admin,
                   staff_users.c.disabled, staff_users.c.created_at).order_by(staff_users.c.username))]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(user_id: int, *, url: Optional[str] = None) -> Tuple[str, str]:
    """A new login session: returns (cookie token, CSRF token). Only a hash is stored."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    when = now()
    with engine_for(url).begin() as connection:
        connection.execute(insert(staff_sessions).values(
            token_hash=_token_hash(token), user_id=user_id, csrf_token=csrf,
            created_at=when, last_seen_at=when))
    return token, csrf


def session_user(token: str, *, idle: timedelta, lifetime: timedelta,
                 url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The signed-in user for a cookie token, or None when unknown, expired or disabled."""
    if not token:
        return None
    key = _token_hash(token)
    when = now()
    query = (select(staff_sessions, staff_users.c.username, staff_users.c.is_admin,
                    staff_users.c.disabled)
             .join(staff_users, staff_users.c.id == staff_sessions.c.user_id)
             .where(staff_sessions.c.token_hash == key))
    with engine_for(url).begin() as connection:
        row = connection.execute(query).first()
        if row is None:
            return None
        created, seen = _aware(row.created_at), _aware(row.last_seen_at)
        if row.disabled or when - seen > idle or when - created > lifetime:
            connection.execute(delete(staff_sessions).where(staff_sessions.c.token_hash == key))
            return None
        if when - seen > timedelta(seconds=30):
            connection.execute(update(staff_sessions).where(staff_sessions.c.token_hash == key)
                               .values(last_seen_at=when))
    return {"user_id": row.user_id, "username": row.username, "is_admin": bool(row.is_admin),
            "csrf_token": row.csrf_token}


def end_session(token: str, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(delete(staff_sessions)
                           .where(staff_sessions.c.token_hash == _token_hash(token or "")))


def _row(row) -> Dict[str, Any]:
    """A result row as a dict, its times aware (SQLite returns them without the UTC offset)."""
    return {k: _aware(v) if isinstance(v, datetime) else v for k, v in row._mapping.items()}


def _aware(value: Optional[datetime]) -> Optional[datetime]:
    if value is not None and value.tzinfo is None:  # SQLite keeps no offset: stored as UTC
        return value.replace(tzinfo=timezone.utc)
    return value


# --------------------------------------------------------------------------- conversations

@dataclass
class ConversationFilter:
    """The filters of the staff page and the command line (the same ones)."""
    levels: Tuple[str, ...] = ()          # triage levels; "none" = not triaged yet
    date_from: Optional[datetime] = None  # conversation started on or after
    date_to: Optional[datetime] = None    # ... and before
    red_flag: Optional[str] = None        # a flag name, or "any"
    booked: Optional[bool] = None
    search: Optional[str] = None          # booking name, phone/email, reference or conversation id
    needs_attention: bool = False

    def describe(self) -> str:
        """For the audit log: which filters, never the search text itself."""
        parts = []
        if self.needs_attention:
            parts.append("needs attention")
        if self.levels:
            parts.append("level=" + ",".join(self.levels))
        if self.date_from:
            parts.append(f"from={self.date_from.date().isoformat()}")
        if self.date_to:
            parts.append(f"to={self.date_to.date().isoformat()}")
        if self.red_flag:
            parts.append(f"red_flag={self.red_flag}")
        if self.booked is not None:
            parts.append(f"booked={'yes' if self.booked else 'no'}")
        if self.search:
            parts.append("search=(given)")
        return "; ".join(parts) or "all"


@dataclass
class Page:
    items: List[Dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _loads(data: Optional[str]) -> Dict[str, Any]:
    try:
        return json.loads(data or "{}")
    except ValueError:
        return {}


def _epoch(value: Optional[datetime]) -> Optional[float]:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.timestamp()


def _summaries(connection, conversation_ids: Optional[Iterable[str]] = None,
               started_from: Optional[float] = None, started_to: Optional[float] = None
               ) -> Dict[str, Dict[str, Any]]:
    """One row per conversation: first and last event time, message count, staff slots."""
    bounds = (select(events.c.sender_id, func.min(events.c.timestamp).label("started"),
                     func.max(events.c.timestamp).label("last"),
                     func.sum(_case_user()).label("messages"))
              .group_by(events.c.sender_id))
    if started_from is not None:
        bounds = bounds.having(func.min(events.c.timestamp) >= started_from)
    if started_to is not None:
        bounds = bounds.having(func.min(events.c.timestamp) < started_to)
    ids = list(conversation_ids) if conversation_ids is not None else None
    if ids is not None:
        bounds = bounds.where(events.c.sender_id.in_(ids))
    result: Dict[str, Dict[str, Any]] = {}
    for row in connection.execute(bounds):
        result[row.sender_id] = {
            "conversation_id": row.sender_id, "started": row.started, "last": row.last,
            "messages": int(row.messages or 0), "slots": {},
        }
    if not result:
        return result
    slot_query = (select(events.c.sender_id, events.c.action_name, events.c.data)
                  .where(events.c.type_name == "slot", events.c.action_name.in_(STAFF_SLOTS))
                  .order_by(events.c.id))
    if ids is not None or len(result) <= 500:
        slot_query = slot_query.where(events.c.sender_id.in_(list(result)))
    for row in connection.execute(slot_query):
        summary = result.get(row.sender_id)
        if summary is not None:
            summary["slots"][row.action_name] = _loads(row.data).get("value")
    return result


def _case_user():
    from sqlalchemy import case
    return case((events.c.type_name == "user", 1), else_=0)


def _decorate(summary: Dict[str, Any], bookings: List[Dict[str, Any]]) -> Dict[str, Any]:
    slots = summary["slots"]
    summary.update({
        "triage_level": slots.get("triage_level"),
        "red_flags": list(slots.get("red_flags") or []),
        "pain_location": slots.get("pain_location"),
        "pain_duration_weeks": slots.get("pain_duration_weeks"),
        "duration_category": slots.get("duration_category"),
        "treatments_tried": slots.get("treatments_tried"),
        "peg_score": slots.get("peg_score"),
        "bookings": bookings,
        "booked": bool(bookings),
        "open_requests": [b for b in bookings if b["status"] != "closed"],
        "started_at": _from_epoch(summary["started"]),
        "last_at": _from_epoch(summary["last"]),
    })
    return summary


def _from_epoch(value: Optional[float]) -> Optional[datetime]:
    return datetime.fromtimestamp(value, timezone.utc) if value is not None else None


def _matches(item: Dict[str, Any], f: ConversationFilter) -> bool:
    if f.levels:
        level = item["triage_level"] or "none"
        if level not in f.levels:
            return False
    if f.red_flag:
        if f.red_flag == "any":
            if not item["red_flags"]:
                return False
        elif f.red_flag not in item["red_flags"]:
            return False
    if f.booked is not None and item["booked"] != f.booked:
        return False
    if f.search:
        needle = f.search.strip()
        if not (needle == item["conversation_id"]
                or any(_booking_matches(b, needle) for b in item["bookings"])):
            return False
    if f.needs_attention:
        recent = item["last_at"] and item["last_at"] >= now() - timedelta(days=NEEDS_ATTENTION_DAYS)
        serious = item["triage_level"] in ("emergency", "urgent") and recent \
            and not any(b["status"] == "closed" for b in item["bookings"])
        waiting = any(b["status"] == "new" for b in item["bookings"])
        if not (serious or waiting):
            return False
    return True


def list_conversations(filters: Optional[ConversationFilter] = None, *, page: int = 1,
                       per_page: int = 25, url: Optional[str] = None) -> Page:
    """Conversations with their triage summary, filtered; the most serious first when
    `needs_attention`, otherwise the newest first."""
    f = filters or ConversationFilter()
    with engine_for(url).connect() as connection:
        summaries = _summaries(connection, started_from=_epoch(f.date_from),
                               started_to=_epoch(f.date_to))
    by_conversation: Dict[str, List[Dict[str, Any]]] = {}
    for booking in list_bookings(url=url):
        by_conversation.setdefault(booking["conversation_id"], []).append(booking)
    items = [_decorate(s, by_conversation.get(cid, [])) for cid, s in summaries.items()]
    items = [item for item in items if _matches(item, f)]
    items.sort(key=lambda i: -(i["last"] or 0))
    if f.needs_attention:
        items.sort(key=lambda i: LEVEL_ORDER.get(i["triage_level"], 4))
    page = max(1, page)
    total = len(items)
    start = (page - 1) * per_page
    return Page(items=items[start:start + per_page], total=total, page=page, per_page=per_page)


def all_conversations(filters: Optional[ConversationFilter] = None, *,
                      url: Optional[str] = None) -> List[Dict[str, Any]]:
    return list_conversations(filters, page=1, per_page=10**9, url=url).items


def conversation_exists(conversation_id: str, *, url: Optional[str] = None) -> bool:
    with engine_for(url).connect() as connection:
        found = connection.execute(select(events.c.id).where(
            events.c.sender_id == conversation_id).limit(1)).first()
        if found:
            return True
        return connection.execute(select(booking_requests.c.id).where(
            booking_requests.c.conversation_id == conversation_id).limit(1)).first() is not None


def get_conversation(conversation_id: str, *, url: Optional[str] = None) -> Dict[str, Any]:
    """Everything staff read about one conversation: the turns in order with their times,
    slot changes as they happened, current slots, decision trail, options, bookings, PEG."""
    with engine_for(url).connect() as connection:
        rows = connection.execute(
            select(events.c.id, events.c.type_name, events.c.timestamp, events.c.intent_name,
                   events.c.action_name, events.c.data)
            .where(events.c.sender_id == conversation_id).order_by(events.c.id)).all()
    bookings = list_bookings(conversation_id, url=url)
    if not rows and not bookings:
        raise NotFound(conversation_id)
    timeline: List[Dict[str, Any]] = []
    slots: Dict[str, Any] = {}
    for row in rows:
        data = _loads(row.data)
        at = _from_epoch(row.timestamp)
        if row.type_name == "user":
            timeline.append({"kind": "patient", "at": at, "text": data.get("text") or "",
                             "intent": row.intent_name})
        elif row.type_name == "bot":
            buttons = [b.get("title") for b in (data.get("data") or {}).get("buttons") or []
                       if isinstance(b, dict)]
            timeline.append({"kind": "assistant", "at": at, "text": data.get("text") or "",
                             "buttons": [b for b in buttons if b]})
        elif row.type_name == "slot":
            name, value = row.action_name, data.get("value")
            if name in STAFF_SLOTS:
                slots[name] = value
                if name not in ("decision_trail", "red_flag_evidence", "options_explained"):
                    timeline.append({"kind": "slot", "at": at, "name": name, "value": value})
        elif row.type_name in ("session_started", "restart"):
            timeline.append({"kind": "marker", "at": at, "name": row.type_name})
    summary = _decorate({"conversation_id": conversation_id,
                         "started": rows[0].timestamp if rows else None,
                         "last": rows[-1].timestamp if rows else None,
                         "messages": sum(1 for r in rows if r.type_name == "user"),
                         "slots": slots}, bookings)
    history = status_history([b["id"] for b in bookings], url=url)
    for booking in bookings:
        booking["history"] = history.get(booking["id"], [])
    summary.update({
        "timeline": timeline,
        "decision_trail": list(slots.get("decision_trail") or []),
        "options_explained": list(slots.get("options_explained") or []),
        "red_flag_evidence": list(slots.get("red_flag_evidence") or []),
        "peg": {k: slots.get(k) for k in ("peg_pain", "peg_enjoyment", "peg_activity",
                                          "peg_score", "peg_skipped")},
    })
    return summary


# --------------------------------------------------------------------------- retention

def erase_conversation(conversation_id: str, *, actor: str, channel: str = "web",
                       url: Optional[str] = None) -> Dict[str, int]:
    """A patient's request to be forgotten: every event and request of the conversation goes;
    the audit log keeps only the conversation id."""
    with engine_for(url).begin() as connection:
        removed_events = connection.execute(
            delete(events).where(events.c.sender_id == conversation_id)).rowcount
        removed_bookings = _delete_bookings(connection, [conversation_id])
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
    if _is_sqlite(url):
        with engine_for(url).connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _delete_bookings(connection, conversation_ids: List[str]) -> int:
    ids = [r.id for r in connection.execute(select(booking_requests.c.id).where(
        booking_requests.c.conversation_id.in_(conversation_ids)))]
    if not ids:
        return 0
    connection.execute(delete(booking_status_changes)
                       .where(booking_status_changes.c.booking_id.in_(ids)))
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
        live = select(events.c.sender_id).distinct()
        orphans = [r.conversation_id for r in connection.execute(
            select(booking_requests.c.conversation_id).distinct().where(
                booking_requests.c.created_at < cutoff,
                booking_requests.c.conversation_id.not_in(live)))]
        removed_bookings += _delete_bookings(connection, orphans)
        connection.execute(delete(staff_sessions).where(staff_sessions.c.last_seen_at < cutoff))
    _scrub_deleted(url)
    counts = {"conversations": len(set(old) | set(orphans)), "events": removed_events,
              "bookings": removed_bookings}
    audit(actor, "purge", channel=channel,
          detail=f"older than {older_than_days} days: {counts['conversations']} conversations, "
                 f"{removed_events} events, {removed_bookings} requests", url=url)
    return counts
