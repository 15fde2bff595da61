"""Reading comments: a clause's thread, the policy page's counts, earlier revisions' comments.

Every function runs a fixed number of queries however many comments there
are: a thread page is the page of top-level comments (count + rows), the
latest comments of earlier revisions with their clauses, every reply below
both (one recursive query), and what the reader endorsed and flagged.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, lazyload

from consult.accounts.models import User
from consult.comments.models import Comment, CommentStatus, Endorsement, Flag
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState

SORTS = {
    "newest": (Comment.created_at.desc(), Comment.id.desc()),
    "oldest": (Comment.created_at.asc(), Comment.id.asc()),
    "endorsed": (Comment.endorsement_count.desc(), Comment.created_at.desc(), Comment.id.desc()),
}
DEFAULT_SORT = "newest"
# Authors are shown by name only: their roles and languages (selectin by default) are not needed.
WITH_AUTHOR = joinedload(Comment.author).options(
    lazyload(User.role_grants), lazyload(User.language_grants)
)
# What a shown comment needs besides its author: who responded, and for "addressed in
# revision M" the revisions of the redline (its own and M).
FOR_DISPLAY = (
    WITH_AUTHOR,
    joinedload(Comment.responder).options(
        lazyload(User.role_grants), lazyload(User.language_grants)
    ),
    joinedload(Comment.revision),
    joinedload(Comment.addressed_revision),
)
EARLIER_SHOWN = 10


@dataclass
class Thread:
    comments: object  # a Flask-SQLAlchemy Pagination of top-level comments
    replies: dict[int, list[Comment]]
    endorsed: set[int] = field(default_factory=set)
    flagged: set[int] = field(default_factory=set)


def top_level_query(revision: Revision, key: str, sort: str, language: str | None):
    query = (
        sa.select(Comment)
        .where(
            Comment.revision_id == revision.id,
            Comment.clause_key == key,
            Comment.parent_id.is_(None),
        )
        .options(*FOR_DISPLAY)
    )
    if language:
        query = query.where(Comment.language == language)
    return query.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def replies_to(roots: list[Comment]) -> dict[int, list[Comment]]:
    """Every reply below `roots`, at any depth, oldest first, grouped by parent (one query)."""
    tree = (
        sa.select(Comment.id)
        .where(Comment.parent_id.in_([root.id for root in roots]))
        .cte("reply_tree", recursive=True)
    )
    tree = tree.union_all(sa.select(Comment.id).join(tree, Comment.parent_id == tree.c.id))
    rows = db.session.scalars(
        sa.select(Comment)
        .where(Comment.id.in_(sa.select(tree.c.id)))
        .options(*FOR_DISPLAY)
        .order_by(Comment.created_at, Comment.id)
    )
    grouped: dict[int, list[Comment]] = defaultdict(list)
    for comment in rows:
        grouped[comment.parent_id].append(comment)
    return grouped


def ids_marked_by(user: User | None, model, comment_ids: list[int]) -> set[int]:
    if user is None or not user.is_authenticated:
        return set()
    return set(
        db.session.scalars(
            sa.select(model.comment_id).where(
                model.user_id == user.id, model.comment_id.in_(comment_ids)
            )
        )
    )


def thread(
    revision: Revision,
    key: str,
    reader: User | None,
    sort: str,
    language: str | None,
    page: int,
    per_page: int,
    earlier: tuple[Comment, ...] = (),
) -> Thread:
    """A page of the clause's comments on `revision`; the replies, endorsements and flags
    cover the `earlier` revisions' comments shown with them too."""
    comments = db.paginate(
        top_level_query(revision, key, sort, language),
        page=page,
        per_page=per_page,
        error_out=False,
    )
    roots = list(comments.items) + list(earlier)
    replies = replies_to(roots)
    every_id = [c.id for c in roots] + [c.id for group in replies.values() for c in group]
    return Thread(
        comments,
        replies,
        ids_marked_by(reader, Endorsement, every_id),
        ids_marked_by(reader, Flag, every_id),
    )


def thread_languages(revision: Revision, key: str) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(Comment.language)
            .where(
                Comment.revision_id == revision.id,
                Comment.clause_key == key,
                Comment.parent_id.is_(None),
            )
            .distinct()
            .order_by(Comment.language)
        )
    )


@dataclass(frozen=True)
class EarlierGroup:
    """Comments a clause received on an earlier revision, and the clause as it was then
    (their suggested wordings are redlines against it)."""

    number: int
    count: int
    changed_since: bool
    comments: tuple[Comment, ...] = ()
    clause: Clause | None = None

    @property
    def more(self) -> bool:
        """Whether the revision may have more top-level comments than those shown."""
        return len(self.comments) >= EARLIER_SHOWN


@dataclass
class ClauseSummary:
    count: int = 0
    earlier: list[EarlierGroup] = field(default_factory=list)


