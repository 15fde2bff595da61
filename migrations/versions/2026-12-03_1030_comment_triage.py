"""Staff triage of comments: dispositions, duplicates, the revision that addressed a
comment, the responder's role, and a staff-only record (internal note, assignee);
audit events are indexed by target, for a comment's history on its triage page.

`disposition` and `response` existed unused; every existing comment becomes
"open". The new columns of `comments` are added in place: rebuilding the table
on SQLite (batch mode) would cascade-delete every row that refers to it. SQLite
takes a foreign key inline in ADD COLUMN; PostgreSQL gets a named constraint.

Revision ID: 5b8e21d4c6a7
Revises: 5b8e2f4c9a17
Create Date: 2026-12-03 10:30:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "5b8e21d4c6a7"
down_revision = "5b8e2f4c9a17"
branch_labels = None
depends_on = None

# Comments and published revisions are never deleted: no ON DELETE needed.
REFERENCES = {"duplicate_of_id": "comments", "addressed_revision_id": "revisions"}


def add_reference(column: str, table: str) -> None:
    name = f"fk_comments_{column}_{table}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE comments ADD COLUMN {column} INTEGER"
            f" CONSTRAINT {name} REFERENCES {table} (id)"
        )
        return
    op.add_column("comments", sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(op.f(name), "comments", table, [column], ["id"])


def create_triage_table() -> None:
    op.create_table(
        "comment_triage",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_triage_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_comment_triage_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_comment_triage_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_comment_triage")),
    )
    op.create_index(
        op.f("ix_comment_triage_assignee_id"), "comment_triage", ["assignee_id"], unique=False
    )


def upgrade():
    for column, table in REFERENCES.items():
        add_reference(column, table)
    op.add_column("comments", sa.Column("disposed_at", consult.types.UTCDateTime(), nullable=True))
    op.add_column("comments", sa.Column("responder_role", sa.String(length=20), nullable=True))
    op.create_index(
        "ix_comments_policy_disposition", "comments", ["policy_id", "disposition"], unique=False
    )
    op.execute("UPDATE comments SET disposition = 'open' WHERE disposition IS NULL")
    create_triage_table()
    op.create_index(
        "ix_audit_events_target", "audit_events", ["target_type", "target_id"], unique=False
    )


def downgrade():
    op.drop_index("ix_audit_events_target", table_name="audit_events")
    op.drop_index(op.f("ix_comment_triage_assignee_id"), table_name="comment_triage")
    op.drop_table("comment_triage")
    op.drop_index("ix_comments_policy_disposition", table_name="comments")
    if op.get_bind().dialect.name != "sqlite":
        for column, table in REFERENCES.items():
            op.drop_constraint(op.f(f"fk_comments_{column}_{table}"), "comments", "foreignkey")
    # Not in batch mode: SQLite (3.35+) drops a column in place, without the rebuild.
    for column in ("responder_role", "disposed_at", *REFERENCES):
        op.drop_column("comments", column)
    op.execute("UPDATE comments SET disposition = NULL WHERE disposition = 'open'")
