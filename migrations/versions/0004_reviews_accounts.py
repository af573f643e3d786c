"""Reviews and accounts: who reviewed a serious conversation (and when, with an optional
note); notes and contact attempts on requests; account state staff administrators manage
(last sign-in, a password that must be changed, an optional TOTP second factor and its
single-use recovery codes), and the step a half-finished sign-in is waiting for.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("reviewed_by", sa.String(100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_conversation_reviews_conversation_id", "conversation_reviews",
                    ["conversation_id"])
    op.create_table(
        "booking_activity",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("booking_id", sa.Integer,
                  sa.ForeignKey("booking_requests.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("text", sa.Text),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_booking_activity_booking_id", "booking_activity", ["booking_id"])
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("last_login_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("must_change_password", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("totp_secret", sa.String(64)))
        batch.add_column(sa.Column("totp_enabled_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("totp_last_step", sa.Integer))
    with op.batch_alter_table("staff_sessions") as batch:
        batch.add_column(sa.Column("awaiting", sa.String(20)))
    op.create_table(
        "staff_recovery_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("code_hash", sa.String(255), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_staff_recovery_codes_user_id", "staff_recovery_codes", ["user_id"])


def downgrade() -> None:
    op.drop_table("staff_recovery_codes")
    with op.batch_alter_table("staff_sessions") as batch:
        batch.drop_column("awaiting")
    with op.batch_alter_table("staff_users") as batch:
        for column in ("totp_last_step", "totp_enabled_at", "totp_secret", "must_change_password", "last_login_at"):
            batch.drop_column(column)
    op.drop_table("booking_activity")
    op.drop_table("conversation_reviews")
