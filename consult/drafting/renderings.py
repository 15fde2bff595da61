"""At publish, the new revision's pages rendered once and stored (consult.renderings): its
reading page, and its comparison with the revision published before it."""

import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Revision, RevisionState
from consult.policies.numbering import HeadingNumbers
from consult.policies.prefetch import reading_texts
from consult.redline.prefetch import comparison_texts
from consult.redline.presenter import ComparedHeadings
from consult.redline.services import compute_comparison
from consult.renderings import store


def store_renderings(revision: Revision) -> int:
    """Store what the pages a reader opens first after this publication show; returns how many
    renderings were made."""
    wanted = reading_texts(revision.clauses, HeadingNumbers.of(revision))
    previous = previous_published(revision)
    if previous is not None:
        compared = compute_comparison(previous, revision)
        numbering = ComparedHeadings.of(revision.policy.heading_numbers, compared)
        wanted += comparison_texts(numbering.shown(compared), numbering)
    return store(wanted)


def previous_published(revision: Revision) -> Revision | None:
    return db.session.scalar(
        sa.select(Revision)
        .where(
            Revision.policy_id == revision.policy_id,
            Revision.state == RevisionState.PUBLISHED,
            Revision.number < revision.number,
        )
        .order_by(Revision.number.desc())
        .limit(1)
    )
