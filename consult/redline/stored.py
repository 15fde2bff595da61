"""Comparisons of published revisions kept in the database, so that a first view in a new
process reads the word diffs instead of computing them again.

A comparison is determined by the two revisions (their texts and clause keys), and a
published revision never changes: a row is keyed by the two revisions' ids, never by
their texts (two pairs of revisions can hold the same texts under other keys). It is
written at publish for the revision published before and the new one, next to the
stored renderings, and when a page computes a comparison that was not stored. The row
also records both revisions' content hashes and the comparison format
(:data:`drafts.COMPARISON_FORMAT`): a row made under another format or for other hashes
is never read, and is left for `flask drafts prune-renderings`.
"""

import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, aliased, mapped_column

import drafts
from consult.extensions import db
from consult.policies.models import Revision


class StoredComparison(db.Model):
    __tablename__ = "stored_comparisons"
    # Made again from the revisions whenever missing: backups leave it out.
    __table_args__ = {"info": {"derived": True}}

    old_revision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True
    )
    new_revision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True
    )
    format_version: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    old_hash: Mapped[str] = mapped_column(sa.String(64))
    new_hash: Mapped[str] = mapped_column(sa.String(64))
    data: Mapped[str] = mapped_column(sa.Text)


def stored_comparison(
    old: Revision, new: Revision, old_clauses: list, new_clauses: list
) -> drafts.Comparison | None:
    """The comparison stored for these two revisions under this format, if any, rebuilt on
    the given clauses (the revisions' own, as the drafts library sees them)."""
    row = db.session.execute(
        sa.select(StoredComparison.old_hash, StoredComparison.new_hash, StoredComparison.data)
        .where(StoredComparison.old_revision_id == old.id)
        .where(StoredComparison.new_revision_id == new.id)
        .where(StoredComparison.format_version == drafts.COMPARISON_FORMAT)
    ).first()
    if row is None or (row.old_hash, row.new_hash) != (old.content_hash, new.content_hash):
        return None
    return drafts.comparison_from_data(json.loads(row.data), old_clauses, new_clauses)


def store_comparison(old: Revision, new: Revision, comparison: drafts.Comparison) -> None:
    """Keep the comparison of two published revisions; a row another process stored
    meanwhile is left as it is."""
    row = {
        "old_revision_id": old.id,
        "new_revision_id": new.id,
        "format_version": drafts.COMPARISON_FORMAT,
        "old_hash": old.content_hash,
        "new_hash": new.content_hash,
        "data": json.dumps(drafts.comparison_to_data(comparison), separators=(",", ":")),
    }
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    db.session.execute(dialect.insert(StoredComparison).values(row).on_conflict_do_nothing())


def prune_comparisons() -> int:
    """Delete the comparisons stored under another format, or for texts their revisions no
    longer hold (hashes recomputed under a new formula); returns how many."""
    old_revision, new_revision = aliased(Revision), aliased(Revision)
    columns = (
        StoredComparison.old_revision_id,
        StoredComparison.new_revision_id,
        StoredComparison.format_version,
    )
    other_texts = (
        sa.select(*columns)
        .join(old_revision, old_revision.id == StoredComparison.old_revision_id)
        .join(new_revision, new_revision.id == StoredComparison.new_revision_id)
        .where(
            sa.or_(
                StoredComparison.old_hash != old_revision.content_hash,
                StoredComparison.new_hash != new_revision.content_hash,
            )
        )
    )
    rows = [tuple(row) for row in db.session.execute(other_texts)]
    stale = sa.or_(
        StoredComparison.format_version != drafts.COMPARISON_FORMAT, sa.tuple_(*columns).in_(rows)
    )
    return db.session.execute(sa.delete(StoredComparison).where(stale)).rowcount
