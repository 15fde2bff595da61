"""Small helpers the comment and moderation tests share."""

from datetime import timedelta

import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.models import Comment
from consult.comments.window import set_window
from consult.extensions import db
from consult.types import utcnow


def thread_path(revision, key: str, **params) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    path = f"/policies/{revision.policy.slug}/revisions/{revision.number}/clauses/{key}/comments"
    return path + (f"?{query}" if query else "")


def comment_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Comment))


def reloaded(comment: Comment) -> Comment:
    db.session.expire_all()
    return db.session.get(Comment, comment.id)


def audit_actions() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))


def move_window(staff, revision, when: str) -> None:
    """Put the policy's window entirely in the future ('before') or the past ('after')."""
    now = utcnow()
    opens, closes = (
        (now + timedelta(days=1), now + timedelta(days=2))
        if when == "before"
        else (now - timedelta(days=2), now - timedelta(days=1))
    )
    set_window(staff, revision.policy, None, opens, closes)
    db.session.commit()


def age(comment: Comment, minutes: int) -> None:
    """Pretend the comment was posted `minutes` ago."""
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id == comment.id)
        .values(created_at=utcnow() - timedelta(minutes=minutes))
    )
    db.session.commit()