def counts_by_revision(policy: Policy, up_to: int) -> dict[tuple[str, int], int]:
    """(clause key, revision number) → comments not deleted, in one aggregate query."""
    rows = db.session.execute(
        sa.select(Comment.clause_key, Revision.number, sa.func.count(Comment.id))
        .join(Revision, Revision.id == Comment.revision_id)
        .where(
            Comment.policy_id == policy.id,
            Revision.number <= up_to,
            Comment.status != CommentStatus.DELETED,
        )
        .group_by(Comment.clause_key, Revision.number)
    )
    return {(key, number): count for key, number, count in rows}


def clause_hashes(policy: Policy, up_to: int) -> dict[tuple[str, int], str]:
    rows = db.session.execute(
        sa.select(Clause.key, Revision.number, Clause.hash)
        .join(Revision)
        .where(
            Revision.policy_id == policy.id,
            Revision.number <= up_to,
            Revision.state == RevisionState.PUBLISHED,
        )
    )
    return {(key, number): clause_hash for key, number, clause_hash in rows}


def clause_summaries(revision: Revision) -> dict[str, ClauseSummary]:
    """Per clause key of `revision`: its comment count and its earlier revisions' groups."""
    counts = counts_by_revision(revision.policy, revision.number)
    hashes = clause_hashes(revision.policy, revision.number) if counts else {}
    current = {clause.key: clause.hash for clause in revision.clauses}
    summaries = {key: ClauseSummary() for key in current}
    for (key, number), count in sorted(counts.items(), key=lambda item: -item[0][1]):
        if key not in summaries:
            continue
        if number == revision.number:
            summaries[key].count = count
        else:
            changed = hashes.get((key, number)) != current[key]
            summaries[key].earlier.append(EarlierGroup(number, count, changed))
    return summaries


def earlier_comments(revision: Revision, key: str) -> dict[int, tuple[Comment, ...]]:
    """The latest top-level comments on `key` in each earlier revision (one query)."""
    rank = sa.func.row_number().over(
        partition_by=Comment.revision_id, order_by=(Comment.created_at.desc(), Comment.id.desc())
    )
    ranked = (
        sa.select(Comment.id, Revision.number, rank.label("rank"))
        .join(Revision, Revision.id == Comment.revision_id)
        .where(
            Comment.policy_id == revision.policy_id,
            Comment.clause_key == key,
            Revision.number < revision.number,
            Comment.parent_id.is_(None),
            Comment.status != CommentStatus.DELETED,
        )
        .subquery()
    )
    rows = db.session.execute(
        sa.select(Comment, ranked.c.number)
        .join(ranked, ranked.c.id == Comment.id)
        .where(ranked.c.rank <= EARLIER_SHOWN)
        .options(*FOR_DISPLAY)
        .order_by(ranked.c.number.desc(), Comment.created_at.desc())
    )
    shown: dict[int, list[Comment]] = defaultdict(list)
    for comment, number in rows:
        shown[number].append(comment)
    return {number: tuple(comments) for number, comments in shown.items()}


def earlier_clauses(revision: Revision, key: str, numbers: list[int]) -> dict[int, Clause]:
    """The clause `key` as it read in each of the revisions `numbers` (one query)."""
    rows = db.session.execute(
        sa.select(Clause, Revision.number)
        .join(Revision, Revision.id == Clause.revision_id)
        .where(
            Revision.policy_id == revision.policy_id,
            Revision.number.in_(numbers),
            Clause.key == key,
        )
    )
    return {number: clause for clause, number in rows}


def clause_overview(revision: Revision, key: str) -> ClauseSummary:
    """The clause's comment count here, and its earlier revisions' groups: their latest
    comments in full, with the clause as it read then."""
    summary = clause_summaries(revision).get(key, ClauseSummary())
    if not summary.earlier:
        return summary
    comments = earlier_comments(revision, key)
    clauses = earlier_clauses(revision, key, [group.number for group in summary.earlier])
    return ClauseSummary(
        summary.count,
        [
            EarlierGroup(
                group.number,
                group.count,
                group.changed_since,
                comments.get(group.number, ()),
                clauses.get(group.number),
            )
            for group in summary.earlier
        ],
    )


@dataclass(frozen=True)
class LaterThread:
    """Where an earlier revision's thread continues: the latest published revision."""

    number: int
    has_clause: bool
    changed: bool


def later_thread(revision: Revision, clause: Clause) -> LaterThread | None:
    """None when `revision` is the latest published one (one query)."""
    row = db.session.execute(
        sa.select(Revision.number, Clause.hash)
        .outerjoin(Clause, sa.and_(Clause.revision_id == Revision.id, Clause.key == clause.key))
        .where(Revision.policy_id == revision.policy_id, Revision.state == RevisionState.PUBLISHED)
        .order_by(Revision.number.desc())
        .limit(1)
    ).first()
    if row is None or row.number == revision.number:
        return None
    return LaterThread(row.number, row.hash is not None, row.hash != clause.hash)
