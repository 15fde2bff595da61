"""Stored language tags in their one canonical spelling: deprecated tags replaced
(`iw` → `he`, `in-ID` → `id-ID`, `ji` → `yi`), case and separators normalised
(`pt_br` → `pt-BR`), so content imported as `iw` reads under `he`.

A row whose canonical twin already exists (a translation stored both as `iw` and as
`he` for the same clause) keeps its old tag rather than being merged or dropped:
which of the two texts is right is a translator's call, not a migration's.

Revision ID: 5b0e7f3a9c21
Revises: 5b2f0c7e91a4
Create Date: 2026-12-03 16:30:00

"""

import sqlalchemy as sa
from alembic import op

from consult.languages import canonical_tag

revision = "5b0e7f3a9c21"
down_revision = "5b2f0c7e91a4"
branch_labels = None
depends_on = None

# (table, language column, the other columns of its unique key)
COLUMNS = [
    ("comments", "language", None),
    ("policies", "source_language", None),
    ("translations", "language", "clause_id"),
    ("comment_translations", "language", "comment_id"),
    ("title_translations", "language", "revision_id"),
    ("user_languages", "language", "user_id"),
]


def renaming(table: str, column: str, owner: str | None) -> sa.TextClause:
    statement = f"UPDATE {table} SET {column} = :new WHERE {column} = :old"
    if owner is not None:
        statement += (
            f" AND NOT EXISTS (SELECT 1 FROM {table} AS twin"
            f" WHERE twin.{owner} = {table}.{owner} AND twin.{column} = :new)"
        )
    return sa.text(statement)


def upgrade() -> None:
    connection = op.get_bind()
    for table, column, owner in COLUMNS:
        stored = connection.execute(sa.text(f"SELECT DISTINCT {column} FROM {table}")).scalars()
        for old in list(stored):
            new = canonical_tag(old)
            if new is not None and new != old:
                connection.execute(renaming(table, column, owner), {"old": old, "new": new})


def downgrade() -> None:
    # The old spellings are not kept; the canonical ones read the same under every version.
    pass
