"""Each policy chooses whose numbers its headings show: the document's or Consult's.

`auto` (every existing policy, and the default) shows the document's own numbers at each level
where every heading has one, and Consult's elsewhere; `document` and `consult` choose one for
every level (see drafts.numbering). The column is added without a batch rebuild.

Revision ID: 5b8e2f4c9a17
Revises: f070116594b3
Create Date: 2026-12-03 10:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "5b8e2f4c9a17"
down_revision = "f070116594b3"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "policies",
        sa.Column("heading_numbers", sa.String(length=20), nullable=False, server_default="auto"),
    )


def downgrade():
    op.drop_column("policies", "heading_numbers")
