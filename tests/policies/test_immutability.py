"""Acceptance: a published revision cannot be changed by any route, service, ORM write or SQL."""

import pytest
import sqlalchemy as sa

from consult.drafting import editing
from consult.drafting.services import delete_draft, publish
from consult.extensions import db
from consult.policies.errors import RevisionLocked
from consult.policies.models import Clause, Revision


def snapshot(revision_id: int) -> list[tuple]:
    db.session.expire_all()
    return db.session.execute(
        sa.select(Clause.key, Clause.heading, Clause.body, Clause.position)
        .where(Clause.revision_id == revision_id)
        .order_by(Clause.position)
    ).all()


@pytest.fixture
def before(published):
    return snapshot(published.id)


ROUTES = [
    ("get", "/policies/guidelines/revisions/1/edit", None),
    (
        "post",
        "/policies/guidelines/revisions/1/clauses/purpose/edit",
        {"heading": "Hacked", "level": "2", "body": "x", "version": "1"},
    ),
    (
        "post",
        "/policies/guidelines/revisions/1/clauses",
        {"heading": "New", "level": "2", "body": "x", "structure_version": "1", "after": ""},
    ),
    ("post", "/policies/guidelines/revisions/1/clauses/purpose/delete", {"structure_version": "1"}),
    (
        "post",
        "/policies/guidelines/revisions/1/clauses/purpose/move",
        {"structure_version": "1", "direction": "down"},
    ),
    ("post", "/policies/guidelines/revisions/1/publish", {"change_summary": "again"}),
    ("post", "/policies/guidelines/revisions/1/delete", {}),
]


@pytest.mark.parametrize("method,url,data", ROUTES)
def test_routes_refuse(client, auth, published, before, method, url, data):
    auth.login()
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 409
    assert b"Published text never changes" in response.data
    assert snapshot(published.id) == before


def test_services_refuse(published, staff, before):
    text = editing.ClauseText("Purpose", 2, "changed")
    with pytest.raises(RevisionLocked):
        editing.edit_clause(staff, published, "purpose", 1, text)
    with pytest.raises(RevisionLocked):
        editing.add_clause(staff, published, published.structure_version, None, text)
    with pytest.raises(RevisionLocked):
        editing.delete_clause(staff, published, published.structure_version, "purpose")
    with pytest.raises(RevisionLocked):
        editing.move_clause(staff, published, published.structure_version, "purpose", 1)
    with pytest.raises(RevisionLocked):
        publish(staff, published, "again")
    with pytest.raises(RevisionLocked):
        delete_draft(staff, published)
    db.session.rollback()
    assert snapshot(published.id) == before


ORM_WRITES = {
    "edit clause": lambda rev: setattr(rev.clauses[0], "body", "changed"),
    "delete clause": lambda rev: db.session.delete(rev.clauses[0]),
    "add clause": lambda rev: db.session.add(
        Clause(revision_id=rev.id, key="new", position=9, level=2, heading="New", body="", hash="0")
    ),
    "edit revision": lambda rev: setattr(rev, "title", "changed"),
    "unpublish": lambda rev: setattr(rev, "state", "draft"),
    "delete revision": lambda rev: db.session.delete(rev),
}


@pytest.mark.parametrize("change", ORM_WRITES.values(), ids=ORM_WRITES.keys())
def test_orm_writes_refuse(published, before, change):
    change(published)
    with pytest.raises(RevisionLocked):
        db.session.flush()
    db.session.rollback()
    assert snapshot(published.id) == before


SQL_WRITES = [
    "UPDATE clauses SET body = 'changed' WHERE revision_id = :id",
    "DELETE FROM clauses WHERE revision_id = :id",
    "INSERT INTO clauses (revision_id, key, position, level, number, heading, body, hash, version)"
    " VALUES (:id, 'new', 9, 2, '9', 'New', '', '0', 1)",
    "UPDATE revisions SET title = 'changed' WHERE id = :id",
    "UPDATE revisions SET state = 'draft' WHERE id = :id",
    "DELETE FROM revisions WHERE id = :id",
]


@pytest.mark.parametrize("statement", SQL_WRITES)
def test_database_refuses_raw_sql(published, before, statement):
    with pytest.raises(sa.exc.DBAPIError, match="published revisions are immutable"):
        db.session.execute(sa.text(statement), {"id": published.id})
    db.session.rollback()
    assert snapshot(published.id) == before


def test_drafts_stay_editable_in_sql(draft):
    db.session.execute(
        sa.text("UPDATE clauses SET body = 'ok' WHERE revision_id = :id"), {"id": draft.id}
    )
    draft_id = draft.id
    db.session.execute(sa.text("DELETE FROM revisions WHERE id = :id"), {"id": draft_id})
    db.session.commit()
    db.session.expunge_all()
    assert db.session.get(Revision, draft_id) is None


def dialect() -> str:
    return db.engine.dialect.name


