"""Editing a draft's clauses, with optimistic locking."""

from dataclasses import dataclass

from sqlalchemy.orm.exc import StaleDataError

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.extensions import db
from consult.policies.errors import InvalidEdit, PolicyCode, StaleEdit
from consult.policies.models import Clause, Revision
from consult.policies.services import (
    as_domain,
    get_clause,
    keys_ever_used,
    removed_clauses,
    require_draft,
)

MAX_LEVEL = 6


@dataclass(frozen=True)
class ClauseText:
    heading: str
    level: int
    body: str

    def checked(self) -> "ClauseText":
        heading = " ".join(self.heading.split())
        if self.level == 0 and heading:
            raise InvalidEdit(PolicyCode.PREAMBLE_HAS_NO_HEADING)
        if self.level != 0 and not heading:
            raise InvalidEdit(PolicyCode.HEADING_REQUIRED)
        if not 0 <= self.level <= MAX_LEVEL:
            raise InvalidEdit(PolicyCode.LEVEL_INVALID)
        return ClauseText(heading, self.level, self.body.replace("\r\n", "\n").strip("\n"))


def renumber(revision: Revision) -> None:
    """Positions and outline numbers follow the clause order after any structural edit."""
    numbered = drafts.number_clauses([as_domain(c) for c in revision.clauses])
    for position, (row, clause) in enumerate(zip(revision.clauses, numbered)):
        if row.position != position or row.number != clause.number:
            row.position, row.number = position, clause.number


def apply_text(clause: Clause, text: ClauseText) -> None:
    clause.heading, clause.level, clause.body = text.heading, text.level, text.body
    clause.hash = drafts.clause_hash(text.heading, text.body)
    clause.version = (clause.version or 0) + 1


def flush_checked(key: str) -> None:
    """Flush; a concurrent save of the same row surfaces as a stale edit."""
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise StaleEdit(clause=key) from None


def edit_clause(
    actor: User | None, revision: Revision, key: str, seen_version: int, text: ClauseText
) -> Clause:
    """Save a clause; refused if it was saved by someone else since `seen_version`."""
    require_draft(revision)
    clause = get_clause(revision, key)
    if clause.version != seen_version:
        raise StaleEdit(clause=key, seen=seen_version, current=clause.version)
    apply_text(clause, text.checked())
    renumber(revision)
    flush_checked(key)
    audit(actor, "clause.edited", clause, version=clause.version, hash=clause.hash)
    return clause


def audit(actor: User | None, action: str, clause: Clause, **details) -> None:
    revision = clause.revision
    label = f"{revision.policy.slug} #{revision.number} {clause.key}"
    record(actor, action, clause, label, **details)


def check_structure(revision: Revision, seen_version: int) -> None:
    require_draft(revision)
    if revision.structure_version != seen_version:
        raise StaleEdit(structure=True, seen=seen_version, current=revision.structure_version)
    revision.structure_version += 1


def add_clause(
    actor: User | None,
    revision: Revision,
    seen_version: int,
    after_key: str | None,
    text: ClauseText,
) -> Clause:
    """A new clause after `after_key` (at the start when None): with the key of a clause
    removed earlier when it brings back its text or heading, else with a fresh key."""
    text = text.checked()
    index = 0 if after_key is None else revision.clauses.index(get_clause(revision, after_key)) + 1
    check_structure(revision, seen_version)
    clause = Clause(key=key_for_added(revision, text), position=index, level=text.level)
    apply_text(clause, text)
    revision.clauses.insert(index, clause)
    renumber(revision)
    db.session.flush()
    audit(actor, "clause.added", clause, after=after_key, number=clause.number)
    return clause


def key_for_added(revision: Revision, text: ClauseText) -> str:
    """A clause removed earlier comes back with its key; any other gets a key never used."""
    policy = revision.policy
    alignment = drafts.align(
        [],
        [drafts.Clause(text.level, text.heading, text.body)],
        taken_keys=keys_ever_used(policy),
        removed=removed_clauses(policy, revision),
    )
    return str(alignment.clauses[0].key)


def delete_clause(actor: User | None, revision: Revision, seen_version: int, key: str) -> None:
    clause = get_clause(revision, key)
    check_structure(revision, seen_version)
    audit(actor, "clause.deleted", clause, number=clause.number, heading=clause.heading)
    revision.clauses.remove(clause)
    renumber(revision)
    db.session.flush()


def move_clause(
    actor: User | None, revision: Revision, seen_version: int, key: str, offset: int
) -> None:
    """Move a clause `offset` places (-1 up, +1 down); moving past either end is refused."""
    index = revision.clauses.index(get_clause(revision, key))
    target = index + offset
    if not 0 <= target < len(revision.clauses):
        raise InvalidEdit(PolicyCode.CANNOT_MOVE)
    check_structure(revision, seen_version)
    moved = revision.clauses.pop(index)
    revision.clauses.insert(target, moved)
    renumber(revision)
    db.session.flush()
    audit(actor, "clause.moved", moved, position=(index, target), number=moved.number)
