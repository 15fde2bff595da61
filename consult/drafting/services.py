"""The draft lifecycle: start a draft, publish it, delete it."""

from collections.abc import Collection, Sequence

import sqlalchemy as sa

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.drafting.renderings import store_renderings
from consult.extensions import db
from consult.policies.errors import DraftExists, InvalidEdit, NotFound, PolicyCode
from consult.policies.integrity import chain_hash_for
from consult.policies.models import Clause, Policy, Revision, RevisionState
from consult.policies.services import as_domain, current_draft, latest_revision, require_draft
from consult.signals import revision_published
from consult.types import utcnow


def next_number(policy: Policy) -> int:
    highest = db.session.scalar(
        sa.select(sa.func.max(Revision.number)).where(Revision.policy_id == policy.id)
    )
    return (highest or 0) + 1


def clause_rows(clauses: Sequence[drafts.Clause]) -> list[Clause]:
    return [
        Clause(
            key=c.key,
            position=index,
            level=c.level,
            number=c.number,
            heading=c.heading,
            body=c.body,
            hash=c.hash,
        )
        for index, c in enumerate(clauses)
    ]


def new_draft(
    actor: User | None,
    policy: Policy,
    title: str,
    clauses: Sequence[drafts.Clause],
    base: Revision | None,
    front_matter: dict | None = None,
) -> Revision:
    """A draft holding `clauses` (keys already assigned); one draft per policy at a time."""
    existing = current_draft(policy)
    if existing is not None:
        raise DraftExists(revision=existing.number)
    revision = Revision(
        policy=policy,
        number=next_number(policy),
        title=title,
        base_revision=base,
        created_by=actor,
        front_matter=front_matter or {},
        clauses=clause_rows(drafts.number_clauses(clauses)),
    )
    db.session.add(revision)
    db.session.flush()
    return revision


def fork_draft(actor: User | None, policy: Policy) -> Revision:
    """A new draft copying the latest published revision, keys kept."""
    base = latest_revision(policy)
    if base is None:
        raise NotFound(policy=policy.slug)
    revision = new_draft(actor, policy, base.title, [as_domain(c) for c in base.clauses], base)
    record(
        actor, "revision.forked", revision, f"{policy.slug} #{revision.number}", base=base.number
    )
    return revision


def publish(
    actor: User | None, revision: Revision, change_summary: str, minor_keys: Collection[str] = ()
) -> Revision:
    """Publish the draft; `minor_keys` are clauses whose edit keeps translations current."""
    require_draft(revision)
    minor_keys = set(minor_keys) & {clause.key for clause in revision.clauses}
    if not change_summary.strip():
        raise InvalidEdit(PolicyCode.SUMMARY_REQUIRED)
    if not revision.clauses:
        raise InvalidEdit(PolicyCode.NO_CLAUSES)
    revision.change_summary = change_summary.strip()
    revision.content_hash = drafts.content_hash(
        revision.title, [as_domain(c) for c in revision.clauses], revision.hash_formula
    )
    revision.chain_hash = chain_hash_for(revision)
    revision.publisher = actor
    revision.published_at = utcnow()
    revision.state = RevisionState.PUBLISHED
    db.session.flush()
    record(
        actor,
        "revision.published",
        revision,
        f"{revision.policy.slug} #{revision.number}",
        content_hash=revision.content_hash,
        clauses=len(revision.clauses),
        minor_edits=sorted(minor_keys),
    )
    revision_published.send(revision, minor_keys=minor_keys)
    store_renderings(revision)
    return revision


def delete_draft(actor: User | None, revision: Revision) -> None:
    require_draft(revision)
    label = f"{revision.policy.slug} #{revision.number}"
    record(actor, "revision.deleted", revision, label, clauses=len(revision.clauses))
    db.session.delete(revision)
    db.session.flush()