def published_rows(revision_id: int) -> tuple:
    db.session.expire_all()
    revision = db.session.execute(
        sa.select(Revision.id, Revision.number, Revision.state, Revision.content_hash).where(
            Revision.id == revision_id
        )
    ).one_or_none()
    clauses = db.session.execute(
        sa.select(Clause.id, Clause.key, Clause.body).where(Clause.revision_id == revision_id)
    ).all()
    return revision, sorted(clauses)


REVISION_COLUMNS = (
    "id, policy_id, number, state, title, change_summary, front_matter, created_at,"
    " structure_version, content_hash"
)
CLAUSE_COLUMNS = "id, revision_id, key, position, level, number, heading, body, hash, version"
DRAFT_COPY_OF_PUBLISHED = (
    f"INSERT INTO revisions ({REVISION_COLUMNS})"
    " SELECT id, policy_id, number, 'draft', title, change_summary, front_matter, created_at,"
    " structure_version, content_hash FROM revisions WHERE id = :published"
)
PUBLISHED_CLAUSE_MOVED_TO_DRAFT = (
    f"INSERT INTO clauses ({CLAUSE_COLUMNS})"
    " SELECT id, :draft, 'stolen', position, level, number, heading, 'changed', hash, version"
    " FROM clauses WHERE id = :clause"
)
PUBLISHED_NUMBER = "(SELECT number FROM revisions WHERE id = :published)"

# SQLite's REPLACE removes the row it collides with; PostgreSQL spells the same
# intent with ON CONFLICT or a colliding UPDATE. Each backend runs its spelling.
REPLACING_WRITES = {
    "published revision swapped for a draft copy": {
        "sqlite": DRAFT_COPY_OF_PUBLISHED.replace("INSERT", "INSERT OR REPLACE", 1),
        "postgresql": DRAFT_COPY_OF_PUBLISHED + " ON CONFLICT (id) DO UPDATE SET state = 'draft'",
    },
    "published clause replaced by a draft's": {
        "sqlite": PUBLISHED_CLAUSE_MOVED_TO_DRAFT.replace("INSERT", "INSERT OR REPLACE", 1),
        "postgresql": PUBLISHED_CLAUSE_MOVED_TO_DRAFT
        + " ON CONFLICT (id) DO UPDATE SET revision_id = EXCLUDED.revision_id",
    },
    "draft renumbered onto a published revision": {
        "sqlite": f"UPDATE OR REPLACE revisions SET number = {PUBLISHED_NUMBER} WHERE id = :draft",
        "postgresql": f"UPDATE revisions SET number = {PUBLISHED_NUMBER} WHERE id = :draft",
    },
    "draft clause given a published clause's id": {
        "sqlite": "UPDATE OR REPLACE clauses SET id = :clause WHERE id = :draft_clause",
        "postgresql": "UPDATE clauses SET id = :clause WHERE id = :draft_clause",
    },
}


@pytest.mark.parametrize("spellings", REPLACING_WRITES.values(), ids=REPLACING_WRITES.keys())
def test_database_refuses_replacing_published_rows(published, draft, spellings):
    # Nothing but the triggers may stand in the way: no reference from the draft.
    draft.base_revision = None
    db.session.commit()
    before = published_rows(published.id)
    ids = {
        "published": published.id,
        "draft": draft.id,
        "clause": published.clauses[0].id,
        "draft_clause": draft.clauses[0].id,
    }
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(sa.text(spellings[dialect()]), ids)
    db.session.rollback()
    assert published_rows(published.id) == before


# PostgreSQL's TRUNCATE fires no row trigger; SQLite has only DELETE.
EMPTYING_WRITES = {
    table: {"sqlite": f"DELETE FROM {table}", "postgresql": f"TRUNCATE {table} CASCADE"}
    for table in ("clauses", "revisions", "policies")
}


@pytest.mark.parametrize("spellings", EMPTYING_WRITES.values(), ids=EMPTYING_WRITES.keys())
def test_database_refuses_emptying_tables_with_published_rows(published, spellings):
    before = published_rows(published.id)
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(sa.text(spellings[dialect()]))
    db.session.rollback()
    assert published_rows(published.id) == before


DRAFT_CLAUSE_REWRITTEN = (
    f"INSERT INTO clauses ({CLAUSE_COLUMNS})"
    " SELECT id, revision_id, key, position, level, number, heading, 'replaced', hash, version"
    " FROM clauses WHERE id = :id"
)
REWRITING_A_DRAFT_CLAUSE = {
    "sqlite": DRAFT_CLAUSE_REWRITTEN.replace("INSERT", "INSERT OR REPLACE", 1),
    "postgresql": DRAFT_CLAUSE_REWRITTEN + " ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body",
}


def test_drafts_may_still_be_replaced_and_emptied(draft):
    clause_id = draft.clauses[0].id
    db.session.execute(sa.text(REWRITING_A_DRAFT_CLAUSE[dialect()]), {"id": clause_id})
    assert db.session.get(Clause, clause_id, populate_existing=True).body == "replaced"
    db.session.execute(sa.text("DELETE FROM clauses WHERE revision_id = :id"), {"id": draft.id})
    assert published_rows(draft.id)[1] == []
