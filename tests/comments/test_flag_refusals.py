"""Flagging is writing: a blocked account cannot flag, and a comment the public no longer
reads (hidden by a moderator, deleted by its author) cannot be flagged."""

import pytest
import sqlalchemy as sa

from consult.comments.errors import CommentForbidden
from consult.comments.flags import flag_comment
from consult.comments.models import Flag
from consult.comments.services import delete_comment
from consult.extensions import db
from consult.moderation.blocks import block
from consult.moderation.services import hide


@pytest.fixture
def comment(commentable, moderator, create_comment):
    return create_comment(moderator, commentable, body="Flag me, or not.")


def flag_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Flag))


def both_ways(client, comment) -> list:
    path = f"/comments/{comment.id}/flag"
    return [client.get(path), client.post(path, data={"reason": "Spam"})]


def test_a_blocked_account_cannot_flag(client, auth, comment, volunteer, moderator):
    block(moderator, volunteer, "Spam")
    db.session.commit()
    auth.login("volunteer")
    responses = both_ways(client, comment)
    assert [r.status_code for r in responses] == [403, 403]
    assert "blocked from posting" in responses[1].get_data(as_text=True)
    with pytest.raises(CommentForbidden):
        flag_comment(volunteer, comment, "Spam")
    assert flag_count() == 0


def test_an_unblocked_account_flags(client, auth, comment, volunteer):
    auth.login("volunteer")
    assert [r.status_code for r in both_ways(client, comment)] == [200, 302]
    assert flag_count() == 1


def test_a_hidden_comment_cannot_be_flagged(client, auth, comment, volunteer, moderator):
    hide(moderator, comment, "Off topic")
    db.session.commit()
    auth.login("volunteer")
    assert [r.status_code for r in both_ways(client, comment)] == [403, 403]
    with pytest.raises(CommentForbidden):
        flag_comment(volunteer, comment, "Spam")
    assert flag_count() == 0


def test_a_deleted_comment_cannot_be_flagged(client, auth, comment, volunteer, moderator):
    delete_comment(moderator, comment)
    db.session.commit()
    auth.login("volunteer")
    assert [r.status_code for r in both_ways(client, comment)] == [403, 403]
    assert flag_count() == 0
