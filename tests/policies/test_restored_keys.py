"""A clause added back (by import or by the clause editor) with the text or heading of a clause
removed earlier from the same policy takes that clause's key back."""

import pytest

from consult.drafting import editing
from consult.drafting.services import fork_draft, publish
from consult.extensions import db
from consult.policies.services import removed_clauses
from tests.factories import DOCUMENT

WITHOUT_REPORTING = DOCUMENT.split("## Reporting")[0]
REPORTING = editing.ClauseText("Reporting", 2, "Write to the team.")


def keys(revision) -> list[str]:
    return [clause.key for clause in revision.clauses]


def compared(client, old: int, new: int) -> dict[str, dict]:
    data = client.get(f"/api/v1/policies/guidelines/compare/{old}/{new}").json
    return {(item["new"] or item["old"])["key"]: item for item in data["clauses"]}


@pytest.fixture
def reporting_deleted(draft, staff):
    editing.delete_clause(staff, draft, draft.structure_version, "reporting")
    db.session.commit()
    return draft


def test_a_clause_deleted_and_added_back_in_the_editor_keeps_its_key(
    client, auth, staff, reporting_deleted
):
    draft = reporting_deleted
    clause = editing.add_clause(staff, draft, draft.structure_version, "unacceptable", REPORTING)
    db.session.commit()
    assert clause.key == "reporting"
    auth.login()
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    assert "Removed" not in page and "Added" not in page
    publish(staff, draft, "Reporting back")
    db.session.commit()
    assert compared(client, 1, 2)["reporting"]["kind"] == "unchanged"


def test_a_clause_added_back_elsewhere_is_moved(client, staff, reporting_deleted):
    draft = reporting_deleted
    editing.add_clause(staff, draft, draft.structure_version, "purpose", REPORTING)
    publish(staff, draft, "Reporting first")
    db.session.commit()
    assert compared(client, 1, 2)["reporting"]["kind"] == "moved"


def test_a_clause_added_back_with_its_heading_and_new_text_keeps_its_key(
    client, staff, reporting_deleted
):
    draft = reporting_deleted
    text = editing.ClauseText("Reporting", 2, "Write to the moderators.")
    clause = editing.add_clause(staff, draft, draft.structure_version, "unacceptable", text)
    publish(staff, draft, "Reporting back")
    db.session.commit()
    assert clause.key == "reporting"
    assert compared(client, 1, 2)["reporting"]["kind"] == "modified"


def test_a_new_clause_with_another_text_and_heading_gets_a_new_key(staff, reporting_deleted):
    draft = reporting_deleted
    text = editing.ClauseText("Contact", 2, "Write to the moderators.")
    clause = editing.add_clause(staff, draft, draft.structure_version, "unacceptable", text)
    assert clause.key == "contact"


def test_a_clause_removed_by_import_and_imported_again_keeps_its_key(
    client, published, create_revision
):
    removed = create_revision(published.policy, WITHOUT_REPORTING, summary="No reporting")
    assert "reporting" not in keys(removed)
    back = create_revision(published.policy, DOCUMENT, summary="Reporting back")
    assert keys(back) == keys(published)
    assert compared(client, 1, 3)["reporting"]["kind"] == "unchanged"
    assert compared(client, 2, 3)["reporting"]["kind"] == "added"
    history = client.get("/policies/guidelines/clauses/reporting/history").get_data(as_text=True)
    assert 'id="revision-1"' in history and 'id="revision-3"' in history


def test_comments_on_the_removed_clause_follow_it_back(
    client, published, create_revision, volunteer, create_comment, open_window
):
    reporting = next(c for c in published.clauses if c.key == "reporting")
    open_window(published.policy)
    create_comment(volunteer, reporting, body="Which team?")
    create_revision(published.policy, WITHOUT_REPORTING, summary="No reporting")
    create_revision(published.policy, DOCUMENT, summary="Reporting back")
    thread = client.get("/policies/guidelines/revisions/3/clauses/reporting/comments")
    assert "Which team?" in thread.get_data(as_text=True)


def test_the_removed_clauses_are_those_the_latest_revision_lacks(published, create_revision, staff):
    removed = create_revision(published.policy, WITHOUT_REPORTING, summary="No reporting")
    assert [c.key for c in removed_clauses(published.policy, removed)] == ["reporting"]
    assert removed_clauses(published.policy, published) == []
    draft = fork_draft(staff, published.policy)
    assert [c.key for c in removed_clauses(published.policy, draft)] == ["reporting"]
