"""Adopting a suggested wording: only staff; into the open draft (started when none is), never
into a published revision; a clause changed since the comment needs the three-way
confirmation; the comment gets its disposition; audited; linked both ways."""

import re

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.models import CommentAdoption, Disposition
from consult.drafting.editing import ClauseText, edit_clause
from consult.drafting.services import fork_draft, publish
from consult.extensions import db
from consult.policies.models import Revision, RevisionState
from consult.policies.services import current_draft
from tests.comment_factories import clause_of
from tests.comments.helpers import reloaded

WORDING = "We want a *welcoming* place for WORDING-5c1e."
REWORDED = "We want a *safe* place."


@pytest.fixture
def suggesting(commentable, volunteer, create_comment):
    return create_comment(volunteer, commentable, body="Say welcoming.", suggested_wording=WORDING)


def adopt_page(client, comment):
    return client.get(f"/comments/{comment.id}/adopt")


def hidden(page, name: str) -> str:
    found = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page.text)
    found = found or re.search(rf'name="{name}"[^>]*value="([^"]*)"', page.text)
    return found.group(1)


def post_adopt(client, comment, page=None, **fields):
    """Submit the adopt form as the page showed it, with `fields` changed."""
    page = page or adopt_page(client, comment)
    data = {"draft": hidden(page, "draft"), "seen": hidden(page, "seen"), "disposition": "accepted"}
    return client.post(f"/comments/{comment.id}/adopt", data={**data, **fields})


def draft_of(policy) -> Revision | None:
    db.session.expire_all()
    return current_draft(policy)


def adoptions() -> list[CommentAdoption]:
    return list(db.session.scalars(sa.select(CommentAdoption)))


@pytest.mark.parametrize("who", ["volunteer", "moderator", None])
def test_only_staff_adopt(client, auth, suggesting, staff, moderator, who):
    if who:
        auth.login(who)
    expected = 403 if who else 302  # anonymous readers are sent to sign in
    page = client.get(f"/comments/{suggesting.id}/adopt")
    posted = client.post(
        f"/comments/{suggesting.id}/adopt",
        data={"draft": "", "seen": "", "disposition": "accepted"},
    )
    assert [page.status_code, posted.status_code] == [expected, expected]
    assert adoptions() == [] and draft_of(suggesting.revision.policy) is None
    assert reloaded(suggesting).disposition is Disposition.OPEN


def test_adopting_starts_a_draft_and_accepts_and_audits(client, auth, suggesting, staff):
    auth.login("staff")
    page = adopt_page(client, suggesting)
    assert page.status_code == 200
    assert "No draft is open" in page.text and "<ins" in page.text
    response = post_adopt(client, suggesting, page)
    assert response.status_code == 302
    draft = draft_of(suggesting.revision.policy)
    assert draft.number == 2 and f"/revisions/{draft.number}/edit" in response.location
    assert clause_of(draft, "purpose").body == WORDING
    published = suggesting.revision
    db.session.refresh(published)
    assert clause_of(published, "purpose").body == "We want a *friendly* place."
    comment = reloaded(suggesting)
    assert comment.disposition is Disposition.ACCEPTED
    [adoption] = adoptions()
    assert (adoption.comment_id, adoption.revision_id) == (comment.id, draft.id)
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "comment.adopted"))
    assert event.target_id == str(comment.id) and event.details["draft"] == draft.number
    assert event.actor_id == staff.id
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"revision.forked", "clause.edited", "comment.disposition_set"} <= actions


def test_adopting_into_the_open_draft_replaces_only_that_clause(client, auth, suggesting, staff):
    draft = fork_draft(staff, suggesting.revision.policy)
    db.session.commit()
    before = {c.key: c.body for c in draft.clauses}
    auth.login("staff")
    page = adopt_page(client, suggesting)
    assert "goes into draft 2" in page.text
    assert post_adopt(client, suggesting, page, disposition="partly_accepted").status_code == 302
    draft = draft_of(suggesting.revision.policy)
    after = {c.key: c.body for c in draft.clauses}
    assert after == {**before, "purpose": WORDING}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Revision)) == 2
    assert reloaded(suggesting).disposition is Disposition.PARTLY_ACCEPTED


def test_a_clause_changed_since_the_comment_needs_the_three_way_confirmation(
    client, auth, suggesting, staff
):
    draft = fork_draft(staff, suggesting.revision.policy)
    clause = clause_of(draft, "purpose")
    edit_clause(staff, draft, "purpose", clause.version, ClauseText("Purpose", 2, REWORDED))
    db.session.commit()
    auth.login("staff")
    page = adopt_page(client, suggesting)
    assert "changed since revision 1" in page.text
    for title in ("commented-title", "since-title", "suggestion-title"):
        assert f'id="{title}"' in page.text
    assert "<del" in page.text and "safe" in page.text and "friendly" in page.text
    refused = post_adopt(client, suggesting, page)
    assert refused.status_code == 409 and "confirm" in refused.text
    assert clause_of(draft_of(suggesting.revision.policy), "purpose").body == REWORDED
    assert adoptions() == []
    confirmed = post_adopt(client, suggesting, refused, confirm="y")
    assert confirmed.status_code == 302
    assert clause_of(draft_of(suggesting.revision.policy), "purpose").body == WORDING
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "comment.adopted"))
    assert event.details["changed_since"] is True


