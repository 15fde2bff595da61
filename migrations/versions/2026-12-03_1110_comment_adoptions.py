"""Adopted wording: a comment's suggested wording put into a clause of a draft, one row per
comment and draft, linking the comment to the draft (later the revision) and the clause to
the comment its wording came from. Deleting the draft or the clause deletes the row.

Revision ID: a7d3c91e4b25
Revises: 8d1e5aa34342
Create Date: 2026-12-03 11:10:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "a7d3c91e4b25"
down_revision = "8d1e5aa34342"
branch_labels = None
depends_on = None

REFERENCES = (
    ("comment_id", "comments", "CASCADE"),
    ("revision_id", "revisions", "CASCADE"),
    ("clause_id", "clauses", "CASCADE"),
    ("adopted_by_id", "users", "SET NULL"),
)


def references() -> list[sa.ForeignKeyConstraint]:
    return [
        sa.ForeignKeyConstraint(
            [column],
            [f"{table}.id"],
            name=op.f(f"fk_comment_adoptions_{column}_{table}"),
            ondelete=ondelete,
        )
        for column, table, ondelete in REFERENCES
    ]


def upgrade():
    op.create_table(
        "comment_adoptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("clause_id", sa.Integer(), nullable=False),
        sa.Column("clause_hash", sa.String(length=64), nullable=False),
        sa.Column("adopted_by_id", sa.Integer(), nullable=True),
        sa.Column("adopted_at", consult.types.UTCDateTime(), nullable=False),
        *references(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_adoptions")),
        sa.UniqueConstraint(
            "comment_id", "revision_id", name=op.f("uq_comment_adoptions_comment_id_revision_id")
        ),
    )
    for column in ("clause_id", "revision_id"):
        op.create_index(
            op.f(f"ix_comment_adoptions_{column}"), "comment_adoptions", [column], unique=False
        )


def downgrade():
    for column in ("revision_id", "clause_id"):
        op.drop_index(op.f(f"ix_comment_adoptions_{column}"), table_name="comment_adoptions")
    op.drop_table("comment_adoptions")
