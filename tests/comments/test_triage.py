"""Staff triage of one comment: disposition, public response, internal note, assignee.
Only staff act; what is internal never reaches anyone else; a comment accepted after its
clause changed says which revision addressed it."""

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.errors import CommentForbidden
from consult.comments.models import CommentTriage, Disposition
from consult.comments.triage import Changes, Decision, annotate, apply, assign
from consult.extensions import db
from tests.comment_factories import clause_of
from tests.comments.helpers import reloaded, thread_path
from tests.comments.test_continuity import CHANGED
from tests.factories import DOCUMENT

NOTE = "Ask legal before answering NOTE-7f3a"


@pytest.fixture
def comment(commentable, volunteer, create_comment):
    return create_comment(volunteer, commentable, body="Please name *caste*.")


def triage(client, comment, **fields):
    data = {"disposition": "open", "original": "", "response": "", "assignee": "", "note": ""}
    return client.post(f"/comments/{comment.id}/triage", data={**data, **fields})


@pytest.mark.parametrize("who", ["volunteer", "moderator", None])
def test_only_staff_triage(client, auth, commentable, comment, staff, moderator, who):
    if who:
        auth.login(who)
    pages = [
        client.get(f"/comments/{comment.id}/triage"),
        triage(client, comment, disposition="accepted", response="Yes", note="n"),
        client.get("/policies/guidelines/triage"),
        client.post(
            "/policies/guidelines/triage",
            data={"scope": "selected", "comment": comment.id, "disposition": "declined"},
        ),
    ]
    expected = 403 if who else 302  # anonymous readers are sent to sign in
    assert [page.status_code for page in pages] == [expected] * 4
    comment = reloaded(comment)
    assert comment.disposition is Disposition.OPEN and comment.response is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentTriage)) == 0


def test_services_refuse_anyone_but_staff(app, comment, volunteer, moderator):
    selection = sa.select(sa.literal(comment.id))
    for person in (volunteer, moderator):
        with pytest.raises(CommentForbidden):
            apply(person, comment.revision.policy, selection, Changes(Decision(Disposition.NOTED)))
        with pytest.raises(CommentForbidden):
            annotate(person, comment, "x")
        with pytest.raises(CommentForbidden):
            assign(person, selection, None)


def test_staff_decide_answer_note_and_assign_and_every_change_is_audited(
    client, auth, comment, staff
):
    auth.login("staff")
    response = triage(
        client,
        comment,
        disposition="noted",
        response="We will *discuss* this.",
        assignee=str(staff.id),
        note=NOTE,
    )
    assert response.status_code == 302
    comment = reloaded(comment)
    assert (
        comment.disposition is Disposition.NOTED and comment.response == "We will *discuss* this."
    )
    assert comment.responder_id == staff.id and comment.responder_role == "staff"
    record = db.session.get(CommentTriage, comment.id)
    assert record.note == NOTE and record.assignee_id == staff.id
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(AuditEvent.target_id == str(comment.id))
    ).all()
    assert {"comment.disposition_set", "comment.response_set", "comment.assigned"} <= set(actions)
    assert "comment.note_set" in actions
    page = client.get(f"/comments/{comment.id}/triage").get_data(as_text=True)
    assert NOTE in page and "Disposition set" in page  # its history, in words


def test_saving_unchanged_values_audits_nothing(client, auth, comment, staff):
    auth.login("staff")
    triage(client, comment, disposition="declined", response="No.")
    before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    response = triage(client, comment, disposition="declined", response="No.")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == before


def test_the_response_shows_under_the_comment_with_the_responders_role(
    client, auth, commentable, comment, staff
):
    auth.login("staff")
    triage(client, comment, disposition="declined", response="Out of *scope*, sorry.")
    auth.logout()
    html = client.get(thread_path(commentable, "purpose")).get_data(as_text=True)
    outcome = html.split('class="comment-outcome"')[1].split('class="comment-actions"')[0]
    assert "Declined" in outcome and "Out of <em>scope</em>, sorry." in outcome
    assert "Response from Sam Staff (Staff)" in outcome


