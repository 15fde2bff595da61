"""Accounts a moderator has blocked from posting.

Revision ID: 5ce0ea79b321
Revises: dca44fe6ed00
Create Date: 2026-12-01 23:08:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "5ce0ea79b321"
down_revision = "dca44fe6ed00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "posting_blocks",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("blocked_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", consult.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["blocked_by_id"],
            ["users.id"],
            name=op.f("fk_posting_blocks_blocked_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_posting_blocks_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_posting_blocks")),
    )


def downgrade():
    op.drop_table("posting_blocks")
