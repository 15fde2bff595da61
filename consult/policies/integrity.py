"""Tamper evidence: the chain of published revisions."""

import sqlalchemy as sa

import drafts
from consult.extensions import db
from consult.policies.models import Revision, RevisionState


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
