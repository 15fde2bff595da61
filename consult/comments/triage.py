"""Staff triage: what became of each comment (its disposition and the public response)
and staff's own record of it (an internal note, an assignee).

Every action applies to a selection — the ids a query yields, one comment or every
comment matching the triage filters — changes only the comments it really changes,
and audits each of them. Nothing commits here.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import aliased

from consult.accounts.models import User
from consult.audit.services import record, record_many
from consult.comments.errors import CommentCode, CommentError, CommentForbidden
from consult.comments.models import ADDRESSING, Comment, CommentTriage, Disposition
from consult.extensions import db
from consult.permissions import Role
from consult.policies.models import Clause, Policy, Revision, RevisionState
from consult.types import utcnow

CHUNK = 500


@dataclass(frozen=True)
class Decision:
    """A disposition to give; a duplicate names the earlier comment it repeats."""

    disposition: Disposition
    original_id: int | None = None


@dataclass(frozen=True)
class Target:
    """What an action needs to know of one selected comment."""

    id: int
    clause_key: str
    revision_number: int
    disposition: Disposition
    original_id: int | None
    addressed_revision_id: int | None


def require_staff(actor: User) -> None:
    if not actor.is_staff:
        raise CommentForbidden(CommentCode.NOT_STAFF)


def chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def targets(selection: sa.Select) -> list[Target]:
    """The selected comments (`selection` yields their ids), oldest first."""
    rows = db.session.execute(
        sa.select(
            Comment.id,
            Comment.clause_key,
            Revision.number,
            Comment.disposition,
            Comment.duplicate_of_id,
            Comment.addressed_revision_id,
        )
        .join(Revision, Revision.id == Comment.revision_id)
        .where(Comment.id.in_(selection))
        .order_by(Comment.id)
    )
    return [Target(*row) for row in rows]


def require_selection(found: list) -> None:
    if not found:
        raise CommentError(CommentCode.NOTHING_SELECTED)


# --- Dispositions ---------------------------------------------------------------------


def clause_states(policy: Policy) -> tuple[list[tuple[int, int]], dict[str, dict[int, str]]]:
    """The policy's published revisions (number, id) in order, and per clause key its hash
    in each revision that has it (one query)."""
    rows = db.session.execute(
        sa.select(Revision.number, Revision.id, Clause.key, Clause.hash)
        .outerjoin(Clause, Clause.revision_id == Revision.id)
        .where(Revision.policy_id == policy.id, Revision.state == RevisionState.PUBLISHED)
        .order_by(Revision.number)
    )
    revisions: dict[int, int] = {}
    hashes: dict[str, dict[int, str]] = defaultdict(dict)
    for number, revision_id, key, clause_hash in rows:
        revisions[number] = revision_id
        if key is not None:
            hashes[key][number] = clause_hash
    return list(revisions.items()), hashes


def last_change(texts: list[str | None]) -> int | None:
    """The index of the last text that differs from the one before it, provided the last
    text differs from the first (a clause changed and then restored was not changed)."""
    if len(texts) < 2 or texts[-1] == texts[0]:
        return None
    return max(i for i in range(1, len(texts)) if texts[i] != texts[i - 1])


def addressing_revision(target: Target, states) -> int | None:
    """The id of the published revision that last changed the target's clause since the
    revision it was commented on, if the clause reads differently now (None: unchanged)."""
    revisions, hashes = states
    later = [(number, rid) for number, rid in revisions if number >= target.revision_number]
    texts = [hashes.get(target.clause_key, {}).get(number) for number, _rid in later]
    index = last_change(texts)
    return None if index is None else later[index][1]


def addressed_after(target: Target, disposition: Disposition, states) -> int | None:
    if disposition not in ADDRESSING:
        return None
    if target.disposition in ADDRESSING and target.addressed_revision_id is not None:
        return target.addressed_revision_id  # accepted → partly accepted keeps its revision
    return addressing_revision(target, states)


def require_original(policy: Policy, decision: Decision, found: list[Target]) -> None:
    if decision.disposition is not Disposition.DUPLICATE:
        return
    if decision.original_id is None:
        raise CommentError(CommentCode.ORIGINAL_REQUIRED)
    original = db.session.get(Comment, decision.original_id)
    # Earlier than every duplicate: no cycles, and a backup restores originals first.
    if original is None or original.policy_id != policy.id or original.id >= found[0].id:
        raise CommentError(CommentCode.ORIGINAL_NOT_EARLIER, original=decision.original_id)


def decide(actor: User, policy: Policy, selection: sa.Select, decision: Decision) -> int:
    """Give the selected comments a disposition; returns how many changed."""
    require_staff(actor)
    found = targets(selection)
    require_selection(found)
    require_original(policy, decision, found)
    original = decision.original_id if decision.disposition is Disposition.DUPLICATE else None
    states = clause_states(policy)
    changes: dict[int | None, list[Target]] = defaultdict(list)
    for target in found:
        if (target.disposition, target.original_id) != (decision.disposition, original):
            changes[addressed_after(target, decision.disposition, states)].append(target)
    now = utcnow()
    for addressed, changed in changes.items():
        for ids in chunks([target.id for target in changed]):
            db.session.execute(
                sa.update(Comment)
                .where(Comment.id.in_(ids))
                .values(
                    disposition=decision.disposition,
                    duplicate_of_id=original,
                    addressed_revision_id=addressed,
                    disposed_at=now,
                ),
                execution_options={"synchronize_session": False},
            )
    return audit_decisions(actor, decision.disposition, original, changes)


def audit_decisions(actor, disposition, original, changes) -> int:
    events = (
        (
            target.id,
            target.clause_key,
            {"from": target.disposition, "to": disposition, "duplicate_of": original},
        )
        for changed in changes.values()
        for target in changed
    )
    count = record_many(actor, "comment.disposition_set", Comment.__tablename__, events)
    db.session.expire_all()
    return count


def mark_addressed(revision: Revision, **_details) -> None:
    """On publication: accepted comments whose clause now reads differently from the text
    they commented on were addressed by this revision (one UPDATE)."""
    commented, now = aliased(Clause), aliased(Clause)
    same_text = (
        sa.select(now.id)
        .join(commented, commented.id == Comment.clause_id)
        .where(
            now.revision_id == revision.id,
            now.key == Comment.clause_key,
            now.hash == commented.hash,
        )
        .exists()
    )
    db.session.execute(
        sa.update(Comment)
        .where(
            Comment.policy_id == revision.policy_id,
            Comment.revision_id != revision.id,
            Comment.disposition.in_(ADDRESSING),
            Comment.addressed_revision_id.is_(None),
            ~same_text,
        )
        .values(addressed_revision_id=revision.id),
        execution_options={"synchronize_session": False},
    )


# --- Responses --------------------------------------------------------------------------


def checked_response(text: str | None) -> str | None:
    text = (text or "").strip()
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if len(text) > limit:
        raise CommentError(CommentCode.TOO_LONG, length=len(text), limit=limit)
    return text or None


def responder_role(actor: User) -> Role:
    return Role.ADMIN if Role.ADMIN in actor.roles else Role.STAFF


def respond(actor: User, selection: sa.Select, text: str | None) -> int:
    """Answer the selected comments publicly (an empty text withdraws the answer)."""
    require_staff(actor)
    response = checked_response(text)
    rows = db.session.execute(
        sa.select(Comment.id, Comment.clause_key, Comment.response)
        .where(Comment.id.in_(selection))
        .order_by(Comment.id)
    ).all()
    require_selection(rows)
    rows = [row for row in rows if row.response != response]
    answered = response is not None
    values = dict(
        response=response,
        responded_at=utcnow() if answered else None,
        responder_id=actor.id if answered else None,
        responder_role=responder_role(actor) if answered else None,
    )
    for ids in chunks([row.id for row in rows]):
        db.session.execute(
            sa.update(Comment).where(Comment.id.in_(ids)).values(**values),
            execution_options={"synchronize_session": False},
        )
    events = ((row.id, row.clause_key, {"response": response}) for row in rows)
    count = record_many(actor, "comment.response_set", Comment.__tablename__, events)
    db.session.expire_all()
    return count


# --- Staff's own record: assignee and note ----------------------------------------------


def require_assignable(assignee: User | None) -> None:
    if assignee is not None and not assignee.is_staff:
        raise CommentError(CommentCode.ASSIGNEE_NOT_STAFF)


def records_of(ids: Iterable[int]) -> dict[int, CommentTriage]:
    ids = list(ids)
    found: dict[int, CommentTriage] = {}
    for part in chunks(ids):
        rows = db.session.scalars(
            sa.select(CommentTriage).where(CommentTriage.comment_id.in_(part))
        )
        found.update({row.comment_id: row for row in rows})
    return found


def record_for(comment_id: int, existing: dict[int, CommentTriage], actor: User) -> CommentTriage:
    row = existing.get(comment_id)
    if row is None:
        row = CommentTriage(comment_id=comment_id, note="")
        db.session.add(row)
    row.updated_by_id = actor.id
    return row


def assign(actor: User, selection: sa.Select, assignee: User | None) -> int:
    """Give the selected comments to a staff account (None: to nobody)."""
    require_staff(actor)
    require_assignable(assignee)
    found = targets(selection)
    require_selection(found)
    existing = records_of(target.id for target in found)
    wanted = assignee.id if assignee else None
    changed = [
        t for t in found if (existing[t.id].assignee_id if t.id in existing else None) != wanted
    ]
    for target in changed:
        record_for(target.id, existing, actor).assignee_id = wanted
    db.session.flush()
    details = {"assignee": assignee.username if assignee else None}
    events = ((target.id, target.clause_key, details) for target in changed)
    return record_many(actor, "comment.assigned", Comment.__tablename__, events)


def annotate(actor: User, comment: Comment, note: str | None) -> bool:
    """Set the comment's internal note, which only staff read; True when it changed."""
    require_staff(actor)
    note = (note or "").strip()
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if len(note) > limit:
        raise CommentError(CommentCode.TOO_LONG, length=len(note), limit=limit)
    existing = records_of([comment.id])
    if (existing[comment.id].note if comment.id in existing else "") == note:
        return False
    record_for(comment.id, existing, actor).note = note
    db.session.flush()
    record(actor, "comment.note_set", comment, comment.clause_key, note=note)
    return True


def triage_record(comment: Comment) -> CommentTriage | None:
    return db.session.get(CommentTriage, comment.id)


# --- Several changes at once --------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """What one triage action changes; None (or `assign` False) keeps a value as it is."""

    decision: Decision | None = None
    assign: bool = False
    assignee: User | None = None
    response: str | None = None


def apply(actor: User, policy: Policy, selection: sa.Select, changes: Changes) -> int:
    """Apply `changes` to the selected comments; returns the number of changes made."""
    if changes.decision is None and not changes.assign and changes.response is None:
        raise CommentError(CommentCode.NO_CHANGE_CHOSEN)
    made = 0
    if changes.decision is not None:
        made += decide(actor, policy, selection, changes.decision)
    if changes.assign:
        made += assign(actor, selection, changes.assignee)
    if changes.response is not None:
        made += respond(actor, selection, changes.response)
    return made
