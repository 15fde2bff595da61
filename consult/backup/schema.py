"""What a backup covers: every table of the metadata, at the migrations' head, but those
that only keep what can be made again from the others (``info={"derived": True}``)."""

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from consult.backup.values import BackupError
from consult.config import PROJECT_ROOT
from consult.extensions import db


def tables() -> list[sa.Table]:
    """Every table, each after the tables it refers to; new models join automatically."""
    return [table for table in db.metadata.sorted_tables if not table.info.get("derived")]


def head_revision() -> str:
    return ScriptDirectory(str(PROJECT_ROOT / "migrations")).get_current_head()


def require_head(connection: sa.Connection) -> str:
    """The schema revision, which must be the code's: its tables are the ones written and read."""
    current = MigrationContext.configure(connection).get_current_revision()
    head = head_revision()
    if current != head:
        raise BackupError(
            f"The database schema is at {current}, this code's at {head}:"
            " run `flask --app wsgi db upgrade` first."
        )
    return head


def row_order(table: sa.Table, dialect: str) -> list:
    """Primary key order, comparing text byte by byte on every backend (SQLite's BINARY)."""
    columns = list(table.primary_key.columns) or list(table.columns)
    if dialect != "postgresql":
        return columns
    return [c.collate("C") if isinstance(c.type, sa.String) else c for c in columns]
