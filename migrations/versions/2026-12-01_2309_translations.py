"""Translations of clauses, pinned to the source text they were made from.

Revision ID: 8837585991f4
Revises: 5ce0ea79b321
Create Date: 2026-12-01 23:09:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "8837585991f4"
down_revision = "5ce0ea79b321"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clause_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("source_heading", sa.Text(), nullable=False),
        sa.Column("source_body", sa.Text(), nullable=False),
        sa.Column("translator_id", sa.Integer(), nullable=True),
        sa.Column("translated_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clause_id"],
            ["clauses.id"],
            name=op.f("fk_translations_clause_id_clauses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["users.id"],
            name=op.f("fk_translations_reviewer_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["translator_id"],
            ["users.id"],
            name=op.f("fk_translations_translator_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translations")),
        sa.UniqueConstraint(
            "clause_id", "language", name=op.f("uq_translations_clause_id_language")
        ),
    )
    op.create_index(op.f("ix_translations_clause_id"), "translations", ["clause_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_translations_clause_id"), table_name="translations")
    op.drop_table("translations")
