"""`export-all`: every row of every table, one consistent snapshot, as JSON lines.

The first line names the format and the schema revision, then come the rows of
each table in dependency order (by primary key), and the last line counts the
rows of every table, so a cut-off file is refused on import.
"""

from typing import TextIO

import sqlalchemy as sa

from consult.backup.schema import require_head, row_order, tables
from consult.backup.values import FORMAT, VERSION, dumps, encode_row
from consult.extensions import db

BATCH = 1000


def begin_snapshot(connection: sa.Connection) -> None:
    """Every table read from one point in time, even while the site keeps writing."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    else:
        # pysqlite opens no transaction for reads: each SELECT would see its own moment.
        connection.exec_driver_sql("BEGIN")


def write_table(connection: sa.Connection, table: sa.Table, out: TextIO) -> int:
    query = sa.select(table).order_by(*row_order(table, connection.dialect.name))
    count = 0
    for row in connection.execution_options(yield_per=BATCH).execute(query).mappings():
        out.write(dumps({"table": table.name, "row": encode_row(table, row)}) + "\n")
        count += 1
    return count


def export_all(out: TextIO) -> dict[str, int]:
    """Write the backup to `out`; returns the number of rows of each table."""
    counts: dict[str, int] = {}
    with db.engine.connect() as connection:
        begin_snapshot(connection)
        schema = require_head(connection)
        out.write(dumps({"format": FORMAT, "version": VERSION, "schema": schema}) + "\n")
        for table in tables():
            counts[table.name] = write_table(connection, table, out)
        out.write(dumps({"end": counts}) + "\n")
    return counts
