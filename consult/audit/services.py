"""Recording and listing audit events."""

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.extensions import db


def record(actor: Any, action: str, target: Any, label: str = "", **details: Any) -> AuditEvent:
    """Add an event for `target` (any model with an `id`) in the current transaction;
    `actor` is the User who acted, or None for the system."""
    event = AuditEvent(
        actor=actor,
        action=action,
        target_type=type(target).__tablename__,
        target_id=str(target.id),
        target_label=label,
        details=details,
    )
    db.session.add(event)
    db.session.flush()
    return event


def record_many(
    actor: Any, action: str, target_type: str, events: Iterable[tuple[Any, str, dict]]
) -> int:
    """One event per (target id, label, details), in one statement: a staff action on
    thousands of rows is audited row by row without a flush per row. Returns the count."""
    rows = [
        dict(
            actor_id=actor.id if actor else None,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            target_label=label,
            details=details,
        )
        for target_id, label, details in events
    ]
    if rows:
        db.session.execute(sa.insert(AuditEvent), rows)
    return len(rows)


def recent_events(page: int, per_page: int, action: str | None = None):
    query = sa.select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action == action)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def known_actions() -> list[str]:
    return list(
        db.session.scalars(sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )


def events_about(target: Any) -> list[AuditEvent]:
    """Everything recorded about one object, oldest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(
                AuditEvent.target_type == type(target).__tablename__,
                AuditEvent.target_id == str(target.id),
            )
            .order_by(AuditEvent.created_at, AuditEvent.id)
        )
    )
