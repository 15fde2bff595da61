""" "What we heard, what we did": a published revision's comments per clause, as the public
may see them — counts by language and disposition, staff's public responses, the suggested
wordings staff accepted — and the redline of each clause into the next revision.

Only published comments count (hidden and deleted ones are no one's business here), replies
included. Internal notes and assignees are never read. Each part is one aggregate query
whatever the number of comments; responses and suggestions are capped per clause in SQL.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.accounts.models import User
from consult.comments.models import ADDRESSING, Comment, CommentStatus, Disposition
from consult.extensions import db
from consult.permissions import Role
from consult.policies.models import Revision, RevisionState

# The latest responses and accepted suggestions shown per clause;
# the thread holds the rest.
RESPONSES_SHOWN = 20
SUGGESTIONS_SHOWN = 5


@dataclass
class ClauseTally:
    """How many visible comments a clause received, and how they divide."""

    total: int = 0
    languages: Counter = field(default_factory=Counter)
    dispositions: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Response:
    """One public response, given (the same text, by the same person) to `answered` comments."""

    text: str
    responder: str | None
    role: Role | None
    answered: int
    responded_at: datetime | None
    first_comment: int


@dataclass(frozen=True)
class Suggestion:
    """An accepted comment's suggested wording (what `suggestion_redline` reads)."""

    comment_id: int
    language: str
    suggested_wording: str
    disposition: Disposition


@dataclass
class ClauseHeard:
    tally: ClauseTally = field(default_factory=ClauseTally)
    responses: list[Response] = field(default_factory=list)
    more_responses: int = 0
    suggestions: list[Suggestion] = field(default_factory=list)
    more_suggestions: int = 0


def visible(revision: Revision) -> list:
    """The conditions for comments the public may count on the revision."""
    return [Comment.revision_id == revision.id, Comment.status == CommentStatus.PUBLISHED]


def has_wording():
    return sa.and_(Comment.suggested_wording.is_not(None), Comment.suggested_wording != "")


def tallies(revision: Revision) -> dict[str, ClauseTally]:
    """Clause key → its tally, from one GROUP BY (over ix_comments_revision_tally alone)."""
    rows = db.session.execute(
        sa.select(
            Comment.clause_key, Comment.language, Comment.disposition, sa.func.count(Comment.id)
        )
        .where(*visible(revision))
        .group_by(Comment.clause_key, Comment.language, Comment.disposition)
    )
    found: dict[str, ClauseTally] = defaultdict(ClauseTally)
    for key, language, disposition, count in rows:
        tally = found[key]
        tally.total += count
        tally.languages[language] += count
        tally.dispositions[Disposition(disposition or Disposition.OPEN)] += count
    return found


def ranked(query: sa.Select, partition, order) -> sa.Subquery:
    """`query` with each row's rank within its clause and the number of rows of its clause."""
    return query.add_columns(
        sa.func.row_number().over(partition_by=partition, order_by=order).label("rank"),
        sa.func.count().over(partition_by=partition).label("of"),
    ).subquery()


def responses(revision: Revision) -> dict[str, tuple[list[Response], int]]:
    """Clause key → its latest responses and how many more there are.

    One response is one act of answering: a bulk answer gives many comments the same text at
    the same moment, so comments are grouped by when and by whom they were answered (over
    ix_comments_revision_responses alone), and only the text of each group's first comment
    is read. A response and its time are set together (comments/triage.py)."""
    answered = sa.func.count(Comment.id)
    grouped = (
        sa.select(
            Comment.clause_key,
            Comment.responder_id,
            Comment.responder_role,
            Comment.responded_at,
            answered.label("answered"),
            sa.func.min(Comment.id).label("first_comment"),
        )
        .where(*visible(revision), Comment.responded_at.is_not(None))
        .group_by(
            Comment.clause_key, Comment.responded_at, Comment.responder_id, Comment.responder_role
        )
    )
    latest_first = (Comment.responded_at.desc(), sa.func.min(Comment.id).desc())
    table = ranked(grouped, Comment.clause_key, latest_first)
    first = aliased(Comment)
    rows = db.session.execute(
        sa.select(table, first.response, User.display_name)
        .join(first, first.id == table.c.first_comment)
        .outerjoin(User, User.id == table.c.responder_id)
        .where(table.c.rank <= RESPONSES_SHOWN)
        .order_by(table.c.clause_key, table.c.rank)
    )
    found: dict[str, tuple[list[Response], int]] = {}
    for row in rows:
        shown, _of = found.setdefault(row.clause_key, ([], row.of - RESPONSES_SHOWN))
        shown.append(as_response(row))
    return found


def as_response(row) -> Response:
    role = Role(row.responder_role) if row.responder_role else None
    return Response(
        row.response,
        row.display_name,
        role,
        row.answered,
        row.responded_at,
        row.first_comment,
    )


def accepted_suggestions(revision: Revision) -> dict[str, tuple[list[Suggestion], int]]:
    """Clause key → the latest suggested wordings of comments staff accepted (fully or in
    part), and how many more there are."""
    query = sa.select(
        Comment.clause_key,
        Comment.id,
        Comment.language,
        Comment.suggested_wording,
        Comment.disposition,
    ).where(*visible(revision), has_wording(), Comment.disposition.in_(ADDRESSING))
    # Over ix_comments_revision_suggestions: only comments with a wording are read.
    table = ranked(query, Comment.clause_key, Comment.id.desc())
    rows = db.session.execute(
        sa.select(table)
        .where(table.c.rank <= SUGGESTIONS_SHOWN)
        .order_by(table.c.clause_key, table.c.rank)
    )
    found: dict[str, tuple[list[Suggestion], int]] = {}
    for row in rows:
        shown, _of = found.setdefault(row.clause_key, ([], row.of - SUGGESTIONS_SHOWN))
        shown.append(Suggestion(row.id, row.language, row.suggested_wording, row.disposition))
    return found


def heard(revision: Revision) -> dict[str, ClauseHeard]:
    """Clause key → everything the report says of the clause's comments (three queries)."""
    found: dict[str, ClauseHeard] = defaultdict(ClauseHeard)
    for key, tally in tallies(revision).items():
        found[key].tally = tally
    for key, (shown, more) in responses(revision).items():
        found[key].responses, found[key].more_responses = shown, max(more, 0)
    for key, (shown, more) in accepted_suggestions(revision).items():
        found[key].suggestions, found[key].more_suggestions = shown, max(more, 0)
    return found


def totals(by_clause: dict[str, ClauseHeard]) -> ClauseTally:
    """The whole revision's tally."""
    whole = ClauseTally()
    for clause in by_clause.values():
        whole.total += clause.tally.total
        whole.languages.update(clause.tally.languages)
        whole.dispositions.update(clause.tally.dispositions)
    return whole


def next_published(revision: Revision) -> Revision | None:
    """The published revision that followed `revision`, if any."""
    return db.session.scalar(
        sa.select(Revision)
        .where(
            Revision.policy_id == revision.policy_id,
            Revision.state == RevisionState.PUBLISHED,
            Revision.number > revision.number,
        )
        .order_by(Revision.number)
        .limit(1)
    )
