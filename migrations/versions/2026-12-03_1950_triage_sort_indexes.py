"""Indexes in the order of the triage page's sorts (newest or oldest first, most endorsed), so
that a page of comments is read from an index and stops after a page instead of sorting
every comment of the policy.

Revision ID: 3f9a6d2c8e15
Revises: 8d3c5a17e2f4
Create Date: 2026-12-03 19:50:00

"""

from alembic import op

revision = "3f9a6d2c8e15"
down_revision = "8d3c5a17e2f4"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_comments_policy_newest": ["policy_id", "created_at", "id"],
    "ix_comments_policy_endorsed": ["policy_id", "endorsement_count", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "comments", columns)


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="comments")
