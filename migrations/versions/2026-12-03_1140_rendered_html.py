"""Rendered HTML of Markdown texts, kept across processes (consult.renderings).

Keyed by the SHA-256 of the text, the render profile and the renderer's version: a
rendering made by another version of the renderer is never read, and is left for a
later clean-up rather than rewritten.

Revision ID: c4c8bfea0678
Revises: 392e68c8ed2a
Create Date: 2026-12-03 11:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "c4c8bfea0678"
down_revision = "392e68c8ed2a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rendered_html",
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("renderer_version", sa.String(length=120), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "text_hash", "profile", "renderer_version", name=op.f("pk_rendered_html")
        ),
    )


def downgrade():
    op.drop_table("rendered_html")
