"""One backup line per row: JSON with values every backend reads back the same."""

import base64
import enum
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

FORMAT = "consult-backup"
VERSION = 1


class BackupError(Exception):
    """A backup that cannot be written or read; the message says why."""


def dumps(record: Mapping[str, Any]) -> str:
    # Sorted keys and no spaces: the same rows give the same bytes on every backend.
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(line: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError:
        raise BackupError(f"Line {number} is not JSON.") from None
    if not isinstance(record, dict):
        raise BackupError(f"Line {number} is not a JSON object.")
    return record


def encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes | memoryview):
        # Binary columns (a comment's MinHash signature) as Base64 text; the column's type
        # says to decode it back.
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def encode_row(table: sa.Table, row: Mapping[str, Any]) -> dict[str, Any]:
    return {column.name: encode(row[column.name]) for column in table.columns}


def decoder(column: sa.Column) -> Callable[[Any], Any] | None:
    """What turns the JSON value back into what the column's type binds; None: as it is."""
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat
    if isinstance(kind, sa.Date):
        return date.fromisoformat
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class
    if isinstance(kind, sa.LargeBinary):
        return lambda text: base64.b64decode(text, validate=True)
    return None


def decode_row(table: sa.Table, row: Any, number: int) -> dict[str, Any]:
    if not isinstance(row, dict) or set(row) != set(table.columns.keys()):
        raise BackupError(f"Line {number}: the columns of {table.name} do not match the schema.")
    return {column.name: decoded(column, row[column.name], number) for column in table.columns}


def decoded(column: sa.Column, value: Any, number: int) -> Any:
    decode = decoder(column)
    if value is None or decode is None:
        return value
    try:
        return decode(value)
    except (TypeError, ValueError):
        raise BackupError(f"Line {number}: {value!r} does not fit {column}.") from None
