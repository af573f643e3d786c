"""The language each conversation session was held in (the `language` slot), for the
dashboard's count by language; the dashboard's covering index gains the column.

Sessions summarised before this migration have no language until
`python -m bot dashboard rebuild` summarises them again from the events.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

OLD_INDEX = ("local_day", "triage_level", "request_kind", "channel", "red_flags",
             "options_explained", "unanswered", "last_question", "last_at", "fallbacks")
INDEX = "ix_conversation_stats_dashboard"

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index(INDEX, "conversation_stats")
    with op.batch_alter_table("conversation_stats") as batch:
        batch.add_column(sa.Column("language", sa.String(5)))
    op.create_index(INDEX, "conversation_stats", list(OLD_INDEX) + ["language"])


def downgrade() -> None:
    op.drop_index(INDEX, "conversation_stats")
    with op.batch_alter_table("conversation_stats") as batch:
        batch.drop_column("language")
    op.create_index(INDEX, "conversation_stats", list(OLD_INDEX))
