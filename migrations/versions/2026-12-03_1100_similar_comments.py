"""Similar comments: each comment's group of near-identical ones (`similar_group_id`, the
group's first comment), the MinHash signatures and their band hashes, indexed for lookup.

Existing comments start in no group and without a signature, which is a valid state:
`flask --app wsgi comments regroup` computes them. The column is added in place, as in
the triage migration: SQLite takes the foreign key inline in ADD COLUMN.

Revision ID: 8d1e5aa34342
Revises: 5b8e21d4c6a7
Create Date: 2026-12-03 11:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "8d1e5aa34342"
down_revision = "5b8e21d4c6a7"
branch_labels = None
depends_on = None

FOREIGN_KEY = "fk_comments_similar_group_id_comments"


def add_group_column() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE comments ADD COLUMN similar_group_id INTEGER"
            f" CONSTRAINT {FOREIGN_KEY} REFERENCES comments (id)"
        )
    else:
        op.add_column("comments", sa.Column("similar_group_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f(FOREIGN_KEY), "comments", "comments", ["similar_group_id"], ["id"]
        )
    op.create_index(
        "ix_comments_policy_similar_group",
        "comments",
        ["policy_id", "similar_group_id"],
        unique=False,
    )


def create_signature_table() -> None:
    op.create_table(
        "comment_signatures",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_signatures_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_comment_signatures")),
    )


def create_band_table() -> None:
    op.create_table(
        "comment_bands",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_bands_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["policies.id"], name=op.f("fk_comment_bands_policy_id_policies")
        ),
        sa.PrimaryKeyConstraint("comment_id", "band", name=op.f("pk_comment_bands")),
    )
    op.create_index(
        "ix_comment_bands_lookup", "comment_bands", ["policy_id", "band", "hash"], unique=False
    )


def upgrade():
    add_group_column()
    create_signature_table()
    create_band_table()


def downgrade():
    op.drop_index("ix_comment_bands_lookup", table_name="comment_bands")
    op.drop_table("comment_bands")
    op.drop_table("comment_signatures")
    op.drop_index("ix_comments_policy_similar_group", table_name="comments")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f(FOREIGN_KEY), "comments", "foreignkey")
    # Not in batch mode: SQLite (3.35+) drops a column in place, without the rebuild.
    op.drop_column("comments", "similar_group_id")
