"""Admins answer to admins: a moderator can neither hide an admin's comment nor block (or
unblock) an admin; another admin can. Everyone else's comments stay within a moderator's reach."""

import pytest

from consult.accounts.models import Role
from consult.comments.errors import CommentForbidden
from consult.extensions import db
from consult.moderation.blocks import block, is_blocked
from consult.moderation.services import hide
from tests.comments.helpers import reloaded


@pytest.fixture
def admins_comment(commentable, admin, create_comment):
    return create_comment(admin, commentable, body="The admin speaks.")


@pytest.fixture
def second_admin(create_user):
    return create_user("root", roles=(Role.ADMIN,), display_name="Second Admin")


def moderate(client, comment, admin) -> list[int]:
    posts = [
        (f"/moderation/comments/{comment.id}/hide", {"reason": "Rude"}),
        (f"/moderation/users/{admin.id}/block", {"reason": "Rude"}),
        (f"/moderation/users/{admin.id}/unblock", {"reason": "Rude"}),
    ]
    return [client.post(path, data=data).status_code for path, data in posts]


def test_a_moderator_cannot_hide_or_block_an_admin(client, auth, admins_comment, admin, moderator):
    auth.login("moderator")
    page = client.get(f"/moderation/comments/{admins_comment.id}").get_data(as_text=True)
    assert "Only an administrator can" in page
    assert f"/moderation/users/{admin.id}/block" not in page
    assert f"/moderation/comments/{admins_comment.id}/hide" not in page
    assert moderate(client, admins_comment, admin) == [403, 403, 403]
    assert not reloaded(admins_comment).is_hidden and not is_blocked(admin)
    with pytest.raises(CommentForbidden):
        hide(moderator, admins_comment, "Rude")
    with pytest.raises(CommentForbidden):
        block(moderator, admin, "Rude")


def test_another_admin_can(client, auth, admins_comment, admin, moderator, second_admin):
    auth.login("root")
    assert moderate(client, admins_comment, admin) == [302, 302, 302]
    assert reloaded(admins_comment).is_hidden


def test_a_moderator_still_dismisses_flags_on_an_admins_comment(
    client, auth, admins_comment, moderator
):
    auth.login("moderator")
    response = client.post(
        f"/moderation/comments/{admins_comment.id}/dismiss", data={"reason": "Fine"}
    )
    assert response.status_code == 302


def test_a_moderator_still_hides_and_blocks_other_accounts(
    client, auth, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(volunteer, commentable)
    auth.login("moderator")
    assert moderate(client, comment, volunteer) == [302, 302, 302]
    client.post(f"/moderation/users/{volunteer.id}/block", data={"reason": "Spam"})
    db.session.expire_all()
    assert reloaded(comment).is_hidden and is_blocked(volunteer)
