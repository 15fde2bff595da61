"""Acceptance 1: with COMMENT_AUTO_HIDE_FLAGS=N a comment hides itself after N distinct flags."""

import pytest

from consult.comments.flags import flag_comment
from consult.comments.models import CommentStatus
from consult.extensions import db
from tests.comments.helpers import audit_actions, reloaded


@pytest.fixture
def app_config(app_config):
    return {**app_config, "COMMENT_AUTO_HIDE_FLAGS": 2}


def test_hidden_after_two_distinct_flags(commentable, volunteer, create_user, create_comment):
    comment = create_comment(volunteer, commentable, body="Spam spam spam")
    first, second = create_user("first"), create_user("second")
    flag_comment(first, comment, "Spam")
    db.session.commit()
    assert reloaded(comment).status is CommentStatus.PUBLISHED
    flag_comment(second, reloaded(comment), "Spam too")
    db.session.commit()
    assert reloaded(comment).status is CommentStatus.HIDDEN
    assert "comment.auto_hidden" in audit_actions()
