"""A policy's comment statistics, over every published revision: comments per clause and
language, per day, and dispositions per week.

Like the report, only published comments count (replies included); each figure is one
GROUP BY whatever the number of comments. Days are UTC days; weeks start on Monday.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from consult.comments.models import Comment, CommentStatus, Disposition
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState


@dataclass(frozen=True)
class ClauseRow:
    key: str
    number: str
    heading: str
    current: bool  # in the latest published revision


def visible(policy: Policy) -> list:
    return [Comment.policy_id == policy.id, Comment.status == CommentStatus.PUBLISHED]


def by_clause_and_language(policy: Policy) -> dict[str, Counter]:
    """Clause key → comments per language (revision by revision, over the index the report
    counts from: ix_comments_revision_tally)."""
    revisions = sa.select(Revision.id).where(Revision.policy_id == policy.id)
    rows = db.session.execute(
        sa.select(Comment.clause_key, Comment.language, sa.func.count(Comment.id))
        .where(Comment.revision_id.in_(revisions), Comment.status == CommentStatus.PUBLISHED)
        .group_by(Comment.clause_key, Comment.language)
    )
    found: dict[str, Counter] = defaultdict(Counter)
    for key, language, count in rows:
        found[key][language] = count
    return found


def as_date(value) -> date:
    """SQLite answers date() with text, PostgreSQL with a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def by_day(policy: Policy) -> dict[date, int]:
    """UTC day → comments written that day, oldest first."""
    day = sa.func.date(Comment.created_at)
    rows = db.session.execute(
        sa.select(day, sa.func.count(Comment.id))
        .where(*visible(policy))
        .group_by(day)
        .order_by(day)
    )
    return {as_date(when): count for when, count in rows}


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dispositions_by_week(policy: Policy) -> dict[date, Counter]:
    """Monday of a week → the dispositions decided that week (the current disposition of
    each decided comment, by when it was decided), oldest first."""
    day = sa.func.date(Comment.disposed_at)
    rows = db.session.execute(
        sa.select(day, Comment.disposition, sa.func.count(Comment.id))
        .where(
            *visible(policy),
            Comment.disposed_at.is_not(None),
            Comment.disposition.is_not(None),
            Comment.disposition != Disposition.OPEN,
        )
        .group_by(day, Comment.disposition)
    )
    weeks: dict[date, Counter] = defaultdict(Counter)
    for when, disposition, count in rows:
        weeks[week_of(as_date(when))][Disposition(disposition)] += count
    return dict(sorted(weeks.items()))


def clause_rows(policy: Policy, keys: set[str]) -> list[ClauseRow]:
    """The latest published revision's clauses in reading order, then clauses that are no
    longer in it but were commented on, each as its last revision had it (one query)."""
    rows = db.session.execute(
        sa.select(Revision.number, Clause.key, Clause.number, Clause.heading)
        .join(Clause, Clause.revision_id == Revision.id)
        .where(Revision.policy_id == policy.id, Revision.state == RevisionState.PUBLISHED)
        .order_by(Revision.number.desc(), Clause.position)
    )
    latest, found = None, {}
    for revision_number, key, number, heading in rows:
        latest = revision_number if latest is None else latest
        if key in found or (revision_number != latest and key not in keys):
            continue
        found[key] = ClauseRow(key, number, heading, revision_number == latest)
    return list(found.values())


def languages_by_count(counts: dict[str, Counter]) -> list[str]:
    """Every language commented in, the most used first."""
    overall: Counter = Counter()
    for per_language in counts.values():
        overall.update(per_language)
    return sorted(overall, key=lambda language: (-overall[language], language))
