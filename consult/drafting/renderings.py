"""At publish, the new revision's pages rendered once and stored (consult.renderings): its
reading page, and its comparison with the revision published before it. Renderings stored
since for other pages (a draft's preview, a comparison of two drafts) are pruned
(`flask drafts prune-renderings`): what no published revision's pages show."""

import sqlalchemy as sa

import drafts
from consult.extensions import db
from consult.policies.models import Revision, RevisionState
from consult.policies.numbering import HeadingNumbers
from consult.policies.prefetch import reading_texts
from consult.redline.prefetch import comparison_texts
from consult.redline.presenter import ComparedHeadings
from consult.redline.services import compare_revisions
from consult.renderings import RenderedHtml, Wanted, store

# Rows deleted by one statement: well under SQLite's and PostgreSQL's limits on parameters.
ROWS_PER_DELETE = 400


def store_renderings(revision: Revision) -> int:
    """Store what the pages a reader opens first after this publication show; returns how many
    renderings were made."""
    return store(published_texts(revision, previous_published(revision)))


def published_texts(revision: Revision, previous: Revision | None) -> list[Wanted]:
    """What a published revision's reading page and its comparison with ``previous`` show."""
    wanted = reading_texts(revision.clauses, HeadingNumbers.of(revision))
    if previous is not None:
        compared = compare_revisions(previous, revision)
        numbering = ComparedHeadings.of(revision.policy.heading_numbers, compared)
        wanted += comparison_texts(numbering.shown(compared), numbering)
    return wanted


def prune_renderings() -> int:
    """Delete the stored renderings no published revision's pages show (drafts' previews,
    comparisons nobody publishes, older renderers'); returns how many. A page that shows one
    again renders it and stores it again."""
    kept = {item.key for item in every_published_text()}
    rows = db.session.execute(
        sa.select(RenderedHtml.text_hash, RenderedHtml.profile, RenderedHtml.renderer_version)
    )
    stale = [
        tuple(row)
        for row in rows
        if (row[0], row[1]) not in kept or row[2] != drafts.RENDERER_VERSION
    ]
    columns = sa.tuple_(RenderedHtml.text_hash, RenderedHtml.profile, RenderedHtml.renderer_version)
    for start in range(0, len(stale), ROWS_PER_DELETE):
        batch = stale[start : start + ROWS_PER_DELETE]
        db.session.execute(sa.delete(RenderedHtml).where(columns.in_(batch)))
    return len(stale)


def every_published_text() -> list[Wanted]:
    revisions = db.session.scalars(
        sa.select(Revision)
        .where(Revision.state == RevisionState.PUBLISHED)
        .order_by(Revision.policy_id, Revision.number)
    )
    wanted: list[Wanted] = []
    previous = None
    for revision in revisions:
        same_policy = previous is not None and previous.policy_id == revision.policy_id
        wanted += published_texts(revision, previous if same_policy else None)
        previous = revision
    return wanted


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
