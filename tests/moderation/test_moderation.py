"""Acceptance 1: flags, the queue, hide and restore, blocking; every action audited."""

import pytest
import sqlalchemy as sa

from consult.comments.models import CommentStatus, Flag
from consult.extensions import db
from consult.moderation.models import PostingBlock
from tests.comments.helpers import audit_actions, comment_count, reloaded, thread_path


@pytest.fixture
def abusive(commentable, volunteer, create_comment):
    return create_comment(volunteer, commentable, body="Something nasty")


@pytest.fixture
def reader(create_user):
    return create_user("reader", display_name="Reading Rita")


def flag(client, comment, reason="Harassment"):
    return client.post(f"/comments/{comment.id}/flag", data={"reason": reason})


def as_user(auth, username):
    auth.logout()
    auth.login(username)


def test_anyone_signed_in_flags_with_a_reason(client, auth, abusive, reader):
    auth.login("reader")
    assert client.get(f"/comments/{abusive.id}/flag").status_code == 200
    assert flag(client, abusive, "").status_code == 422
    assert flag(client, abusive).status_code == 302
    assert flag(client, abusive, "Again").status_code == 422
    reasons = db.session.scalars(sa.select(Flag.reason)).all()
    assert reasons == ["Harassment"]
    assert "comment.flagged" in audit_actions()


def test_anonymous_cannot_flag(client, abusive):
    assert flag(client, abusive).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Flag)) == 0


def test_queue_is_for_moderators(client, auth, abusive, reader, moderator):
    auth.login("reader")
    flag(client, abusive, "Insulting")
    assert client.get("/moderation").status_code == 403
    as_user(auth, "moderator")
    html = client.get("/moderation").get_data(as_text=True)
    assert "Something nasty" in html and "Insulting" in html and "Reading Rita" in html


def test_queue_shows_where_each_comment_was_made_in_constant_queries(
    client, auth, commentable, volunteer, reader, moderator, create_comment, count_queries
):
    def flagged(count):
        for index in range(count):
            comment = create_comment(volunteer, commentable, body=f"Nasty {index}")
            as_user(auth, "reader")
            flag(client, comment, f"Reason {index}")
        as_user(auth, "moderator")
        with count_queries() as queries:
            html = client.get("/moderation").get_data(as_text=True)
        return html, len(queries)

    html, few = flagged(1)
    place = html.split('class="meta queue-place"')[1].split("</p>")[0]
    assert commentable.policy.title in place and f"Revision {commentable.number}" in place
    assert "English" in place and f"/revisions/{commentable.number}/clauses/" in place
    _, more = flagged(5)
    assert more == few


def test_hide_and_restore_with_reasons(client, auth, abusive, reader, moderator):
    auth.login("reader")
    flag(client, abusive)
    as_user(auth, "moderator")
    assert (
        client.post(f"/moderation/comments/{abusive.id}/hide", data={"reason": ""}).status_code
        == 422
    )
    assert reloaded(abusive).status is CommentStatus.PUBLISHED
    response = client.post(f"/moderation/comments/{abusive.id}/hide", data={"reason": "Abuse"})
    assert response.status_code == 302
    hidden = reloaded(abusive)
    assert hidden.status is CommentStatus.HIDDEN and hidden.hidden_reason == "Abuse"
    assert "Something nasty" not in client.get("/moderation").get_data(as_text=True)
    assert (
        client.post(
            f"/moderation/comments/{abusive.id}/restore", data={"reason": "Appeal upheld"}
        ).status_code
        == 302
    )
    assert reloaded(abusive).status is CommentStatus.PUBLISHED
    assert [a for a in audit_actions() if a.startswith("comment.")][-3:] == [
        "comment.flagged",
        "comment.hidden",
        "comment.restored",
    ]


def test_volunteers_cannot_hide(client, auth, abusive, reader):
    auth.login("reader")
    response = client.post(f"/moderation/comments/{abusive.id}/hide", data={"reason": "Mine"})
    assert response.status_code == 403
    assert reloaded(abusive).status is CommentStatus.PUBLISHED


@pytest.fixture
def hidden(client, auth, abusive, moderator):
    auth.login("moderator")
    client.post(f"/moderation/comments/{abusive.id}/hide", data={"reason": "Rude words"})
    auth.logout()
    return abusive


