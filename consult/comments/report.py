""" "What we heard, what we did": a published revision's comments per clause, as the public
may see them — counts by language and disposition, staff's public responses, the suggested
wordings staff adopted into a draft and those they accepted otherwise — and the redline of
each clause into the next revision.

Only published comments count (hidden and deleted ones are no one's business here), replies
included. Internal notes and assignees are never read. Each part is one aggregate query
whatever the number of comments; responses, adopted wordings and suggestions are capped per
clause in SQL.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.accounts.badges import BADGE_ROLES
from consult.accounts.models import User, UserRole
from consult.comments.models import (
    ADDRESSING,
    Comment,
    CommentAdoption,
    CommentStatus,
    Disposition,
)
from consult.comments.provenance import Adopted
from consult.extensions import db
from consult.permissions import Role
from consult.policies.models import Revision, RevisionState

# The latest responses, adopted wordings and accepted suggestions shown per clause;
# the thread holds the rest.
RESPONSES_SHOWN = 20
ADOPTED_SHOWN = 20
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
class AdoptedWording:
    """A comment's suggested wording staff adopted into a draft; `adopted`: revision number →
    where it went (a draft, or the revision it became), oldest first."""

    comment_id: int
    author: str | None
    language: str
    suggested_wording: str
    roles: set[Role] = field(default_factory=set)
    adopted: dict[int, Adopted] = field(default_factory=dict)

    @property
    def badges(self) -> list[Role]:
        """The author's badge roles, highest first (as accounts/_role_badge.html)."""
        return [role for role in BADGE_ROLES if role in self.roles]

    @property
    def adopted_in(self) -> list[Adopted]:
        return list(self.adopted.values())


@dataclass
class ClauseHeard:
    tally: ClauseTally = field(default_factory=ClauseTally)
    responses: list[Response] = field(default_factory=list)
    more_responses: int = 0
    suggestions: list[Suggestion] = field(default_factory=list)
    more_suggestions: int = 0
    adopted: list[AdoptedWording] = field(default_factory=list)
    more_adopted: int = 0


def visible(revision: Revision) -> list:
    """The conditions for comments the public may count on the revision."""
    return [Comment.revision_id == revision.id, Comment.status == CommentStatus.PUBLISHED]


def has_wording():
    return sa.and_(Comment.suggested_wording.is_not(None), Comment.suggested_wording != "")


def is_adopted():
    return sa.exists().where(CommentAdoption.comment_id == Comment.id)


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
    part) but did not adopt (`adopted_wordings` shows those), and how many more there are."""
    query = sa.select(
        Comment.clause_key,
        Comment.id,
        Comment.language,
        Comment.suggested_wording,
        Comment.disposition,
    ).where(*visible(revision), has_wording(), Comment.disposition.in_(ADDRESSING), ~is_adopted())
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


def adopted_rows(revision: Revision) -> sa.Result:
    """The latest adopted comments of each clause: a row per adoption and per badge role of
    the comment's author, with the comment's rank in its clause and its clause's count."""
    query = sa.select(
        Comment.clause_key,
        Comment.id,
        Comment.language,
        Comment.suggested_wording,
        Comment.author_id,
    ).where(*visible(revision), has_wording(), is_adopted())
    table = ranked(query, Comment.clause_key, Comment.id.desc())
    badge = sa.and_(UserRole.user_id == User.id, UserRole.role.in_(BADGE_ROLES))
    return db.session.execute(
        sa.select(table, User.display_name, User.username, UserRole.role)
        .add_columns(Revision.number, Revision.state)
        .join(CommentAdoption, CommentAdoption.comment_id == table.c.id)
        .join(Revision, Revision.id == CommentAdoption.revision_id)
        .outerjoin(User, User.id == table.c.author_id)
        .outerjoin(UserRole, badge)
        .where(table.c.rank <= ADOPTED_SHOWN)
        .order_by(table.c.clause_key, table.c.rank, Revision.number)
    )


def adopted_wordings(revision: Revision) -> dict[str, tuple[list[AdoptedWording], int]]:
    """Clause key → its latest comments whose wording staff adopted into a draft, each with
    the drafts and revisions that took it, and how many more there are (one query)."""
    found: dict[str, tuple[list[AdoptedWording], int]] = {}
    by_id: dict[int, AdoptedWording] = {}
    for row in adopted_rows(revision):
        shown, _of = found.setdefault(row.clause_key, ([], row.of - ADOPTED_SHOWN))
        if row.id not in by_id:
            by_id[row.id] = as_adopted_wording(row)
            shown.append(by_id[row.id])
        by_id[row.id].roles.update([row.role] if row.role else [])
        by_id[row.id].adopted[row.number] = Adopted(
            row.number, row.state == RevisionState.PUBLISHED
        )
    return found


def as_adopted_wording(row) -> AdoptedWording:
    author = row.display_name or row.username
    return AdoptedWording(row.id, author, row.language, row.suggested_wording)


def heard(revision: Revision) -> dict[str, ClauseHeard]:
    """Clause key → everything the report says of the clause's comments (four queries)."""
    found: dict[str, ClauseHeard] = defaultdict(ClauseHeard)
    for key, tally in tallies(revision).items():
        found[key].tally = tally
    for key, (shown, more) in responses(revision).items():
        found[key].responses, found[key].more_responses = shown, max(more, 0)
    for key, (shown, more) in accepted_suggestions(revision).items():
        found[key].suggestions, found[key].more_suggestions = shown, max(more, 0)
    for key, (shown, more) in adopted_wordings(revision).items():
        found[key].adopted, found[key].more_adopted = shown, max(more, 0)
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
