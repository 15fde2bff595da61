"""A counter per policy that moves whenever anything the triage page counts changes: a
comment (posted, edited, hidden, deleted, dispositioned), a flag, a staff record, an
adopted wording. The report and the statistics page (consult/comments/rendered.py) are
kept by it too, and they show people's names and badges beside responses and adopted
wordings: a changed name or role moves every policy's counter (rare, and cheap).

The triage page's counts are aggregates over every comment of a policy; kept per
(policy, generation), a warm page reads one small row instead of scanning a hundred
thousand comments, and the first page after any change counts afresh. The counter is
moved in the same transaction as the change, by session events, so no service can forget
it; a bulk INSERT, UPDATE or DELETE through the session moves every policy's counter.
"""

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from consult.accounts.models import User, UserRole
from consult.comments.models import Comment, CommentAdoption, CommentTriage, Flag
from consult.extensions import db, dialect_insert
from consult.policies.models import Policy

PENDING = "consult.comments.changed_policies"
COUNTED = (Comment, Flag, CommentTriage, CommentAdoption)
BY_COMMENT = Flag | CommentTriage | CommentAdoption
EVERY_POLICY = "every policy"
COUNTED_TABLES = frozenset(model.__table__ for model in COUNTED)
# On a bulk statement that changes nothing the page counts (an endorsement count).
UNCOUNTED_OPTION = "consult_triage_uncounted"
UNCOUNTED = {UNCOUNTED_OPTION: True}


class CommentGeneration(db.Model):
    __tablename__ = "comment_generations"

    policy_id: Mapped[int] = mapped_column(
        sa.ForeignKey("policies.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[int] = mapped_column(default=0)


def generation_of(policy_id: int) -> int:
    value = db.session.scalar(
        sa.select(CommentGeneration.value).where(CommentGeneration.policy_id == policy_id)
    )
    return value or 0


def policies_touched(session: Session) -> set[int]:
    """The policies of the counted rows this flush writes."""
    changed = [*session.new, *session.dirty, *session.deleted]
    policies = {obj.policy_id for obj in changed if isinstance(obj, Comment)}
    comment_ids = {obj.comment_id for obj in changed if isinstance(obj, BY_COMMENT)}
    if comment_ids:
        with session.no_autoflush:
            found = session.scalars(sa.select(Comment.policy_id).where(Comment.id.in_(comment_ids)))
            policies.update(found)
    return {policy for policy in policies if policy is not None}


def people_changed(session: Session) -> bool:
    """Whether this flush changes a name or a role the kept pages may show."""
    roles = (obj for obj in [*session.new, *session.deleted] if isinstance(obj, UserRole))
    renamed = (
        obj
        for obj in session.dirty
        if isinstance(obj, User) and sa.inspect(obj).attrs.display_name.history.has_changes()
    )
    return any(roles) or any(renamed)


def remember_touched(session: Session, _context, _instances) -> None:
    pending = session.info.setdefault(PENDING, set())
    pending.update(policies_touched(session))
    if people_changed(session):
        pending.add(EVERY_POLICY)


def advance_touched(session: Session, _context) -> None:
    policies = session.info.pop(PENDING, set())
    if EVERY_POLICY in policies:
        advance_every_policy(session.connection().execute)
        policies.discard(EVERY_POLICY)
    if policies:
        advance(session.connection(), policies)


def advance_every_policy(execute) -> None:
    """Every policy's counter moves, a policy without one yet included (a bulk insert may
    write a policy's first comments)."""
    table = CommentGeneration.__table__
    missing = sa.select(Policy.id, sa.literal(0)).where(
        Policy.id.not_in(sa.select(table.c.policy_id))
    )
    execute(sa.insert(table).from_select(["policy_id", "value"], missing))
    execute(sa.update(table).values(value=table.c.value + 1))


def advance(connection: sa.Connection, policy_ids: Iterable[int]) -> None:
    insert = dialect_insert(CommentGeneration.__table__, connection.dialect.name)
    statement = insert.on_conflict_do_update(
        index_elements=["policy_id"],
        set_={"value": CommentGeneration.__table__.c.value + 1},
    )
    connection.execute(statement, [{"policy_id": p, "value": 1} for p in sorted(policy_ids)])


def advance_all_after_bulk(state) -> None:
    """A bulk INSERT, UPDATE or DELETE of counted rows names no objects: every counter
    moves."""
    writes = state.is_insert or state.is_update or state.is_delete
    if not writes or state.execution_options.get(UNCOUNTED_OPTION):
        return
    if state.statement.table in COUNTED_TABLES:
        advance_every_policy(state.session.execute)


def listen() -> None:
    """Once per process: the listeners are on every session."""
    if not event.contains(Session, "before_flush", remember_touched):
        event.listen(Session, "before_flush", remember_touched)
        event.listen(Session, "after_flush", advance_touched)
        event.listen(Session, "do_orm_execute", advance_all_after_bulk)