def test_notes_and_assignees_never_reach_a_non_staff_page(
    client, auth, commentable, comment, staff, volunteer
):
    auth.login("staff")
    triage(client, comment, disposition="accepted", assignee=str(staff.id), note=NOTE)
    assert NOTE in client.get("/policies/guidelines/triage").get_data(as_text=True)
    auth.logout()
    pages = [
        thread_path(commentable, "purpose"),
        f"/comments/{comment.id}",
        "/policies/guidelines",
        "/policies/guidelines/revisions/1",
        "/api/v1/policies/guidelines",
        "/api/v1/policies/guidelines/revisions/1",
    ]
    for who in (None, "volunteer"):
        if who:
            auth.login(who)
        for path in pages + (["/me/comments"] if who else []):
            html = client.get(path).get_data(as_text=True)
            assert NOTE not in html and "Assigned to" not in html, (who, path)


def test_a_duplicate_names_an_earlier_comment(
    client, auth, commentable, comment, moderator, create_comment
):
    later = create_comment(moderator, commentable, body="Please name caste.")
    auth.login("staff")
    refused = triage(client, comment, disposition="duplicate", original=str(later.id))
    assert refused.status_code == 422 and "earlier comment" in refused.get_data(as_text=True)
    assert triage(client, later, disposition="duplicate").status_code == 422
    assert (
        triage(client, later, disposition="duplicate", original=str(comment.id)).status_code == 302
    )
    assert reloaded(later).duplicate_of_id == comment.id
    html = client.get(f"/comments/{later.id}").get_data(as_text=True)
    assert f'href="/comments/{comment.id}"' in html and "Duplicate" in html


def test_assignees_are_staff(client, auth, comment, staff, volunteer):
    auth.login("staff")
    response = triage(client, comment, assignee=str(volunteer.id))
    assert response.status_code == 422  # not one of the choices
    assert db.session.get(CommentTriage, comment.id) is None


def test_a_comment_accepted_after_its_clause_changed_shows_addressed_in_revision_m(
    client, auth, commentable, comment, create_revision, open_window
):
    create_revision(commentable.policy, CHANGED, summary="Caste")
    open_window(commentable.policy)
    auth.login("staff")
    triage(client, comment, disposition="accepted", response="Revision 2 names it.")
    assert reloaded(comment).addressed_revision.number == 2
    auth.logout()
    auth.login("volunteer")
    html = client.get(thread_path(commentable, "purpose")).get_data(as_text=True)
    assert "Addressed in revision 2" in html
    assert 'href="/policies/guidelines/compare/1/2#change-purpose"' in html
    mine = client.get("/me/comments").get_data(as_text=True)
    assert "Addressed in revision 2" in mine and "Revision 2 names it." in mine


def test_a_comment_accepted_before_its_clause_changes_is_addressed_by_the_publication(
    client, auth, commentable, comment, create_revision, open_window
):
    auth.login("staff")
    triage(client, comment, disposition="accepted")
    assert reloaded(comment).addressed_revision_id is None  # nothing changed yet
    create_revision(commentable.policy, DOCUMENT.replace("Be kind.", "Be nice."), summary="Other")
    assert reloaded(comment).addressed_revision_id is None  # that revision left the clause alone
    create_revision(commentable.policy, CHANGED, summary="Caste")
    assert reloaded(comment).addressed_revision.number == 3
    html = client.get(thread_path(commentable, "purpose")).get_data(as_text=True)
    assert "Addressed in revision 3" in html


def test_declined_and_unchanged_comments_are_not_addressed(
    client, auth, commentable, comment, moderator, create_comment, create_revision
):
    other = create_comment(moderator, clause_of(commentable, "reporting"), body="Which team?")
    create_revision(commentable.policy, CHANGED, summary="Caste")
    auth.login("staff")
    triage(client, comment, disposition="declined")
    triage(client, other, disposition="accepted")  # its clause did not change
    assert reloaded(comment).addressed_revision_id is None
    assert reloaded(other).addressed_revision_id is None
