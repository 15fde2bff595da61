"""Human translations of comments into the policy's source language.

Revision ID: ea982c5b2c12
Revises: 8837585991f4
Create Date: 2026-12-01 23:23:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "ea982c5b2c12"
down_revision = "8837585991f4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "comment_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("translator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", consult.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_translations_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["translator_id"],
            ["users.id"],
            name=op.f("fk_comment_translations_translator_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_translations")),
        sa.UniqueConstraint(
            "comment_id", "language", name=op.f("uq_comment_translations_comment_id_language")
        ),
    )
    op.create_index(
        op.f("ix_comment_translations_comment_id"),
        "comment_translations",
        ["comment_id"],
        unique=False,
    )


def downgrade():
    op.drop_index(op.f("ix_comment_translations_comment_id"), table_name="comment_translations")
    op.drop_table("comment_translations")
