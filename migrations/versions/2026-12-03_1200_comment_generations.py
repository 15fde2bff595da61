"""A counter per policy that moves with every change the triage page counts, so the page's
counts can be kept between changes (consult/comments/generations.py).

Revision ID: 7c1d93e05b42
Revises: c4c8bfea0678
Create Date: 2026-12-03 12:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "7c1d93e05b42"
down_revision = "c4c8bfea0678"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comment_generations",
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["policies.id"],
            name=op.f("fk_comment_generations_policy_id_policies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("policy_id", name=op.f("pk_comment_generations")),
    )


def downgrade() -> None:
    op.drop_table("comment_generations")
