"""Storage: the one package that owns the database schema and every query.

One database holds everything staff need (SQLite `var/clinic.db` by default, no server to
install; PostgreSQL when DB_URL is set, e.g. postgresql+psycopg2://user:pw@host/clinic):

- Rasa's `events` table, written by Rasa's own SQLTrackerStore (endpoints.yml); read here
  with read-only queries: transcripts, and current slot values by replaying SlotSet events;
- booking and call-back requests (written by the action server), their status history;
- staff users, their sessions, and the audit log.

The schema is changed only by Alembic migrations (`migrations/`), applied by `upgrade()`:
the first use of a database in a process brings it to the latest revision, so an upgrade
never loses data. The staff web page (`bot.staff`) and the command line (`bot.cli`) call the
same query functions and the same `audit()`, all importable from here (`store.list_bookings`).

One module per job: `database` (the URL, the one engine factory, the one retry helper),
`schema` (the tables), `migrations` (Alembic, on first use), `audit`, `bookings`,
`accounts` (staff users and their sessions), `conversations` (the read model staff see),
`retention` (erase, purge), `outbox` (alerts and hand-overs waiting to be delivered).

Health data: nothing here logs message text, names or contact details; SQL errors are raised
with their parameters hidden.
"""
from __future__ import annotations

from bot.store.accounts import (
    add_user,
    create_session,
    end_session,
    get_user,
    list_users,
    record_sign_in,
    reset_password,
    session_user,
    set_disabled,
    set_password_hash,
    set_session_step,
    set_totp,
    spend_totp_step,
    unused_recovery_codes,
    use_recovery_code,
)
from bot.store.audit import audit, list_audit, recent_failures
from bot.store.bookings import (
    BOOKING_RETRY_SECONDS,
    booking_matches,
    booking_reference,
    get_booking,
    list_bookings,
    save_booking,
    set_booking_status,
    status_history,
)
from bot.store.conversations import (
    ConversationFilter,
    Page,
    all_conversations,
    conversation_exists,
    conversation_ids,
    get_conversation,
    list_conversations,
)
from bot.store.dashboard import (
    dashboard_counts,
    rebuild_stats,
    record_request,
    record_status_change,
    request_counts,
    stats_rows,
    upsert_stats,
)
from bot.store.database import (
    DEFAULT_DB,
    EVENT_LOOP_BUSY_SECONDS,
    RETRY_DELAYS,
    ROOT,
    THREAD_BUSY_SECONDS,
    StorageUnavailable,
    database_url,
    is_recoverable,
    make_engine,
    retrying,
    retrying_blocking,
)
from bot.store.migrations import MIGRATIONS, alembic_config, current_revision, engine, engine_for, upgrade
from bot.store.outbox import (
    add_outbox,
    claim_outbox,
    due_outbox,
    list_outbox,
    mark_outbox_delivered,
    mark_outbox_failed,
    outbox_failures,
)
from bot.store.retention import erase_conversation, purge
from bot.store.reviews import add_booking_activity, booking_activity_of, mark_reviewed, reviews_of
from bot.store.schema import (
    BOOKING_STATUSES,
    CONTACT_OUTCOMES,
    LEVEL_ORDER,
    SERIOUS_LEVELS,
    STAFF_SLOTS,
    NotFound,
    audit_log,
    booking_activity,
    booking_requests,
    booking_status_changes,
    conversation_reviews,
    conversation_stats,
    events,
    metadata,
    now,
    request_stats,
    row_dict,
    staff_recovery_codes,
    staff_sessions,
    staff_users,
    utc_aware,
)

__all__ = [
    'ROOT', 'DEFAULT_DB', 'RETRY_DELAYS', 'EVENT_LOOP_BUSY_SECONDS', 'THREAD_BUSY_SECONDS',
    'StorageUnavailable', 'database_url', 'make_engine', 'is_recoverable', 'retrying',
    'retrying_blocking', 'metadata', 'events', 'booking_requests', 'booking_status_changes',
    'staff_users', 'staff_sessions', 'audit_log', 'BOOKING_STATUSES', 'LEVEL_ORDER',
    'STAFF_SLOTS', 'CONTACT_OUTCOMES', 'SERIOUS_LEVELS', 'booking_activity',
    'conversation_reviews', 'staff_recovery_codes', 'NotFound', 'now', 'row_dict', 'utc_aware',
    'MIGRATIONS', 'engine_for', 'engine', 'alembic_config', 'upgrade', 'current_revision',
    'audit', 'list_audit', 'recent_failures', 'save_booking', 'BOOKING_RETRY_SECONDS',
    'booking_reference', 'list_bookings', 'booking_matches', 'get_booking',
    'set_booking_status', 'status_history', 'add_user', 'get_user', 'set_password_hash',
    'list_users', 'create_session', 'session_user', 'end_session', 'ConversationFilter', 'Page',
    'list_conversations', 'all_conversations', 'conversation_exists', 'conversation_ids', 'get_conversation',
    'erase_conversation', 'purge', 'conversation_stats', 'upsert_stats', 'rebuild_stats',
    'stats_rows', 'dashboard_counts', 'request_counts', 'request_stats', 'record_request',
    'record_status_change',
    'add_outbox', 'due_outbox', 'claim_outbox',
    'mark_outbox_delivered', 'mark_outbox_failed', 'list_outbox', 'outbox_failures',
    'mark_reviewed', 'reviews_of', 'add_booking_activity',
    'booking_activity_of', 'set_disabled', 'reset_password', 'record_sign_in', 'set_totp',
    'unused_recovery_codes', 'use_recovery_code', 'spend_totp_step', 'set_session_step',
]
