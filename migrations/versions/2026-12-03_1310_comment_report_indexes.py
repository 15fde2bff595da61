"""Indexes the public report and statistics count from: per revision, clause, language and
disposition; per policy by day written and by day decided; and, as partial indexes (most
comments have neither), the answered comments and those with a suggested wording.

Revision ID: 1e4aea7d5c0b
Revises: 7c1d93e05b42
Create Date: 2026-12-03 13:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "1e4aea7d5c0b"
down_revision = "7c1d93e05b42"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_comments_revision_tally": [
        "revision_id",
        "status",
        "clause_key",
        "language",
        "disposition",
    ],
    "ix_comments_policy_created": ["policy_id", "status", "created_at"],
    "ix_comments_policy_disposed": ["policy_id", "status", "disposed_at", "disposition"],
}
PARTIAL = {
    "ix_comments_revision_responses": (
        [
            "revision_id",
            "status",
            "clause_key",
            "responded_at",
            "responder_id",
            "responder_role",
            "id",
        ],
        "responded_at IS NOT NULL",  # set exactly when a response is
    ),
    "ix_comments_revision_suggestions": (
        ["revision_id", "status", "disposition", "clause_key", "id"],
        "suggested_wording IS NOT NULL",
    ),
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "comments", columns)
    for name, (columns, where) in PARTIAL.items():
        condition = sa.text(where)
        op.create_index(
            name, "comments", columns, sqlite_where=condition, postgresql_where=condition
        )


def downgrade() -> None:
    for name in reversed(PARTIAL):
        op.drop_index(name, table_name="comments")
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="comments")
