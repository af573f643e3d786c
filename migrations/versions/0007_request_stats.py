"""The dashboard's requests summary: one row per request with the clinic's day, its kind and the
hours until its first contact, kept as requests are stored and moved on, so a year's dashboard
does not read every request's dates. Filled here from the requests already stored.

Revision ID: 0007
Revises: 0006
"""
from datetime import timezone

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_stats",
        sa.Column("booking_id", sa.Integer, primary_key=True),
        sa.Column("local_day", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("first_contact_hours", sa.Float),
    )
    op.create_index("ix_request_stats_dashboard", "request_stats",
                    ["local_day", "kind", "first_contact_hours"])
    _fill(op.get_bind())


def _fill(connection) -> None:
    """The stored requests' rows, as bot.store.dashboard writes them (a copy, as a migration
    must not change when that code does)."""
    from bot.dashboard.summary import clinic_tz

    tz = clinic_tz()
    requests = sa.table("booking_requests", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                        sa.column("created_at", sa.DateTime(timezone=True)))
    changes = sa.table("booking_status_changes", sa.column("booking_id", sa.Integer),
                       sa.column("changed_at", sa.DateTime(timezone=True)))
    first = (sa.select(changes.c.booking_id, sa.func.min(changes.c.changed_at).label("first"))
             .group_by(changes.c.booking_id).subquery())
    query = (sa.select(requests.c.id, requests.c.kind, requests.c.created_at, first.c.first)
             .select_from(requests.outerjoin(first, first.c.booking_id == requests.c.id)))
    rows = []
    for booking_id, kind, created, contacted in connection.execute(query):
        created, contacted = _aware(created), _aware(contacted)
        rows.append({"booking_id": booking_id, "kind": kind,
                     "local_day": created.astimezone(tz).date().isoformat(),
                     "created_at": created.timestamp(),
                     "first_contact_hours": (contacted - created).total_seconds() / 3600
                     if contacted else None})
    stats = sa.table("request_stats", *(sa.column(name) for name in (
        "booking_id", "local_day", "kind", "created_at", "first_contact_hours")))
    for start in range(0, len(rows), 5_000):
        connection.execute(stats.insert(), rows[start:start + 5_000])


def _aware(value):
    if value is not None and value.tzinfo is None:  # SQLite keeps no offset: stored as UTC
        return value.replace(tzinfo=timezone.utc)
    return value


def downgrade() -> None:
    op.drop_table("request_stats")
