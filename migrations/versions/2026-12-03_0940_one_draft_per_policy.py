"""At most one draft per policy, kept by a partial unique index.

The application checked for an existing draft and then inserted one; two
concurrent forks or imports could both pass the check and leave two drafts.

Revision ID: f070116594b3
Revises: 048fd7715a07
Create Date: 2026-12-03 09:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "f070116594b3"
down_revision = "048fd7715a07"
branch_labels = None
depends_on = None

DRAFT_ONLY = sa.text("state = 'draft'")


def upgrade():
    op.create_index(
        "uq_revisions_one_draft_per_policy",
        "revisions",
        ["policy_id"],
        unique=True,
        sqlite_where=DRAFT_ONLY,
        postgresql_where=DRAFT_ONLY,
    )


def downgrade():
    op.drop_index("uq_revisions_one_draft_per_policy", table_name="revisions")