@pytest.mark.parametrize(
    "username, sees_text",
    [(None, False), ("reader", False), ("volunteer", True), ("moderator", True)],
)
def test_hidden_text_only_for_its_author_and_moderators(
    client, auth, hidden, reader, username, sees_text
):
    if username:
        auth.login(username)
    html = client.get(thread_path(_revision(hidden), hidden.clause_key)).get_data(as_text=True)
    assert ("Something nasty" in html) is sees_text
    assert ("hidden by a moderator" in html) is not sees_text
    if sees_text:
        assert "the moderators can read it. Reason: <bdi>Rude words</bdi>" in html
    single = client.get(f"/comments/{hidden.id}").get_data(as_text=True)
    assert ("Something nasty" in single) is sees_text
    policy_page = client.get("/policies/guidelines").get_data(as_text=True)
    assert "Something nasty" not in policy_page


def _revision(comment):
    from consult.policies.models import Revision

    return db.session.get(Revision, comment.revision_id)


def test_hidden_comment_cannot_be_replied_to_or_endorsed(client, auth, hidden, reader):
    auth.login("reader")
    assert (
        client.post(
            f"/comments/{hidden.id}/reply", data={"body": "Hi", "language": "en"}
        ).status_code
        == 403
    )
    assert client.post(f"/comments/{hidden.id}/endorse").status_code == 403
    assert comment_count() == 1


def test_block_and_unblock_an_account(client, auth, abusive, volunteer, moderator):
    auth.login("moderator")
    response = client.post(
        f"/moderation/users/{volunteer.id}/block",
        data={"reason": "Repeated abuse", "comment": abusive.id},
    )
    assert response.status_code == 302
    assert db.session.get(PostingBlock, volunteer.id).reason == "Repeated abuse"
    html = client.get(f"/moderation/comments/{abusive.id}").get_data(as_text=True)
    assert "blocked from posting" in html
    as_user(auth, "volunteer")
    path = thread_path(_revision(abusive), abusive.clause_key)
    assert client.post(path, data={"body": "Again", "language": "en"}).status_code == 403
    assert "blocked from posting" in client.get(path).get_data(as_text=True)
    as_user(auth, "moderator")
    client.post(f"/moderation/users/{volunteer.id}/unblock", data={"reason": "Apologised"})
    db.session.expire_all()
    assert db.session.get(PostingBlock, volunteer.id) is None
    as_user(auth, "volunteer")
    assert client.post(path, data={"body": "Sorry", "language": "en"}).status_code == 302
    assert {"user.blocked", "user.unblocked"} <= set(audit_actions())


def test_block_needs_a_reason_and_a_moderator(client, auth, abusive, volunteer, reader, moderator):
    auth.login("reader")
    assert (
        client.post(f"/moderation/users/{volunteer.id}/block", data={"reason": "x"}).status_code
        == 403
    )
    as_user(auth, "moderator")
    response = client.post(
        f"/moderation/users/{volunteer.id}/block", data={"reason": "", "comment": abusive.id}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="block-reason-error"' in html and "Please give a reason." in html
    bare = client.post(f"/moderation/users/{volunteer.id}/block", data={"reason": " "})
    assert bare.status_code == 422 and "Please give a reason." in bare.get_data(as_text=True)
    assert db.session.get(PostingBlock, volunteer.id) is None


def test_a_moderator_cannot_block_their_own_account(client, auth, moderator):
    auth.login("moderator")
    response = client.post(f"/moderation/users/{moderator.id}/block", data={"reason": "Test"})
    assert response.status_code == 403
    assert db.session.get(PostingBlock, moderator.id) is None


def test_moderators_see_earlier_versions_and_deleted_text(
    client, auth, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(volunteer, commentable, body="Original words")
    auth.login("volunteer")
    client.post(f"/comments/{comment.id}/edit", data={"body": "Softer words", "language": "en"})
    client.post(f"/comments/{comment.id}/delete")
    as_user(auth, "moderator")
    html = client.get(f"/moderation/comments/{comment.id}").get_data(as_text=True)
    assert "Original words" in html and "Softer words" in html and "deleted by its author" in html


def test_dismissing_flags_empties_the_queue(client, auth, abusive, reader, moderator):
    auth.login("reader")
    flag(client, abusive)
    as_user(auth, "moderator")
    client.post(f"/moderation/comments/{abusive.id}/dismiss", data={"reason": "Fair comment"})
    assert "Something nasty" not in client.get("/moderation").get_data(as_text=True)
    assert reloaded(abusive).status is CommentStatus.PUBLISHED
    assert "comment.flags_dismissed" in audit_actions()


def test_audit_log_shows_moderation_to_staff(client, auth, hidden, staff):
    auth.login("staff")
    html = client.get("/audit").get_data(as_text=True)
    assert "comment.hidden" in html
