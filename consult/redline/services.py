"""Comparisons between revisions, and one clause's history through every revision."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import Flask, current_app

import drafts
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState
from consult.policies.services import as_domain
from consult.redline.cache import LRUCache
from consult.redline.stored import store_comparison, stored_comparison

COMPARISONS = "consult.redline.comparisons"


def init_app(app: Flask) -> None:
    app.extensions[COMPARISONS] = LRUCache(maxsize=256)


def published_comparisons() -> LRUCache[drafts.Comparison]:
    """This app's comparisons of published revisions.

    An app serves one database, where a revision's id names one published text with its
    clause keys for ever (published revisions are never changed or deleted): the cache
    belongs to the app, so another app (another database) never reads it.
    """
    return current_app.extensions[COMPARISONS]


def compute_comparison(old: Revision, new: Revision) -> drafts.Comparison:
    return drafts.compare([as_domain(c) for c in old.clauses], [as_domain(c) for c in new.clauses])


def compare_revisions(old: Revision, new: Revision) -> drafts.Comparison:
    """Published pairs are computed once (kept in this process and in the database); drafts
    change, so never kept.

    Keyed by the revisions, not by their texts: a comparison links every clause by its key,
    and equal texts can hold other keys (two policies, a clause removed and added back).
    """
    if not (old.is_published and new.is_published):
        return compute_comparison(old, new)
    key = (old.id, old.content_hash, new.id, new.content_hash)
    return published_comparisons().get_or_compute(key, lambda: stored_or_computed(old, new))


def stored_or_computed(old: Revision, new: Revision) -> drafts.Comparison:
    """Two published revisions' comparison as stored (consult.redline.stored), else computed
    and stored for the next process."""
    old_clauses, new_clauses = (
        [as_domain(c) for c in old.clauses],
        [as_domain(c) for c in new.clauses],
    )
    comparison = stored_comparison(old, new, old_clauses, new_clauses)
    if comparison is None:
        comparison = compute_comparison(old, new)
        store_comparison(old, new, comparison)
    return comparison


@dataclass(frozen=True)
class HistoryEntry:
    revision: Revision
    clause: Clause
    change: drafts.ClauseComparison | None
    # The revision holding the version before (the other end of `change`).
    previous: Revision | None = None


def clause_versions(
    policy: Policy, key: str, include_drafts: bool
) -> list[tuple[Revision, Clause]]:
    query = (
        sa.select(Revision, Clause)
        .join(Clause, Clause.revision_id == Revision.id)
        .where(Revision.policy_id == policy.id, Clause.key == key)
        .order_by(Revision.number)
    )
    if not include_drafts:
        query = query.where(Revision.state == RevisionState.PUBLISHED)
    return [(revision, clause) for revision, clause in db.session.execute(query)]


def clause_history(policy: Policy, key: str, include_drafts: bool) -> list[HistoryEntry]:
    """Every revision holding the clause, each with the redline from the one before."""
    entries: list[HistoryEntry] = []
    for revision, clause in clause_versions(policy, key, include_drafts):
        before = entries[-1] if entries else None
        change = (
            drafts.compare([as_domain(before.clause)], [as_domain(clause)]).clauses[0]
            if before is not None
            else None
        )
        entries.append(HistoryEntry(revision, clause, change, before.revision if before else None))
    return entries
