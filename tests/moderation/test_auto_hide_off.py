"""By default (COMMENT_AUTO_HIDE_FLAGS=0) flags never hide a comment by themselves."""

from consult.comments.flags import flag_comment
from consult.comments.models import CommentStatus
from consult.extensions import db
from tests.comments.helpers import reloaded


def test_flags_alone_never_hide_by_default(commentable, volunteer, create_user, create_comment):
    comment = create_comment(volunteer, commentable)
    for name in ("alpha", "bravo", "charlie", "delta", "echo"):
        flag_comment(create_user(name), reloaded(comment), "Spam")
        db.session.commit()
    assert reloaded(comment).status is CommentStatus.PUBLISHED
