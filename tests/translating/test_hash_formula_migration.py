"""The hash formula 2 migration on a database built at formula 1: every stored hash is
recomputed, the chain still holds, old published hashes stay checkable, and no translation
changes state."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

import drafts
from consult.extensions import db
from consult.policies.integrity import verify_all
from consult.policies.models import Revision
from consult.translating.models import Translation
from consult.translating.services import review_translation
from tests.translating.conftest import clause_of, states

BEFORE = "5b8e21d4c6a7"  # the migration before hash_formula_2
FORMULA_2 = "17706c662828"

FIRST = """# G

## Lists

- one
  - nested
- two

## Code

Run:

    make  test

## Plain

Words here.

## Kept

Unchanged words.
"""
# Lists re-indented (the same nesting), Code's indentation gone (the same words: the
# same hash by formula 1, not by formula 2), Plain reworded, Kept untouched.
SECOND = FIRST.replace("  - nested", "    - nested").replace("    make  test", "make test")
SECOND = SECOND.replace("Words here.", "Other words here.")

TRANSLATION_ROWS = sa.text(
    "SELECT translations.id, translations.source_hash, translations.reviewer_id,"
    " translations.source_heading, translations.source_body, clauses.hash"
    " FROM translations JOIN clauses ON clauses.id = translations.clause_id"
    " ORDER BY translations.id"
)
PUBLISHED = sa.text(
    "SELECT id, title, content_hash, chain_hash FROM revisions"
    " WHERE state = 'published' ORDER BY number"
)
CLAUSES = sa.text(
    "SELECT level, heading, body, hash FROM clauses WHERE revision_id = :id ORDER BY position"
)


def rows(query, **parameters) -> list:
    with db.engine.connect() as connection:
        return connection.execute(query, parameters).all()


def raw_states() -> dict[int, drafts.TranslationState]:
    return {
        row.id: drafts.translation_state(row.hash, drafts.Pin(row.source_hash, row.reviewer_id))
        for row in rows(TRANSLATION_ROWS)
    }


def pin_by_formula_1() -> None:
    """Pins as formula 1 made them: the hash of the text each translation was made from."""
    updates = [
        {"id": row.id, "pin": drafts.clause_hash(row.source_heading, row.source_body, 1)}
        for row in rows(TRANSLATION_ROWS)
    ]
    with db.engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE translations SET source_hash = :pin WHERE id = :id"), updates
        )


def assert_hashed_by(formula: int) -> None:
    previous = None
    for revision in rows(PUBLISHED):
        clauses = rows(CLAUSES, id=revision.id)
        for clause in clauses:
            assert clause.hash == drafts.clause_hash(clause.heading, clause.body, formula)
        content = drafts.recomputed_content_hash(revision.title, clauses, formula)
        assert revision.content_hash == content
        assert revision.chain_hash == drafts.chain_hash(previous, content)
        previous = revision.chain_hash


def build_formula_1_database(create_policy, create_revision, greta, dieter, translate):
    first = create_revision(create_policy(), FIRST)
    for key in ("lists", "code", "plain", "kept"):
        translate(greta, first, key, f"Übersetzt: {key}.")
    lists = clause_of(first, "lists")
    review_translation(dieter, db.session.scalar(sa.select(Translation).filter_by(clause=lists)))
    db.session.commit()
    second = create_revision(first.policy, SECOND, summary="Second")
    ids = first.id, second.id
    db.session.remove()
    downgrade(revision=BEFORE)
    pin_by_formula_1()
    assert_hashed_by(1)
    return ids


def test_upgrading_rehashes_and_keeps_every_translation_state(
    create_policy, create_revision, greta, dieter, translate
):
    first, second = build_formula_1_database(
        create_policy, create_revision, greta, dieter, translate
    )
    before = raw_states()
    old_hashes = [(row.content_hash, row.chain_hash) for row in rows(PUBLISHED)]
    upgrade(revision=FORMULA_2)
    assert raw_states() == before
    assert_hashed_by(2)
    assert [row.content_hash for row in rows(PUBLISHED)] != [old for old, _ in old_hashes]
    formulas = rows(sa.text("SELECT DISTINCT hash_formula FROM revisions"))
    assert [row.hash_formula for row in formulas] == [2]
    # A hash published under formula 1 is still checkable against the text.
    for row, (content, _) in zip(rows(PUBLISHED), old_hashes):
        assert drafts.recomputed_content_hash(row.title, rows(CLAUSES, id=row.id), 1) == content
    upgrade()
    assert verify_all().mismatches == []
    # Code differs only in indentation: current by formula 1, and still current now.
    assert states(db.session.get(Revision, second), "de") == {
        "lists": "reviewed",
        "code": "unreviewed",
        "plain": "outdated",
        "kept": "unreviewed",
    }
    assert set(states(db.session.get(Revision, first), "de").values()) == {"reviewed", "unreviewed"}
