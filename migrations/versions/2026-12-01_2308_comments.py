"""Comments on clauses: versions, endorsements, flags, and the consultation window.

Revision ID: dca44fe6ed00
Revises: a1c0ffee0004
Create Date: 2026-12-01 23:08:00

"""

import sqlalchemy as sa
from alembic import op

import consult.types

revision = "dca44fe6ed00"
down_revision = "a1c0ffee0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consultation_windows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("opens_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("closes_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("updated_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["policies.id"],
            name=op.f("fk_consultation_windows_policy_id_policies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["revisions.id"],
            name=op.f("fk_consultation_windows_revision_id_revisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_consultation_windows_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_windows")),
    )
    op.create_index(
        "ix_consultation_windows_policy_revision",
        "consultation_windows",
        ["policy_id", "revision_id"],
        unique=False,
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("clause_id", sa.Integer(), nullable=False),
        sa.Column("clause_key", sa.String(length=64), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("suggested_wording", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "published",
                "hidden",
                "deleted",
                name="comment_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("edited_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("deleted_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("hidden_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("hidden_by_id", sa.Integer(), nullable=True),
        sa.Column("hidden_reason", sa.Text(), nullable=True),
        sa.Column("endorsement_count", sa.Integer(), nullable=False),
        sa.Column("disposition", sa.String(length=20), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("responded_at", consult.types.UTCDateTime(), nullable=True),
        sa.Column("responder_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["clause_id"], ["clauses.id"], name=op.f("fk_comments_clause_id_clauses")
        ),
        sa.ForeignKeyConstraint(
            ["hidden_by_id"],
            ["users.id"],
            name=op.f("fk_comments_hidden_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["comments.id"],
            name=op.f("fk_comments_parent_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["policies.id"], name=op.f("fk_comments_policy_id_policies")
        ),
        sa.ForeignKeyConstraint(
            ["responder_id"],
            ["users.id"],
            name=op.f("fk_comments_responder_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"], ["revisions.id"], name=op.f("fk_comments_revision_id_revisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index(op.f("ix_comments_author_id"), "comments", ["author_id"], unique=False)
    op.create_index(op.f("ix_comments_parent_id"), "comments", ["parent_id"], unique=False)
    op.create_index(
        "ix_comments_policy_clause", "comments", ["policy_id", "clause_key"], unique=False
    )
    op.create_index(
        "ix_comments_thread", "comments", ["revision_id", "clause_key", "created_at"], unique=False
    )
    op.create_table(
        "comment_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", consult.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_flags_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_comment_flags_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_flags")),
        sa.UniqueConstraint(
            "comment_id", "user_id", name=op.f("uq_comment_flags_comment_id_user_id")
        ),
    )
    op.create_index(
        op.f("ix_comment_flags_comment_id"), "comment_flags", ["comment_id"], unique=False
    )
    op.create_table(
        "comment_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("suggested_wording", sa.Text(), nullable=True),
        sa.Column("written_at", consult.types.UTCDateTime(), nullable=False),
        sa.Column("replaced_at", consult.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_versions_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_versions")),
    )
    op.create_index(
        op.f("ix_comment_versions_comment_id"), "comment_versions", ["comment_id"], unique=False
    )
    op.create_table(
        "endorsements",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", consult.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_endorsements_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_endorsements_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", "user_id", name=op.f("pk_endorsements")),
    )
    op.create_index(op.f("ix_endorsements_user_id"), "endorsements", ["user_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_endorsements_user_id"), table_name="endorsements")
    op.drop_table("endorsements")
    op.drop_index(op.f("ix_comment_versions_comment_id"), table_name="comment_versions")
    op.drop_table("comment_versions")
    op.drop_index(op.f("ix_comment_flags_comment_id"), table_name="comment_flags")
    op.drop_table("comment_flags")
    op.drop_index("ix_comments_thread", table_name="comments")
    op.drop_index("ix_comments_policy_clause", table_name="comments")
    op.drop_index(op.f("ix_comments_parent_id"), table_name="comments")
    op.drop_index(op.f("ix_comments_author_id"), table_name="comments")
    op.drop_table("comments")
    op.drop_index("ix_consultation_windows_policy_revision", table_name="consultation_windows")
    op.drop_table("consultation_windows")
