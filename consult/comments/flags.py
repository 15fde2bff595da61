"""Flagging a comment: any signed-in reader tells the moderators it breaks the rules.

What a flag leads to (the queue, hiding after enough flags) is moderation's:
it hears of each flag through `comment_flagged`.
"""

import sqlalchemy as sa

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.errors import CommentCode, CommentError, CommentForbidden
from consult.comments.models import Comment, CommentStatus, Flag
from consult.extensions import db
from consult.signals import comment_flagged, is_writing_refused

REASON_LIMIT = 1000


def checked_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CommentError(CommentCode.REASON_REQUIRED)
    if len(reason) > REASON_LIMIT:
        raise CommentError(CommentCode.TOO_LONG, length=len(reason), limit=REASON_LIMIT)
    return reason


def require_flaggable(user: User, comment: Comment) -> None:
    """Flagging is writing (a blocked account cannot), about what the public reads (a hidden
    comment is already out of sight, a deleted one gone)."""
    if is_writing_refused(user):
        raise CommentForbidden(CommentCode.BLOCKED)
    if comment.status is not CommentStatus.PUBLISHED:
        raise CommentForbidden(CommentCode.REMOVED)


def flag_comment(user: User, comment: Comment, reason: str) -> Flag:
    require_flaggable(user, comment)
    reason = checked_reason(reason)
    if db.session.scalar(
        sa.select(Flag.id).where(Flag.comment_id == comment.id, Flag.user_id == user.id)
    ):
        raise CommentError(CommentCode.ALREADY_FLAGGED)
    flag = Flag(comment_id=comment.id, user_id=user.id, reason=reason)
    try:
        with db.session.begin_nested():
            db.session.add(flag)
    except sa.exc.IntegrityError as error:
        raise CommentError(CommentCode.ALREADY_FLAGGED) from error
    record(user, "comment.flagged", comment, comment.clause_key, reason=reason)
    comment_flagged.send(comment)
    return flag
