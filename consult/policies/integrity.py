"""Tamper evidence: the chain of published revisions, and re-verifying every stored hash.

Each layer is checked against the stored layer below it (a clause's text against
its hash, a revision's clause hashes against its content hash, its content hash
and the previous chain hash against its chain hash), so a mismatch names the
place where the stored values stop agreeing. Every revision is checked by the
hash formula it records (drafts.text).
"""

from dataclasses import dataclass, field

import sqlalchemy as sa

import drafts
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState


def previous_chain_hash(revision: Revision) -> str | None:
    """The chain hash of the policy's latest revision published before this one."""
    return db.session.scalar(
        sa.select(Revision.chain_hash)
        .where(
            Revision.policy_id == revision.policy_id,
            Revision.state == RevisionState.PUBLISHED,
            Revision.number < revision.number,
        )
        .order_by(Revision.number.desc())
        .limit(1)
    )


def chain_hash_for(revision: Revision) -> str:
    """The chain hash `revision` gets when published (its content hash already set)."""
    return drafts.chain_hash(previous_chain_hash(revision), revision.content_hash)


@dataclass(frozen=True)
class Mismatch:
    place: str
    kind: str
    stored: str | None
    recomputed: str

    def __str__(self) -> str:
        stored = self.stored or "nothing"
        return f"{self.place}: {self.kind} stored {stored}, recomputed {self.recomputed}"


@dataclass
class Verification:
    policies: int = 0
    revisions: int = 0
    clauses: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    def check(self, place: str, kind: str, stored: str | None, recomputed: str) -> None:
        if stored != recomputed:
            self.mismatches.append(Mismatch(place, kind, stored, recomputed))


def revision_place(policy: Policy, revision: Revision) -> str:
    return f"{policy.slug} revision {revision.number} ({revision.state.value})"


def clauses_in_order(revision: Revision) -> list[Clause]:
    return list(
        db.session.scalars(
            sa.select(Clause).where(Clause.revision_id == revision.id).order_by(Clause.position)
        )
    )


def verify_clauses(report: Verification, place: str, clauses: list[Clause], formula: int) -> None:
    for clause in clauses:
        recomputed = drafts.clause_hash(clause.heading, clause.body, formula)
        report.check(f"{place} clause {clause.key}", "clause hash", clause.hash, recomputed)
    report.clauses += len(clauses)


def verify_published(
    report: Verification,
    place: str,
    revision: Revision,
    clauses: list[Clause],
    previous: str | None,
) -> str:
    """Check the content and chain hashes; returns the chain hash the next revision builds on."""
    # content_hash reads only each clause's level and stored hash.
    content = drafts.content_hash(revision.title, clauses, revision.hash_formula)
    report.check(place, "content hash", revision.content_hash, content)
    chain = drafts.chain_hash(previous, revision.content_hash or content)
    report.check(place, "chain hash", revision.chain_hash, chain)
    return revision.chain_hash or chain


def revisions_in_order(policy: Policy) -> list[Revision]:
    query = sa.select(Revision).where(Revision.policy_id == policy.id).order_by(Revision.number)
    return list(db.session.scalars(query))


def verify_policy(report: Verification, policy: Policy) -> None:
    previous = None
    for revision in revisions_in_order(policy):
        place = revision_place(policy, revision)
        clauses = clauses_in_order(revision)
        # Each revision by the formula its hashes were computed with.
        verify_clauses(report, place, clauses, revision.hash_formula)
        if revision.is_published:
            previous = verify_published(report, place, revision, clauses, previous)
        report.revisions += 1
    report.policies += 1


def verify_all() -> Verification:
    """Recompute every clause hash, every published content hash and every chain."""
    report = Verification()
    for policy in list(db.session.scalars(sa.select(Policy).order_by(Policy.slug))):
        verify_policy(report, policy)
    return report
