"""A session token per user, so sign-out, a password change or an admin can end old sessions.

Every existing account gets its own random token; sessions signed in before this
migration carry no token and so end (everyone signs in once more).

Revision ID: 9993c6cfd4cd
Revises: eb116e3d5820
Create Date: 2026-12-03 09:00:00

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "9993c6cfd4cd"
down_revision = "eb116e3d5820"
branch_labels = None
depends_on = None

users = sa.table("users", sa.column("id", sa.Integer), sa.column("session_token", sa.String))


def upgrade():
    # A server default lets SQLite add a NOT NULL column without rebuilding
    # the table (a rebuild would cascade-delete every row that refers to users).
    op.add_column(
        "users",
        sa.Column("session_token", sa.String(length=64), server_default="", nullable=False),
    )
    connection = op.get_bind()
    for user_id in connection.scalars(sa.select(users.c.id)).all():
        connection.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(session_token=secrets.token_urlsafe(24))
        )


def downgrade():
    # Not in batch mode: SQLite (3.35+) drops a column in place, without the rebuild.
    op.drop_column("users", "session_token")
