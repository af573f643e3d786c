"""The flood limit's buckets (bot.flood_store.DatabaseFloodLimit): one sender's allowance
shared by the Rasa server's worker processes.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flood_buckets",
        sa.Column("sender", sa.String(255), primary_key=True),
        sa.Column("tokens", sa.Float, nullable=False),
        sa.Column("refilled", sa.Float, nullable=False),
        sa.Column("noticed", sa.Float, nullable=False),
        sa.Column("in_flight", sa.Text, nullable=False),
    )
    op.create_index("ix_flood_buckets_refilled", "flood_buckets", ["refilled"])


def downgrade() -> None:
    op.drop_index("ix_flood_buckets_refilled", table_name="flood_buckets")
    op.drop_table("flood_buckets")
