"""Fixtures: every app test runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).

Each backend's schema is built once per session by running the migrations
from empty; each test then gets a clean copy (SQLite) or truncated tables
(PostgreSQL). Set CONSULT_TEST_STRICT=1 to turn "skipped" into "failed"
where PostgreSQL or the browser is missing (CI does).
"""

import contextvars
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.globals import _cv_app
from flask.testing import FlaskClient

from consult import create_app
from consult.config import database_uri
from consult.extensions import db

STRICT = os.environ.get("CONSULT_TEST_STRICT") == "1"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

pytest_plugins = ["tests.factories", "tests.live", "tests.comment_factories"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # In strict mode nothing may be skipped, whatever skipped it.
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped under CONSULT_TEST_STRICT=1: {report.longrepr}"


def skip_or_fail(reason: str) -> None:
    if STRICT:
        pytest.fail(f"{reason} (CONSULT_TEST_STRICT=1 forbids skipping)")
    pytest.skip(reason)


def migrate_to_head(uri: str) -> None:
    from flask_migrate import upgrade

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri})
    with app.app_context():
        upgrade()
        db.engine.dispose()


@dataclass
class Backend:
    name: str
    uri: str
    template: Path | None = None


@pytest.fixture(scope="session")
def sqlite_backend(tmp_path_factory) -> Backend:
    template = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    uri = f"sqlite:///{template}"
    migrate_to_head(uri)
    return Backend("sqlite", uri, template)


@pytest.fixture(scope="session")
def postgresql_backend() -> Iterator[Backend]:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        skip_or_fail("TEST_DATABASE_URL is not set: PostgreSQL tests need a server")
    admin_engine = sa.create_engine(database_uri(url), isolation_level="AUTOCOMMIT")
    name = f"consult_test_{uuid.uuid4().hex[:12]}"
    with admin_engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    test_uri = admin_engine.url.set(database=name).render_as_string(hide_password=False)
    try:
        migrate_to_head(test_uri)
        yield Backend("postgresql", test_uri)
    finally:
        with admin_engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request) -> Backend:
    return request.getfixturevalue(f"{request.param}_backend")


def test_database_uri(backend: Backend, tmp_path: Path) -> str:
    if backend.template is None:
        return backend.uri
    copy = tmp_path / "consult.sqlite3"
    shutil.copyfile(backend.template, copy)
    return f"sqlite:///{copy}"


def truncate_all(backend: Backend) -> None:
    if backend.name != "postgresql":
        return
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    db.session.remove()
    with db.engine.begin() as connection:
        # The database refuses to truncate published revisions (see the migration
        # published_revisions_no_replace_no_truncate) outside a maintenance transaction.
        connection.execute(sa.text("SET LOCAL consult.maintenance = 'on'"))
        connection.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def app_config(backend: Backend, tmp_path: Path) -> dict:
    """Override in a test module to change settings."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": test_database_uri(backend, tmp_path),
        "WTF_CSRF_ENABLED": False,
        "BABEL_DEFAULT_LOCALE": "en",
    }


@pytest.fixture
def app(app_config: dict, backend: Backend):
    app = create_app(app_config)
    with app.app_context():
        yield app
        db.session.rollback()
        truncate_all(backend)
        db.session.remove()
        db.engine.dispose()


class ReadInContext:
    """A streamed body read in the context its request ran in, as a server reads it in
    the request's own thread (`stream_with_context` restores that request's contexts)."""

    def __init__(self, context: contextvars.Context, body) -> None:
        self._context = context
        self._body = context.run(iter, body)

    def __iter__(self):
        return self

    def __next__(self):
        return self._context.run(next, self._body)

    def close(self) -> None:
        if hasattr(self._body, "close"):
            self._context.run(self._body.close)
            self._body = iter(())

    def __del__(self) -> None:
        # A test that reads only the status leaves the body unread: it is closed in its
        # context too, not wherever the garbage collector happens to run.
        self.close()


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (its own `g` and database session),
    as in production, even though the test body keeps one pushed."""

    def open(self, *args, **kwargs):
        context = contextvars.copy_context()
        response = context.run(self._open_in_fresh_context, *args, **kwargs)
        if response.is_streamed:
            response.response = ReadInContext(context, response.response)
        return response

    def _open_in_fresh_context(self, *args, **kwargs):
        _cv_app.set(None)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = IsolatedClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, username: str = "staff", password: str = "correct horse battery"):
        return self._client.post("/login", data={"username": username, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def count_queries(app):
    """`with count_queries() as queries:` … `len(queries)` statements ran."""

    @contextmanager
    def counting() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(conn, cursor, statement, *args) -> None:
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)

    return counting


@pytest.fixture
def shared_data() -> Path:
    path = SHARED_DATA / "contributor-covenant"
    if not path.is_dir():
        skip_or_fail(
            f"{path} is absent: the shared Contributor Covenant data is not beside the project"
        )
    return path
