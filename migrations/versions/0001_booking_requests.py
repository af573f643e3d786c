"""Booking and call-back requests: the schema before migrations existed.

A database made by that first version (no alembic_version table) is stamped as this revision
by `bot.store.upgrade()`, so its rows are kept.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("preferred_time", sa.String(200), nullable=False),
        sa.Column("triage_level", sa.String(20)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text),
    )
    op.create_index("ix_booking_requests_conversation_id", "booking_requests",
                    ["conversation_id"])


def downgrade() -> None:
    op.drop_table("booking_requests")
