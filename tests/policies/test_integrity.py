"""Tamper evidence: the chain of published revisions and `flask drafts verify`."""

import pytest
import sqlalchemy as sa

import drafts
from consult.drafting import editing
from consult.drafting.services import fork_draft, publish
from consult.extensions import db
from consult.policies.models import Clause, Revision

SECOND = "## Purpose\n\nWe want a *welcoming* place.\n\n## Reporting\n\nWrite to us.\n"


@pytest.fixture
def chained(published, create_revision):
    """Revisions 1 and 2 published, 3 a draft."""
    second = create_revision(published.policy, SECOND, summary="Second")
    third = fork_draft(None, published.policy)
    db.session.commit()
    return published, second, third


def test_each_published_revision_chains_to_the_one_before(chained):
    first, second, third = chained
    assert first.chain_hash == drafts.chain_hash(None, first.content_hash)
    assert second.chain_hash == drafts.chain_hash(first.chain_hash, second.content_hash)
    assert third.chain_hash is None


def test_publishing_a_draft_chains_it_to_the_last_published(chained, staff):
    first, second, third = chained
    text = editing.ClauseText("Purpose", 2, "Changed.")
    editing.edit_clause(staff, third, "purpose", third.clauses[0].version, text)
    publish(staff, third, "Third")
    db.session.commit()
    assert third.chain_hash == drafts.chain_hash(second.chain_hash, third.content_hash)


def test_policy_page_and_api_show_the_chain_hash(client, chained):
    first, second, _ = chained
    assert second.chain_hash in client.get("/policies/guidelines").get_data(as_text=True)
    assert "Chain hash" in client.get("/policies/guidelines/revisions/1").get_data(as_text=True)
    data = client.get("/api/v1/policies/guidelines/revisions/1").json
    assert data["chain_hash"] == drafts.chain_hash(None, data["content_hash"])
    assert client.get("/api/v1/policies/guidelines").json["chain_hash"] == second.chain_hash


def test_verify_passes_on_untouched_data(runner, chained):
    result = runner.invoke(args=["drafts", "verify"])
    assert result.exit_code == 0, result.output
    assert "Every stored hash matches (policies: 1, revisions: 3, clauses: 10)." in result.output


def trigger_free(statements: list[tuple[str, dict]]) -> None:
    """Run raw SQL with the immutability triggers out of the way, as an intruder could."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        for table in ("revisions", "clauses"):
            connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        run(connection, statements)
        for table in ("revisions", "clauses"):
            connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    else:
        triggers = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
        for name, _ in triggers:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        run(connection, statements)
        for _, sql in triggers:
            connection.exec_driver_sql(sql)
    db.session.commit()
    db.session.expire_all()


def run(connection, statements: list[tuple[str, dict]]) -> None:
    for statement, params in statements:
        connection.execute(sa.text(statement), params)


def set_clause(clause: Clause, body: str, clause_hash: str) -> tuple[str, dict]:
    return (
        "UPDATE clauses SET body = :body, hash = :hash WHERE id = :id",
        {"body": body, "hash": clause_hash, "id": clause.id},
    )


def set_revision(revision: Revision, **values: str) -> tuple[str, dict]:
    columns = ", ".join(f"{name} = :{name}" for name in values)
    return f"UPDATE revisions SET {columns} WHERE id = :id", {**values, "id": revision.id}


def verify(runner) -> tuple[int, list[str]]:
    result = runner.invoke(args=["drafts", "verify"])
    return result.exit_code, result.stdout.splitlines()


def test_verify_names_a_clause_whose_text_changed(runner, chained):
    first = chained[0]
    clause = first.clauses[1]
    trigger_free([set_clause(clause, "We want a hostile place.", clause.hash)])
    code, lines = verify(runner)
    recomputed = drafts.clause_hash("Purpose", "We want a hostile place.")
    assert code == 1
    assert lines == [
        f"guidelines revision 1 (published) clause purpose: clause hash stored {clause.hash},"
        f" recomputed {recomputed}"
    ]


def test_verify_names_a_revision_whose_clause_hash_was_rewritten_too(runner, chained):
    first = chained[0]
    clause = first.clauses[1]
    forged = drafts.clause_hash("Purpose", "Hostile.")
    trigger_free([set_clause(clause, "Hostile.", forged)])
    code, lines = verify(runner)
    assert code == 1
    assert lines == [
        f"guidelines revision 1 (published): content hash stored {first.content_hash},"
        f" recomputed {drafts.content_hash(first.title, first.clauses)}"
    ]


def forge_revision_one(first: Revision) -> tuple[list[tuple[str, dict]], str]:
    """Rewrite a clause with its clause hash and the revision's content hash; new content hash."""
    clause = first.clauses[1]
    forged = drafts.clause_hash("Purpose", "Hostile.")
    levels_and_hashes = [
        c if c is not clause else Clause(level=clause.level, hash=forged) for c in first.clauses
    ]
    content = drafts.content_hash(first.title, levels_and_hashes)
    return [
        set_clause(clause, "Hostile.", forged),
        set_revision(first, content_hash=content),
    ], content


def test_verify_names_the_chain_link_a_forged_content_hash_breaks(runner, chained):
    first = chained[0]
    statements, content = forge_revision_one(first)
    trigger_free(statements)
    code, lines = verify(runner)
    assert code == 1
    assert lines == [
        f"guidelines revision 1 (published): chain hash stored {first.chain_hash},"
        f" recomputed {drafts.chain_hash(None, content)}"
    ]


def test_a_forged_chain_hash_breaks_the_next_revision(runner, chained):
    first, second, _ = chained
    statements, content = forge_revision_one(first)
    forged_chain = drafts.chain_hash(None, content)
    trigger_free([*statements, set_revision(first, chain_hash=forged_chain)])
    code, lines = verify(runner)
    assert code == 1
    assert lines == [
        f"guidelines revision 2 (published): chain hash stored {second.chain_hash},"
        f" recomputed {drafts.chain_hash(forged_chain, second.content_hash)}"
    ]


def test_verify_checks_draft_clauses_too(runner, chained):
    draft = chained[2]
    clause = draft.clauses[0]
    statement, params = set_clause(clause, clause.body, "0" * 64)
    db.session.execute(sa.text(statement), params)
    db.session.commit()
    code, lines = verify(runner)
    assert code == 1
    assert lines[0].startswith(f"guidelines revision 3 (draft) clause {clause.key}: clause hash")
