"""Endorsement counts recounted from the endorsement rows.

Concurrent withdrawals by one person could each subtract one (counts went
negative); the service now moves a count only with the row its own statement
inserted or deleted. This repairs the counts that drifted before.

Revision ID: 048fd7715a07
Revises: 7c4e9a2b5d31
Create Date: 2026-12-03 09:00:00

"""

from alembic import op

revision = "048fd7715a07"
down_revision = "7c4e9a2b5d31"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        UPDATE comments SET endorsement_count = (
            SELECT count(*) FROM endorsements WHERE endorsements.comment_id = comments.id
        )
        """
    )


def downgrade():
    # The wrong counts are not worth restoring: the recount stays.
    pass
