"""`import-all`: a backup's rows into an empty database, ids kept, in one transaction.

The immutability triggers refuse clauses for a published revision, so published
revisions go in as drafts and are published once every row is in (publishing a
draft is the one change they allow); the stored hashes come back as they were.
"""

from collections.abc import Iterable, Iterator

import sqlalchemy as sa

from consult.backup.schema import require_head, tables
from consult.backup.values import FORMAT, VERSION, BackupError, decode_row, loads
from consult.policies.models import Revision, RevisionState

BATCH = 500


def check_header(record: dict, schema: str) -> None:
    if record.get("format") != FORMAT or record.get("version") != VERSION:
        raise BackupError(f"This is not a {FORMAT} file of version {VERSION}.")
    if record.get("schema") != schema:
        raise BackupError(
            f"The backup was made at schema {record.get('schema')}, this database is at"
            f" {schema}: import it with the Consult version that made it."
        )


def require_empty(connection: sa.Connection) -> None:
    for table in tables():
        if connection.execute(sa.select(sa.exists().select_from(table))).scalar():
            raise BackupError(
                f"The database is not empty ({table.name} has rows): import only into"
                " a freshly migrated database."
            )


class Loader:
    """Inserts rows in batches, table by table, counting them."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection
        self.tables = {table.name: table for table in tables()}
        self.counts = dict.fromkeys(self.tables, 0)
        self.table: sa.Table | None = None
        self.batch: list[dict] = []
        self.published: list[int] = []

    def add(self, record: dict, number: int) -> None:
        table = self.tables.get(record.get("table"))
        if table is None:
            raise BackupError(f"Line {number}: no table {record.get('table')!r} in this schema.")
        if table is not self.table:
            self.flush()
            self.table = table
        self.batch.append(self.held_back(table, decode_row(table, record.get("row"), number)))
        self.counts[table.name] += 1
        if len(self.batch) >= BATCH:
            self.flush()

    def held_back(self, table: sa.Table, row: dict) -> dict:
        if table is Revision.__table__ and row["state"] is RevisionState.PUBLISHED:
            self.published.append(row["id"])
            return {**row, "state": RevisionState.DRAFT}
        return row

    def flush(self) -> None:
        if self.batch:
            self.connection.execute(self.table.insert(), self.batch)
            self.batch = []

    def finish(self, expected: object) -> dict[str, int]:
        self.flush()
        if expected != self.counts:
            raise BackupError("The rows read do not add up to the counts on the last line.")
        publish(self.connection, self.published)
        for index in draft_indexes():
            index.create(self.connection)
        reset_sequences(self.connection)
        return self.counts


def draft_indexes() -> list[sa.Index]:
    """Indexes that allow one draft per policy: a published revision goes in as a draft
    (see `Loader`), so a policy briefly holds many; they are built again once all are
    published, which checks the loaded data against them."""
    return [index for index in Revision.__table__.indexes if index.unique]


def publish(connection: sa.Connection, revision_ids: list[int]) -> None:
    table = Revision.__table__
    for start in range(0, len(revision_ids), BATCH):
        chunk = revision_ids[start : start + BATCH]
        connection.execute(
            table.update().where(table.c.id.in_(chunk)).values(state=RevisionState.PUBLISHED)
        )


def reset_sequences(connection: sa.Connection) -> None:
    """PostgreSQL's id sequences continue after the imported ids (SQLite needs nothing)."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        name = connection.dialect.identifier_preparer.format_table(table)
        sequence = sa.func.pg_get_serial_sequence(name, column.name)
        next_id = sa.func.coalesce(sa.func.max(column), 0) + 1
        connection.execute(sa.select(sa.func.setval(sequence, next_id, False)))


def numbered(lines: Iterable[str]) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(lines, start=1):
        yield number, loads(line, number)


def import_all(connection: sa.Connection, lines: Iterable[str]) -> dict[str, int]:
    """Load the backup's rows; the caller commits (or rolls back on BackupError)."""
    records = numbered(lines)
    first = next(records, None)
    if first is None:
        raise BackupError("The file is empty.")
    check_header(first[1], require_head(connection))
    require_empty(connection)
    for index in draft_indexes():
        index.drop(connection)
    loader = Loader(connection)
    for number, record in records:
        if "end" in record:
            if next(records, None) is not None:
                raise BackupError(f"Line {number + 1}: rows after the last line.")
            return loader.finish(record["end"])
        loader.add(record, number)
    raise BackupError("The file stops before its last line: the backup is incomplete.")
