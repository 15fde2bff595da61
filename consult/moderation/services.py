"""Flags, the moderators' queue, hiding and restoring comments."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import joinedload, lazyload

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.errors import CommentCode, CommentError, CommentForbidden
from consult.comments.flags import checked_reason
from consult.comments.models import Comment, CommentStatus, CommentVersion, Flag
from consult.comments.threads import WITH_AUTHOR
from consult.extensions import db
from consult.moderation.blocks import require_may_moderate
from consult.policies.models import Clause, Policy, Revision
from consult.types import utcnow


def open_flag_count(comment: Comment) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count(sa.distinct(Flag.user_id))).where(
                Flag.comment_id == comment.id, Flag.resolved_at.is_(None)
            )
        )
        or 0
    )


def hide_when_flagged_enough(comment: Comment) -> None:
    threshold = current_app.config["COMMENT_AUTO_HIDE_FLAGS"]
    if (
        threshold
        and comment.status is CommentStatus.PUBLISHED
        and open_flag_count(comment) >= threshold
    ):
        comment.status, comment.hidden_at, comment.hidden_by_id = (
            CommentStatus.HIDDEN,
            utcnow(),
            None,
        )
        comment.hidden_reason = f"{threshold}+ flags"
        db.session.flush()
        # The actor is nobody: the rule hid it, and a moderator reviews it in the queue.
        record(None, "comment.auto_hidden", comment, comment.clause_key, flags=threshold)


def resolve_flags(comment: Comment) -> None:
    db.session.execute(
        sa.update(Flag)
        .where(Flag.comment_id == comment.id, Flag.resolved_at.is_(None))
        .values(resolved_at=utcnow())
    )


def hide(moderator: User, comment: Comment, reason: str) -> Comment:
    require_may_moderate(moderator, comment.author)
    reason = checked_reason(reason)
    if comment.status is not CommentStatus.PUBLISHED:
        raise CommentForbidden(CommentCode.REMOVED)
    comment.status, comment.hidden_at = CommentStatus.HIDDEN, utcnow()
    comment.hidden_by_id, comment.hidden_reason = moderator.id, reason
    resolve_flags(comment)
    db.session.flush()
    record(moderator, "comment.hidden", comment, comment.clause_key, reason=reason)
    return comment


def restore(moderator: User, comment: Comment, reason: str) -> Comment:
    reason = checked_reason(reason)
    if comment.status is not CommentStatus.HIDDEN:
        raise CommentError(CommentCode.UNCHANGED)
    comment.status, comment.hidden_at = CommentStatus.PUBLISHED, None
    comment.hidden_by_id, comment.hidden_reason = None, None
    resolve_flags(comment)
    db.session.flush()
    record(moderator, "comment.restored", comment, comment.clause_key, reason=reason)
    return comment


def dismiss_flags(moderator: User, comment: Comment, reason: str) -> None:
    reason = checked_reason(reason)
    resolve_flags(comment)
    db.session.flush()
    record(moderator, "comment.flags_dismissed", comment, comment.clause_key, reason=reason)


@dataclass(frozen=True)
class QueueItem:
    comment: Comment
    flags: list[Flag]


def queue(page: int, per_page: int, include_hidden: bool):
    """Comments with open flags (and, on request, every hidden one), most flagged first."""
    open_flags = (
        sa.select(
            Flag.comment_id,
            sa.func.count().label("flags"),
            sa.func.min(Flag.created_at).label("first"),
        )
        .where(Flag.resolved_at.is_(None))
        .group_by(Flag.comment_id)
        .subquery()
    )
    query = (
        sa.select(Comment)
        .outerjoin(open_flags, open_flags.c.comment_id == Comment.id)
        .options(WITH_AUTHOR)
    )
    wanted = open_flags.c.flags.is_not(None)
    if include_hidden:
        wanted = sa.or_(wanted, Comment.status == CommentStatus.HIDDEN)
    query = query.where(wanted, Comment.status != CommentStatus.DELETED).order_by(
        sa.func.coalesce(open_flags.c.flags, 0).desc(), Comment.id.desc()
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def flags_by_comment(comments: list[Comment]) -> dict[int, list[Flag]]:
    ids = [comment.id for comment in comments]
    rows = db.session.scalars(
        sa.select(Flag)
        .where(Flag.comment_id.in_(ids))
        .options(
            joinedload(Flag.user).options(
                lazyload(User.role_grants), lazyload(User.language_grants)
            )
        )
        .order_by(Flag.created_at)
    )
    grouped: dict[int, list[Flag]] = {comment_id: [] for comment_id in ids}
    for flag in rows:
        grouped[flag.comment_id].append(flag)
    return grouped


@dataclass(frozen=True)
class CommentPlace:
    """Where a comment was made, so a moderator can judge it in context."""

    policy: Policy
    revision: Revision
    clause: Clause


def places_of(comments: list[Comment]) -> dict[int, CommentPlace]:
    """The policy, revision and clause of each comment, in one query for the whole page."""
    clause_ids = {comment.clause_id for comment in comments}
    rows = db.session.execute(
        sa.select(Clause, Revision, Policy)
        .join(Revision, Clause.revision_id == Revision.id)
        .join(Policy, Revision.policy_id == Policy.id)
        .where(Clause.id.in_(clause_ids))
    )
    by_clause = {
        clause.id: CommentPlace(policy, revision, clause) for clause, revision, policy in rows
    }
    return {comment.id: by_clause[comment.clause_id] for comment in comments}


def versions_of(comment: Comment) -> list[CommentVersion]:
    return list(
        db.session.scalars(
            sa.select(CommentVersion)
            .where(CommentVersion.comment_id == comment.id)
            .order_by(CommentVersion.replaced_at)
        )
    )