def test_a_draft_changed_after_the_page_was_shown_is_not_overwritten(
    client, auth, suggesting, staff
):
    auth.login("staff")
    page = adopt_page(client, suggesting)  # no draft yet: the wording would start one
    draft = fork_draft(staff, suggesting.revision.policy)
    clause = clause_of(draft, "purpose")
    edit_clause(staff, draft, "purpose", clause.version, ClauseText("Purpose", 2, REWORDED))
    db.session.commit()
    refused = post_adopt(client, suggesting, page, confirm="y")
    assert refused.status_code == 409
    assert clause_of(draft_of(suggesting.revision.policy), "purpose").body == REWORDED


def test_the_wording_never_goes_into_a_published_revision(client, auth, suggesting, staff):
    draft = fork_draft(staff, suggesting.revision.policy)
    db.session.commit()
    auth.login("staff")
    page = adopt_page(client, suggesting)  # showed draft 2 …
    publish(staff, draft, "Published meanwhile")  # … which is revision 2 now
    db.session.commit()
    for number in ("2", "1"):
        refused = post_adopt(client, suggesting, page, draft=number)
        assert refused.status_code == 409
    db.session.expire_all()
    published = db.session.scalars(sa.select(Revision).order_by(Revision.number)).all()
    assert [r.state for r in published] == [RevisionState.PUBLISHED] * 2
    assert [clause_of(r, "purpose").body for r in published] == ["We want a *friendly* place."] * 2
    assert adoptions() == [] and reloaded(suggesting).disposition is Disposition.OPEN


def test_a_comment_without_a_suggestion_has_nothing_to_adopt(
    client, auth, commentable, volunteer, create_comment, staff
):
    plain = create_comment(volunteer, commentable, body="Just a thought.")
    auth.login("staff")
    assert client.get(f"/comments/{plain.id}/adopt").status_code == 404
    posted = client.post(
        f"/comments/{plain.id}/adopt", data={"draft": "", "seen": "", "disposition": "accepted"}
    )
    assert posted.status_code == 404
    assert draft_of(commentable.policy) is None and adoptions() == []


def test_the_links_go_both_ways_from_draft_to_revision(client, auth, suggesting, staff):
    auth.login("staff")
    assert post_adopt(client, suggesting).status_code == 302
    comment_page = client.get(f"/comments/{suggesting.id}")
    assert "Adopted in draft 2" in comment_page.text
    editor = client.get("/policies/guidelines/revisions/2/edit")
    origin = f"Wording from comment #{suggesting.id} by Val Volunteer"
    assert origin in editor.text
    draft = draft_of(suggesting.revision.policy)
    publish(staff, draft, "Adopted a suggestion")
    db.session.commit()
    auth.logout()
    comment_page = client.get(f"/comments/{suggesting.id}")
    assert "Adopted in revision 2" in comment_page.text
    assert "Adopted in draft" not in comment_page.text
    assert origin in client.get("/policies/guidelines/revisions/2").text
    assert origin not in client.get("/policies/guidelines/revisions/1").text
    assert origin in client.get("/policies/guidelines/clauses/purpose/history").text


def test_a_clause_edited_after_adoption_no_longer_claims_the_wording(
    client, auth, suggesting, staff
):
    auth.login("staff")
    assert post_adopt(client, suggesting).status_code == 302
    draft = draft_of(suggesting.revision.policy)
    clause = clause_of(draft, "purpose")
    edit_clause(staff, draft, "purpose", clause.version, ClauseText("Purpose", 2, REWORDED))
    db.session.commit()
    editor = client.get("/policies/guidelines/revisions/2/edit")
    assert "Wording from comment" not in editor.text
    assert "Adopted in draft 2" in client.get(f"/comments/{suggesting.id}").text


def test_the_service_refuses_anyone_but_staff(app, suggesting, volunteer, moderator):
    from consult.comments.adoption import Request, adopt
    from consult.comments.errors import CommentForbidden

    request = Request(
        Disposition.ACCEPTED, None, clause_of(suggesting.revision, "purpose").hash, False
    )
    for person in (volunteer, moderator):
        with pytest.raises(CommentForbidden):
            adopt(person, suggesting, request)
    assert draft_of(suggesting.revision.policy) is None and adoptions() == []


def test_adopting_again_into_the_same_draft_keeps_one_link(client, auth, suggesting, staff):
    auth.login("staff")
    assert post_adopt(client, suggesting).status_code == 302
    page = adopt_page(client, suggesting)
    assert "already reads as suggested" in page.text
    assert post_adopt(client, suggesting, page, confirm="y").status_code == 302
    assert len(adoptions()) == 1
    edits = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "clause.edited"))
    assert len(list(edits)) == 1


def test_deleting_the_draft_takes_the_link_with_it(client, auth, suggesting, staff):
    from consult.drafting.services import delete_draft

    auth.login("staff")
    assert post_adopt(client, suggesting).status_code == 302
    delete_draft(staff, draft_of(suggesting.revision.policy))
    db.session.commit()
    assert adoptions() == []
    assert "Adopted in draft" not in client.get(f"/comments/{suggesting.id}").text
