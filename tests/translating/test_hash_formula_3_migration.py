"""The hash formula 3 migration on a database hashed by formula 2: the clauses whose text
formula 3 reads otherwise are rehashed, the chain still holds, hashes published under
formula 2 stay checkable, and no translation changes state."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

import drafts
from consult.extensions import db
from consult.policies.integrity import verify_all
from consult.policies.models import Revision
from consult.translating.models import Translation
from consult.translating.services import review_translation
from tests.translating.conftest import clause_of, states
from tests.translating.test_hash_formula_migration import (
    CLAUSES,
    PUBLISHED,
    assert_hashed_by,
    raw_states,
    rows,
)

BEFORE = "3f9a6d2c8e15"  # the migration before hash_formula_3

FIRST = """# G

## Lazy

  1. Report it
    - to a moderator

## Fenced

  1. Steps

    - code after the list

## Plain

Words here.
"""
# Lazy reworded (its translation goes out of date), the rest untouched.
SECOND = FIRST.replace("to a moderator", "to the moderators")


def test_upgrading_rehashes_what_formula_3_reads_otherwise_and_keeps_every_translation_state(
    create_policy, create_revision, greta, dieter, translate
):
    first = create_revision(create_policy(), FIRST)
    for key in ("lazy", "fenced", "plain"):
        translate(greta, first, key, f"Übersetzt: {key}.")
    fenced = db.session.scalar(sa.select(Translation).filter_by(clause=clause_of(first, "fenced")))
    review_translation(dieter, fenced)
    db.session.commit()
    second = create_revision(first.policy, SECOND, summary="Second")
    ids = first.id, second.id
    expected = [states(db.session.get(Revision, id_), "de") for id_ in ids]
    assert expected[1] == {"lazy": "outdated", "fenced": "reviewed", "plain": "unreviewed"}
    db.session.remove()

    downgrade(revision=BEFORE)
    assert_hashed_by(2)
    before, by_formula_2 = raw_states(), [row.content_hash for row in rows(PUBLISHED)]
    upgrade()
    assert raw_states() == before
    assert_hashed_by(3)
    assert [row.content_hash for row in rows(PUBLISHED)] != by_formula_2
    formulas = rows(sa.text("SELECT DISTINCT hash_formula FROM revisions"))
    assert [row.hash_formula for row in formulas] == [3]
    for row, content in zip(rows(PUBLISHED), by_formula_2):
        assert drafts.recomputed_content_hash(row.title, rows(CLAUSES, id=row.id), 2) == content
    assert verify_all().mismatches == []
    assert [states(db.session.get(Revision, id_), "de") for id_ in ids] == expected
