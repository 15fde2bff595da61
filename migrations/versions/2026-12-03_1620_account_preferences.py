"""Preferences saved on the account: interface language and time zone (empty: this
browser's).

Revision ID: 5b2f0c7e91a4
Revises: 1e4aea7d5c0b
Create Date: 2026-12-03 16:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "5b2f0c7e91a4"
down_revision = "1e4aea7d5c0b"
branch_labels = None
depends_on = None


# Plain ADD COLUMN, not a batch: rebuilding `users` on SQLite would drop the table the
# revisions reference, and their immutability trigger refuses that.
def upgrade():
    op.add_column("users", sa.Column("locale", sa.String(length=16), nullable=True))
    op.add_column("users", sa.Column("timezone", sa.String(length=64), nullable=True))


def downgrade():
    op.drop_column("users", "timezone")
    op.drop_column("users", "locale")
