"""Backup: `flask export-all` and `flask import-all`, across SQLite and PostgreSQL."""

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from consult import create_app
from consult.accounts.services import create_user, find_user
from consult.backup import dump
from consult.backup.schema import tables as backed_up_tables
from consult.comments.models import Comment
from consult.comments.services import keep_version
from consult.extensions import db
from consult.moderation.blocks import block
from consult.policies.models import Revision, RevisionState
from consult.types import utcnow
from tests.conftest import Backend, truncate_all

USERS = db.metadata.tables["users"]
EVENTS = db.metadata.tables["audit_events"]
NEWCOMER = {
    "username": "newcomer",
    "display_name": "",
    "password_hash": "x",
    "created_at": utcnow(),
}
EVENT = {
    "action": "meddled",
    "target_type": "user",
    "target_id": "0",
    "created_at": utcnow(),
    "details": {},
}


@contextmanager
def app_on(uri: str, backend: Backend | None = None) -> Iterator[Flask]:
    """An app of its own; given `backend` (PostgreSQL's shared database), emptied afterwards."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": uri})
    with app.app_context():
        try:
            yield app
        finally:
            db.session.rollback()
            if backend is not None:
                truncate_all(backend)
            db.session.remove()
            db.engine.dispose()


def fresh_sqlite(backend: Backend, path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(backend.template, path)
    return f"sqlite:///{path}"


def cli(app: Flask, *args: str, exit_code: int = 0):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == exit_code, result.output
    return result


def fill_every_table(app: Flask) -> None:
    cli(app, "demo", "load")
    # What the demo leaves empty: an edited comment's earlier text and a posting block.
    keep_version(db.session.scalars(sa.select(Comment).limit(1)).one())
    block(find_user("moderator"), find_user("volunteer"), "Testing the backup ✓")
    db.session.commit()


def row_counts(backup: Path) -> dict[str, int]:
    return json.loads(backup.read_text(encoding="utf-8").splitlines()[-1])["end"]


def test_export_import_export_is_identical_from_sqlite_to_postgresql_and_back(
    sqlite_backend, postgresql_backend, tmp_path
):
    first, second, third = (tmp_path / name for name in ("a.jsonl", "b.jsonl", "c.jsonl"))
    with app_on(fresh_sqlite(sqlite_backend, tmp_path / "source" / "db.sqlite3")) as app:
        fill_every_table(app)
        cli(app, "export-all", str(first))
        tables = {table.name for table in backed_up_tables()}
    counts = row_counts(first)
    assert set(counts) == tables
    assert [name for name, n in counts.items() if n == 0] == [], "fill every table in this test"
    with app_on(postgresql_backend.uri, postgresql_backend) as app:
        cli(app, "import-all", str(first))
        cli(app, "drafts", "verify")
        cli(app, "export-all", str(second))
    with app_on(fresh_sqlite(sqlite_backend, tmp_path / "target" / "db.sqlite3")) as app:
        cli(app, "import-all", str(second))
        cli(app, "drafts", "verify")
        cli(app, "export-all", str(third))
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


@pytest.fixture
def empty_app(backend, tmp_path):
    """Opens a second app on an empty database of the test's backend."""

    @contextmanager
    def opening() -> Iterator[Flask]:
        if backend.template is None:
            truncate_all(backend)
            with app_on(backend.uri) as app:
                yield app
        else:
            with app_on(fresh_sqlite(backend, tmp_path / "empty" / "db.sqlite3")) as app:
                yield app

    return opening


@pytest.fixture
def backup(app, draft, tmp_path) -> Path:
    """A backup of a policy with a published revision and a draft."""
    path = tmp_path / "backup.jsonl"
    cli(app, "export-all", str(path))
    return path


def test_import_keeps_ids_and_publication_and_new_rows_follow(backup, empty_app):
    with empty_app() as app:
        cli(app, "import-all", str(backup))
        states = dict(db.session.execute(sa.select(Revision.number, Revision.state)).all())
        assert states == {1: RevisionState.PUBLISHED, 2: RevisionState.DRAFT}
        staff = find_user("staff")
        newcomer = create_user("newcomer", "a long enough secret", "", (), ())
        db.session.commit()
        assert newcomer.id == staff.id + 1
        with pytest.raises(sa.exc.DBAPIError, match="published revisions are immutable"):
            db.session.execute(sa.text("UPDATE revisions SET title = 'x' WHERE number = 1"))


def test_import_refuses_a_database_with_rows(app, backup):
    result = cli(app, "import-all", str(backup), exit_code=1)
    assert "The database is not empty (users has rows)" in result.output
    assert "Nothing was imported." in result.output


def user_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(db.metadata.tables["users"]))


@pytest.mark.parametrize(
    "damage,message",
    [
        (lambda lines: lines[:-1], "the backup is incomplete"),
        (lambda lines: lines[:-2] + lines[-1:], "do not add up to the counts"),
        (lambda lines: [lines[0].replace('"schema":"', '"schema":"x')] + lines[1:], "schema"),
        (lambda lines: [lines[0], "{", *lines[1:]], "Line 2 is not JSON."),
        (lambda lines: [*lines, lines[1]], "rows after the last line"),
    ],
    ids=["cut short", "row missing", "other schema", "not JSON", "rows after the end"],
)
def test_import_refuses_a_damaged_backup_and_stores_nothing(backup, empty_app, damage, message):
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    backup.write_text("".join(damage(lines)), encoding="utf-8")
    with empty_app() as app:
        result = cli(app, "import-all", str(backup), exit_code=1)
        assert message in result.output and "Nothing was imported." in result.output
        assert user_count() == 0


def test_import_refuses_a_value_its_column_cannot_take(backup, empty_app):
    text = backup.read_text(encoding="utf-8")
    backup.write_text(text.replace('"state":"draft"', '"state":"lost"'), encoding="utf-8")
    with empty_app() as app:
        result = cli(app, "import-all", str(backup), exit_code=1)
        assert "'lost' does not fit revisions.state" in result.output
        assert user_count() == 0


def test_the_export_reads_one_snapshot(app, published, tmp_path, monkeypatch):
    """Rows written while the export runs are not half in it."""
    write_table = dump.write_table

    def write_then_meddle(connection, table, out):
        count = write_table(connection, table, out)
        if table.name == "users":
            with db.engine.begin() as other:
                user_id = other.execute(USERS.insert().values(NEWCOMER)).inserted_primary_key[0]
                other.execute(EVENTS.insert().values(actor_id=user_id, **EVENT))
        return count

    monkeypatch.setattr(dump, "write_table", write_then_meddle)
    path = tmp_path / "backup.jsonl"
    cli(app, "export-all", str(path))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert "newcomer" not in {r["row"]["username"] for r in records if r.get("table") == "users"}
    events = [r["row"] for r in records if r.get("table") == "audit_events"]
    assert [e for e in events if e["action"] == "meddled"] == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EVENTS)) == len(events) + 1
