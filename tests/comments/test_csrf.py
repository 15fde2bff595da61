"""With CSRF protection on (as in production), every comment and moderation POST needs the token."""

import pytest

from tests.accounts.helpers import csrf_token
from tests.comment_factories import clause_of
from tests.comments.helpers import comment_count, reloaded, thread_path

PASSWORD = "correct horse battery"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


def sign_in(client, username: str) -> None:
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": PASSWORD,
            "csrf_token": csrf_token(client, "/login"),
        },
    )
    assert response.status_code == 302


def test_comment_posts_need_the_token(client, commentable, volunteer, moderator, create_comment):
    other = create_comment(moderator, commentable)
    sign_in(client, "volunteer")
    path = thread_path(commentable, clause_of(commentable).key)
    refused = [
        client.post(path, data={"body": "Hi", "language": "en"}),
        client.post(f"/comments/{other.id}/reply", data={"body": "Hi", "language": "en"}),
        client.post(f"/comments/{other.id}/endorse"),
        client.post(f"/comments/{other.id}/flag", data={"reason": "x"}),
    ]
    assert {r.status_code for r in refused} == {400}
    assert comment_count() == 1 and reloaded(other).endorsement_count == 0
    token = csrf_token(client, path)
    accepted = client.post(path, data={"body": "Hi", "language": "en", "csrf_token": token})
    assert accepted.status_code == 302 and comment_count() == 2


def test_moderation_posts_need_the_token(client, commentable, volunteer, moderator, create_comment):
    comment = create_comment(volunteer, commentable)
    sign_in(client, "moderator")
    assert (
        client.post(f"/moderation/comments/{comment.id}/hide", data={"reason": "x"}).status_code
        == 400
    )
    assert (
        client.post(f"/moderation/users/{volunteer.id}/block", data={"reason": "x"}).status_code
        == 400
    )
    assert not reloaded(comment).is_hidden
