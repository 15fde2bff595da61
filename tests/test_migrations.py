"""Acceptance: the schema exists only through migrations, and they match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from consult.config import PROJECT_ROOT
from consult.extensions import db


def schema_differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgraded_schema_matches_the_models(app):
    # The `app` fixture's database was built by `flask db upgrade` from empty.
    assert schema_differences() == []


def test_migrations_are_a_single_line_with_dated_names():
    scripts = ScriptDirectory(str(PROJECT_ROOT / "migrations"))
    assert len(scripts.get_heads()) == 1
    for script in scripts.walk_revisions():
        name = script.path.rsplit("/", 1)[-1]
        assert name[:10].count("-") == 2 and name[:4].isdigit(), name


def test_downgrade_to_empty_and_back(app):
    downgrade(revision="base")
    with db.engine.connect() as connection:
        tables = set(db.inspect(connection).get_table_names()) - {"alembic_version"}
    assert tables == set()
    upgrade()
    assert schema_differences() == []


def test_revisions_published_before_the_chain_get_their_chain_hash(app, published, create_revision):
    second = create_revision(published.policy, "## Other\n\nText.\n", summary="Second")
    expected = [published.chain_hash, second.chain_hash]
    db.session.remove()
    downgrade(revision="3f1d2c7a9b10")  # the migration before revision_chain_hash
    upgrade()
    query = "SELECT chain_hash FROM revisions ORDER BY number"
    with db.engine.connect() as connection:
        assert list(connection.exec_driver_sql(query).scalars()) == expected
