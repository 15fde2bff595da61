"""Tamper evidence: the chain of published revisions."""

import pytest

import drafts
from consult.drafting import editing
from consult.drafting.services import fork_draft, publish
from consult.extensions import db

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
