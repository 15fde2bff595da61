"""Blocking an account from posting (it can still sign in and read)."""

from consult.accounts.models import Role, User
from consult.audit.services import record
from consult.comments.errors import CommentForbidden
from consult.extensions import db
from consult.moderation.errors import ModerationCode
from consult.moderation.models import PostingBlock


def may_moderate(moderator: User, author: User | None) -> bool:
    """Admins answer to admins only, so a moderator cannot silence the people who appoint them."""
    return author is None or not author.has_role(Role.ADMIN) or moderator.has_role(Role.ADMIN)


def require_may_moderate(moderator: User, author: User | None) -> None:
    if not may_moderate(moderator, author):
        raise CommentForbidden(ModerationCode.ADMIN_PROTECTED)


def is_blocked(user: User) -> bool:
    return db.session.get(PostingBlock, user.id) is not None


def block(moderator: User, user: User, reason: str) -> PostingBlock:
    require_may_moderate(moderator, user)
    existing = db.session.get(PostingBlock, user.id)
    if existing is not None:
        return existing
    posting_block = PostingBlock(user_id=user.id, reason=reason.strip(), blocked_by_id=moderator.id)
    db.session.add(posting_block)
    db.session.flush()
    record(moderator, "user.blocked", user, user.username, reason=reason.strip())
    return posting_block


def unblock(moderator: User, user: User, reason: str) -> None:
    require_may_moderate(moderator, user)
    existing = db.session.get(PostingBlock, user.id)
    if existing is None:
        return
    db.session.delete(existing)
    db.session.flush()
    record(moderator, "user.unblocked", user, user.username, reason=reason.strip())
