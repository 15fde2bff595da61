"""Revision titles in other languages, pinned to the source title they translate.

Revision ID: eb116e3d5820
Revises: ea982c5b2c12
Create Date: 2026-12-01 23:36:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "eb116e3d5820"
down_revision = "ea982c5b2c12"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "title_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("source_title", sa.String(length=300), nullable=False),
        sa.Column("translator_id", sa.Integer(), nullable=True),
        sa.Column("translated_at", consult.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["revisions.id"],
            name=op.f("fk_title_translations_revision_id_revisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["translator_id"],
            ["users.id"],
            name=op.f("fk_title_translations_translator_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_title_translations")),
        sa.UniqueConstraint(
            "revision_id", "language", name=op.f("uq_title_translations_revision_id_language")
        ),
    )
    op.create_index(
        op.f("ix_title_translations_revision_id"),
        "title_translations",
        ["revision_id"],
        unique=False,
    )


def downgrade():
    op.drop_index(op.f("ix_title_translations_revision_id"), table_name="title_translations")
    op.drop_table("title_translations")
