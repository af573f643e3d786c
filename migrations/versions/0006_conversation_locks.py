"""The conversations' ticket queues (bot.lock_store.DatabaseLockStore): one message of a
conversation at a time, in order, across the Rasa server's worker processes.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_locks",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("queue", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("conversation_locks")
