"""`/me/comments`: authors see what became of their comments and whether the clause changed."""

import sqlalchemy as sa

from consult.comments.models import Disposition
from consult.comments.services import delete_comment
from consult.comments.triage import Changes, Decision, apply
from consult.extensions import db
from consult.moderation.services import hide
from tests.comment_factories import clause_of
from tests.comments.test_continuity import CHANGED


def test_authors_follow_their_comments(
    client, auth, commentable, volunteer, moderator, staff, create_comment, create_revision
):
    decided = create_comment(volunteer, commentable, body="Name *caste*.")
    unchanged = create_comment(volunteer, clause_of(commentable, "reporting"), body="Which team?")
    hidden = create_comment(volunteer, commentable, body="Hidden one")
    gone = create_comment(volunteer, commentable, body="Withdrawn")
    create_comment(moderator, commentable, body="Not mine")
    hide(moderator, hidden, "Rude")
    delete_comment(volunteer, gone)
    decision = Changes(Decision(Disposition.PARTLY_ACCEPTED), response="Partly, see *revision 2*.")
    apply(staff, commentable.policy, sa.select(sa.literal(decided.id)), decision)
    db.session.commit()
    create_revision(commentable.policy, CHANGED, summary="Caste")
    auth.login("volunteer")
    html = client.get("/me/comments").get_data(as_text=True)
    assert "Name <em>caste</em>." in html and "Which team?" in html and "Hidden one" in html
    assert "Not mine" not in html and "Withdrawn" not in html
    item = html.split(f'id="comment-{decided.id}"')[1].split("</li>")[0]
    assert "Partly accepted" in item and "Partly, see <em>revision 2</em>." in item
    assert 'href="/policies/guidelines/compare/1/2#change-purpose"' in item
    assert "changed since" in item
    other = html.split(f'id="comment-{unchanged.id}"')[1].split("</li>")[0]
    assert "unchanged in revision 2" in other and "/compare/" not in other


def test_my_comments_needs_signing_in(client):
    response = client.get("/me/comments")
    assert response.status_code == 302 and "/login" in response.location


def test_my_comments_is_linked_for_everyone_signed_in(client, auth, volunteer):
    auth.login("volunteer")
    assert 'href="/me/comments"' in client.get("/").get_data(as_text=True)
