"""Comparisons of published revisions kept across processes (consult.redline.stored).

Keyed by the two revisions' ids and the comparison format: a published revision never
changes, and a comparison stored under another format is never read. Each row records
both revisions' content hashes, so a row made before a hash was recomputed is not read
either.

Revision ID: 8d3c5a17e2f4
Revises: 5b0e7f3a9c21
Create Date: 2026-12-03 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "8d3c5a17e2f4"
down_revision = "5b0e7f3a9c21"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stored_comparisons",
        sa.Column("old_revision_id", sa.Integer(), nullable=False),
        sa.Column("new_revision_id", sa.Integer(), nullable=False),
        sa.Column("format_version", sa.String(length=40), nullable=False),
        sa.Column("old_hash", sa.String(length=64), nullable=False),
        sa.Column("new_hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["old_revision_id"],
            ["revisions.id"],
            name=op.f("fk_stored_comparisons_old_revision_id_revisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["new_revision_id"],
            ["revisions.id"],
            name=op.f("fk_stored_comparisons_new_revision_id_revisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "old_revision_id",
            "new_revision_id",
            "format_version",
            name=op.f("pk_stored_comparisons"),
        ),
    )


def downgrade():
    op.drop_table("stored_comparisons")
