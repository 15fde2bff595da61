"""Acceptance: the real Contributor Covenant revisions, imported in order through the CLI."""

import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Clause, Revision
from consult.policies.services import find_policy

TITLE = "Contributor Covenant Code of Conduct"


def import_covenant(runner, shared_data):
    files = [str(shared_data / version / "en.md") for version in ("1.4", "2.0", "2.1")]
    return runner.invoke(args=["drafts", "import", "covenant", *files, "--publish"])


def keys_by_heading(revision: Revision) -> dict[str, str]:
    return {clause.heading: clause.key for clause in revision.clauses}


def test_three_revisions_with_their_clause_counts(runner, shared_data):
    result = import_covenant(runner, shared_data)
    assert result.exit_code == 0, result.output
    assert "revision 3 (published), 11 clauses" in result.output
    policy = find_policy("covenant")
    revisions = db.session.scalars(
        sa.select(Revision).where(Revision.policy_id == policy.id).order_by(Revision.number)
    ).all()
    assert [r.title for r in revisions] == [TITLE] * 3
    assert [len(r.clauses) for r in revisions] == [6, 11, 11]
    assert all(r.is_published and r.content_hash for r in revisions)


def test_keys_survive_renames_and_rewrapping(runner, shared_data):
    assert import_covenant(runner, shared_data).exit_code == 0
    policy = find_policy("covenant")
    v14, v20, v21 = db.session.scalars(
        sa.select(Revision).where(Revision.policy_id == policy.id).order_by(Revision.number)
    ).all()
    old, new = keys_by_heading(v14), keys_by_heading(v20)
    assert new["Enforcement Responsibilities"] == old["Our Responsibilities"]
    guidelines = [
        "Enforcement Guidelines",
        "1. Correction",
        "2. Warning",
        "3. Temporary Ban",
        "4. Permanent Ban",
    ]
    assert not {new[h] for h in guidelines} & set(old.values())
    assert [c.key for c in v21.clauses] == [c.key for c in v20.clauses]


def test_numbers_follow_heading_levels(runner, shared_data):
    assert import_covenant(runner, shared_data).exit_code == 0
    numbers = db.session.scalars(
        sa.select(Clause.number)
        .join(Revision)
        .where(Revision.number == 2)
        .order_by(Clause.position)
    ).all()
    assert numbers == ["1", "2", "3", "4", "5", "6", "6.1", "6.2", "6.3", "6.4", "7"]
