"""Each revision records the hash formula it was hashed by: new ones use the current
formula, `drafts verify` checks each by its own, and the API says which it is."""

import drafts
from consult.drafting.services import fork_draft, publish
from consult.extensions import db
from consult.policies.models import Revision
from tests.policies.test_integrity import set_clause, set_revision, trigger_free, verify

NESTED = "# Guidelines\n\n## Purpose\n\n- one\n  - nested\n\n## Code\n\n    make test\n"


def test_new_revisions_are_hashed_by_the_current_formula(create_policy, create_revision):
    revision = create_revision(create_policy(), NESTED)
    assert revision.hash_formula == drafts.CURRENT_FORMULA == 3
    purpose = revision.clauses[0]
    assert purpose.hash == drafts.clause_hash("Purpose", "- one\n  - nested", 3)
    assert purpose.hash != drafts.clause_hash("Purpose", "- one\n  - nested", 1)


def test_the_api_gives_the_formula_next_to_each_hash(client, create_policy, create_revision):
    create_revision(create_policy(), NESTED)
    data = client.get("/api/v1/policies/guidelines/revisions/1").json
    assert data["hash_formula"] == 3
    assert {clause["hash_formula"] for clause in data["clauses"]} == {3}


def as_formula_1(revision: Revision) -> list[tuple[str, dict]]:
    """Statements that store `revision` as formula 1 hashed it."""
    statements = [
        set_clause(clause, clause.body, drafts.clause_hash(clause.heading, clause.body, 1))
        for clause in revision.clauses
    ]
    content = drafts.recomputed_content_hash(revision.title, revision.clauses, 1)
    chain = drafts.chain_hash(None, content)
    statements.append(set_revision(revision, content_hash=content, chain_hash=chain))
    statements.append(("UPDATE revisions SET hash_formula = 1 WHERE id = :id", {"id": revision.id}))
    return statements


def test_verify_checks_each_revision_by_the_formula_it_records(
    runner, create_policy, create_revision
):
    revision = create_revision(create_policy(), NESTED)
    trigger_free(as_formula_1(revision))
    assert verify(runner)[0] == 0
    stored = revision.clauses[0].hash
    trigger_free([("UPDATE revisions SET hash_formula = 2 WHERE id = :id", {"id": revision.id})])
    code, lines = verify(runner)
    assert code == 1
    recomputed = drafts.clause_hash("Purpose", "- one\n  - nested", 2)
    assert lines[0] == (
        f"guidelines revision 1 (published) clause purpose: clause hash stored {stored},"
        f" recomputed {recomputed}"
    )


def test_publishing_hashes_by_the_formula_the_draft_records(staff, create_policy, create_revision):
    first = create_revision(create_policy(), NESTED)
    draft = fork_draft(staff, first.policy)
    db.session.commit()
    publish(staff, draft, "Second")
    db.session.commit()
    assert draft.hash_formula == 3
    assert draft.content_hash == drafts.recomputed_content_hash(draft.title, draft.clauses, 3)
