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


def test_stored_language_tags_are_made_canonical(app, commentable, create_user, create_comment):
    from consult.accounts.models import Role
    from consult.translating.services import save_translation

    translator = create_user("tamar", roles=(Role.TRANSLATOR,), languages=("he", "ar"))
    published = commentable
    clause = published.clauses[0]
    save_translation(translator, clause, "he", "כותרת", "גוף", 0)
    comment_id = create_comment(translator, published, language="he").id
    db.session.commit()
    db.session.remove()
    downgrade(revision="1e4aea7d5c0b")  # the migration before canonical_language_tags
    legacy = [
        "UPDATE translations SET language = 'iw'",
        f"UPDATE comments SET language = 'iw-il' WHERE id = {comment_id}",
        "UPDATE policies SET source_language = 'EN_gb'",
        # `he` is already granted: the old `ar` row, retagged `iw`, is its twin.
        "UPDATE user_languages SET language = 'iw' WHERE language = 'ar'",
    ]
    with db.engine.begin() as connection:
        for statement in legacy:
            connection.exec_driver_sql(statement)
    upgrade()
    stored = {
        "SELECT language FROM translations": ["he"],
        "SELECT language FROM comments": ["he-IL"],
        "SELECT source_language FROM policies": ["en-GB"],
        "SELECT language FROM user_languages ORDER BY language": ["he", "iw"],
    }
    with db.engine.connect() as connection:
        for query, expected in stored.items():
            assert list(connection.exec_driver_sql(query).scalars()) == expected, query
