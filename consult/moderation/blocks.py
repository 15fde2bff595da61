"""Blocking an account from posting (it can still sign in and read)."""

from consult.accounts.models import User
from consult.audit.services import record
from consult.extensions import db
from consult.moderation.models import PostingBlock


def is_blocked(user: User) -> bool:
    return db.session.get(PostingBlock, user.id) is not None


def block(moderator: User, user: User, reason: str) -> PostingBlock:
    existing = db.session.get(PostingBlock, user.id)
    if existing is not None:
        return existing
    posting_block = PostingBlock(user_id=user.id, reason=reason.strip(), blocked_by_id=moderator.id)
    db.session.add(posting_block)
    db.session.flush()
    record(moderator, "user.blocked", user, user.username, reason=reason.strip())
    return posting_block


def unblock(moderator: User, user: User, reason: str) -> None:
    existing = db.session.get(PostingBlock, user.id)
    if existing is None:
        return
    db.session.delete(existing)
    db.session.flush()
    record(moderator, "user.unblocked", user, user.username, reason=reason.strip())
