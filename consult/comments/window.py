"""The consultation window: when a revision takes comments.

A policy has one window, which applies to its latest published revision; a
revision may have its own, which overrides the policy's (so an earlier
revision can be reopened, or the latest one given different dates).

New comments go on a revision whose window is open. A conversation about a
clause follows its key: the comments already made on an earlier revision take
replies and endorsements while the latest revision still holding the clause is
open (`conversation_window`).
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.errors import CommentCode, CommentError, CommentForbidden
from consult.comments.models import ConsultationWindow
from consult.extensions import db
from consult.policies.models import Policy, Revision, RevisionState
from consult.policies.services import find_clause, latest_revision
from consult.types import utcnow


@dataclass(frozen=True)
class WindowState:
    """The window that governs a revision, and whether it is open now."""

    opens_at: datetime | None
    closes_at: datetime | None
    is_open: bool
    own: bool

    @property
    def not_yet_open(self) -> bool:
        return (
            self.opens_at is not None
            and not self.is_open
            and (self.closes_at is None or utcnow() < self.closes_at)
        )


CLOSED = WindowState(None, None, False, False)


def stored_window(policy: Policy, revision: Revision | None) -> ConsultationWindow | None:
    revision_test = (
        ConsultationWindow.revision_id.is_(None)
        if revision is None
        else ConsultationWindow.revision_id == revision.id
    )
    return db.session.scalar(
        sa.select(ConsultationWindow)
        .where(ConsultationWindow.policy_id == policy.id, revision_test)
        .limit(1)
    )


def latest_published_number(policy: Policy) -> int | None:
    return db.session.scalar(
        sa.select(sa.func.max(Revision.number)).where(
            Revision.policy_id == policy.id, Revision.state == RevisionState.PUBLISHED
        )
    )


def windows_of(revision: Revision) -> dict[int | None, ConsultationWindow]:
    rows = db.session.scalars(
        sa.select(ConsultationWindow).where(
            ConsultationWindow.policy_id == revision.policy_id,
            sa.or_(
                ConsultationWindow.revision_id.is_(None),
                ConsultationWindow.revision_id == revision.id,
            ),
        )
    )
    return {row.revision_id: row for row in rows}


def window_state(revision: Revision, now: datetime | None = None) -> WindowState:
    """Two queries: the windows that may apply, and which revision is the latest."""
    if not revision.is_published:
        return CLOSED
    windows = windows_of(revision)
    window, own = windows.get(revision.id), True
    if window is None:
        window, own = windows.get(None), False
        if window is None or latest_published_number(revision.policy) != revision.number:
            return CLOSED
    return WindowState(window.opens_at, window.closes_at, window.is_open(now or utcnow()), own)


def conversation_window(
    revision: Revision, key: str, state: WindowState | None = None
) -> tuple[Revision, WindowState]:
    """The revision whose window governs writes on the comments made on `revision` about
    clause `key`, and its state: `revision` itself while open (or when it is the latest);
    otherwise the latest published revision, if the clause is still in it."""
    state = state or window_state(revision)
    if state.is_open:
        return revision, state
    latest = latest_revision(revision.policy)
    if latest is None or latest.id == revision.id or find_clause(latest, key) is None:
        return revision, state
    return latest, window_state(latest)


def require_open(revision: Revision, state: WindowState | None = None) -> None:
    """Refuse any write on `revision` unless its window (`state`, when the caller has
    it already) is open now."""
    if not revision.is_published:
        raise CommentForbidden(CommentCode.NOT_PUBLISHED)
    state = state or window_state(revision)
    if state.is_open:
        return
    if state.opens_at is None:
        raise CommentForbidden(closed_reason(revision))
    if state.not_yet_open:
        raise CommentForbidden(CommentCode.WINDOW_NOT_OPEN, opens=state.opens_at)
    raise CommentForbidden(CommentCode.WINDOW_CLOSED, closes=state.closes_at)


def closed_reason(revision: Revision) -> CommentCode:
    if latest_published_number(revision.policy) != revision.number:
        return CommentCode.SUPERSEDED
    return CommentCode.WINDOW_NOT_SET


def set_window(
    actor: User,
    policy: Policy,
    revision: Revision | None,
    opens_at: datetime | None,
    closes_at: datetime | None,
) -> ConsultationWindow:
    if opens_at and closes_at and closes_at <= opens_at:
        raise CommentError(CommentCode.WINDOW_ORDER)
    window = stored_window(policy, revision)
    if window is None:
        window = ConsultationWindow(
            policy_id=policy.id, revision_id=revision.id if revision else None
        )
        db.session.add(window)
    window.opens_at, window.closes_at, window.updated_by_id = opens_at, closes_at, actor.id
    db.session.flush()
    record(
        actor,
        "consultation.window_set",
        policy,
        policy.slug,
        revision=revision.number if revision else None,
        opens_at=opens_at.isoformat() if opens_at else None,
        closes_at=closes_at.isoformat() if closes_at else None,
    )
    return window


def clear_revision_window(actor: User, policy: Policy, revision: Revision) -> None:
    window = stored_window(policy, revision)
    if window is not None:
        db.session.delete(window)
        db.session.flush()
        record(actor, "consultation.window_cleared", policy, policy.slug, revision=revision.number)
