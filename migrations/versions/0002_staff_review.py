"""Staff review: who changed a request's status and when, staff users and sessions, the
audit log, and Rasa's events table (created here when Rasa has not run yet, exactly as
Rasa's SQLTrackerStore declares it, so Rasa finds it and leaves it alone).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("booking_requests") as batch:
        batch.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("status_changed_by", sa.String(100)))

    op.create_table(
        "booking_status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("booking_id", sa.Integer,
                  sa.ForeignKey("booking_requests.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("changed_by", sa.String(100), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_booking_status_changes_booking_id", "booking_status_changes",
                    ["booking_id"])

    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("is_admin", sa.Boolean, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_staff_sessions_user_id", "staff_sessions", ["user_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("conversation_id", sa.String(255)),
        sa.Column("booking_id", sa.Integer),
        sa.Column("detail", sa.String(500)),
    )
    for column in ("at", "action", "conversation_id"):
        op.create_index(f"ix_audit_log_{column}", "audit_log", [column])

    if "events" not in sa.inspect(op.get_bind()).get_table_names():
        op.create_table(
            "events",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("sender_id", sa.String(255), nullable=False),
            sa.Column("type_name", sa.String(255), nullable=False),
            sa.Column("timestamp", sa.Float),
            sa.Column("intent_name", sa.String(255)),
            sa.Column("action_name", sa.String(255)),
            sa.Column("data", sa.Text),
        )
        op.create_index("ix_events_sender_id", "events", ["sender_id"])


def downgrade() -> None:
    # Rasa's events table stays: it holds the conversations.
    op.drop_table("audit_log")
    op.drop_table("staff_sessions")
    op.drop_table("staff_users")
    op.drop_table("booking_status_changes")
    with op.batch_alter_table("booking_requests") as batch:
        batch.drop_column("status_changed_by")
        batch.drop_column("status_changed_at")
