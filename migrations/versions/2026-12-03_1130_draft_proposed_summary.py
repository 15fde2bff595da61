"""A draft keeps the change summary typed when it was imported, to offer it when publishing.

`proposed_summary` is empty for every existing revision (nobody's summary was kept before).
The column is added in place: a batch rebuild of `revisions` would drop its triggers and
cascade to its clauses.

Revision ID: 392e68c8ed2a
Revises: 17706c662828
Create Date: 2026-12-03 11:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "392e68c8ed2a"
down_revision = "17706c662828"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "revisions",
        sa.Column("proposed_summary", sa.Text(), nullable=False, server_default=""),
    )


def downgrade():
    op.drop_column("revisions", "proposed_summary")
