"""The ORM refuses to flush any change to a published revision or its clauses.

Services check first and give a clear message; this hook catches every other
code path, and database triggers (see the migrations) catch raw SQL.
"""

import sqlalchemy as sa
from sqlalchemy.orm import Session

from consult.policies.errors import RevisionLocked
from consult.policies.models import Clause, Revision, RevisionState


def stored_state(session: Session, revision_id: int | None) -> RevisionState | None:
    """The state in the database: unflushed changes (even to `state` itself) don't count."""
    if revision_id is None:
        return None
    with session.no_autoflush:
        return session.scalar(sa.select(Revision.state).where(Revision.id == revision_id))


def clause_revision_ids(clause: Clause) -> set[int | None]:
    """The revision a clause belongs to now, and the one it belonged to before this flush."""
    history = sa.inspect(clause).attrs.revision_id.history
    current = clause.revision.id if clause.revision is not None else clause.revision_id
    return {current, *history.deleted}


def changed(session: Session, obj: object) -> bool:
    return (
        obj in session.new
        or obj in session.deleted
        or session.is_modified(obj, include_collections=False)
    )


def locked_revision_ids(session: Session, obj: object) -> set[int | None]:
    if isinstance(obj, Revision) and obj not in session.new:
        return {obj.id}
    if isinstance(obj, Clause):
        return clause_revision_ids(obj)
    return set()


def refuse_published_changes(session: Session, _context, _instances) -> None:
    for obj in [*session.dirty, *session.deleted, *session.new]:
        if not changed(session, obj):
            continue
        for revision_id in locked_revision_ids(session, obj):
            if stored_state(session, revision_id) == RevisionState.PUBLISHED:
                raise RevisionLocked(revision_id=revision_id)


def install() -> None:
    if not sa.event.contains(Session, "before_flush", refuse_published_changes):
        sa.event.listen(Session, "before_flush", refuse_published_changes)
