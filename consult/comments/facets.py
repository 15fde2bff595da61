"""What the triage page shows besides the comments: each filter's values with their counts,
and, for the page's comments, their clauses, open flags and staff records.

One aggregate query per filter and one query per kind of detail, whatever the number of
comments (tests/comments/test_triage_queries.py counts them).
"""

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import pgettext
from sqlalchemy.orm import joinedload, lazyload

from consult.accounts.models import User
from consult.comments.labels import disposition_label
from consult.comments.models import Comment, CommentStatus, CommentTriage, Disposition, Flag
from consult.comments.sieve import (
    NOBODY,
    TriageFilters,
    conditions,
    filter_conditions,
)
from consult.extensions import db
from consult.i18n import language_name
from consult.policies.models import Clause, Policy, Revision


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter, its values and how many comments each would show."""

    name: str
    options: tuple[Option, ...]


def grouped(policy: Policy, filters: TriageFilters, name: str, *columns, join=None) -> list:
    query = sa.select(*columns, sa.func.count()).select_from(Comment)
    if join is not None:
        query = query.outerjoin(*join)
    query = query.where(*conditions(policy, filters, without=name))
    return db.session.execute(query.group_by(*columns)).all()


def revision_facet(policy: Policy, filters: TriageFilters) -> Facet:
    rows = grouped(
        policy,
        filters,
        "revision",
        Revision.number,
        join=(Revision, Revision.id == Comment.revision_id),
    )
    options = sorted(rows, key=lambda row: row[0])
    return Facet(
        "revision",
        # Translators: Label naming a revision of a policy, in breadcrumbs, filters and headings; %(number)s is the revision number. Read by policy staff.
        tuple(Option(str(n), _("Revision %(number)s", number=n), count) for n, count in options),
    )


def clause_label(clause: Clause | None, key: str) -> str:
    if clause is None:
        return key
    # Translators: Name used for the first, untitled part of a policy that comes before any heading. Read by policy staff.
    heading = clause.heading or _("Introduction")
    return f"{clause.number} {heading}".strip()


def clause_facet(policy: Policy, filters: TriageFilters) -> Facet:
    """Clauses by key, each named as it read in the latest revision commented on."""
    rows = db.session.execute(
        sa.select(Comment.clause_key, sa.func.max(Comment.clause_id), sa.func.count())
        .where(*conditions(policy, filters, without="clause"))
        .group_by(Comment.clause_key)
    ).all()
    clauses = {
        clause.id: clause
        for clause in db.session.scalars(
            sa.select(Clause).where(Clause.id.in_([clause_id for _key, clause_id, _n in rows]))
        )
    }
    named = [(clauses.get(clause_id), key, count) for key, clause_id, count in rows]
    named.sort(key=lambda row: (row[0].position if row[0] else 0, row[1]))
    return Facet(
        "clause", tuple(Option(key, clause_label(clause, key), n) for clause, key, n in named)
    )


def language_facet(policy: Policy, filters: TriageFilters) -> Facet:
    rows = grouped(policy, filters, "language", Comment.language)
    options = [Option(tag, language_name(tag), count) for tag, count in rows]
    return Facet("language", tuple(sorted(options, key=lambda o: o.label.casefold())))


def disposition_facet(policy: Policy, filters: TriageFilters) -> Facet:
    counts = dict(grouped(policy, filters, "disposition", Comment.disposition))
    return Facet(
        "disposition",
        tuple(Option(d.value, disposition_label(d), counts.get(d, 0)) for d in Disposition),
    )


def assignee_facet(policy: Policy, filters: TriageFilters, staff: list[User]) -> Facet:
    counts = dict(
        grouped(
            policy,
            filters,
            "assignee",
            CommentTriage.assignee_id,
            join=(CommentTriage, CommentTriage.comment_id == Comment.id),
        )
    )
    people = {user.id: user for user in staff}
    former = [user_id for user_id in counts if user_id is not None and user_id not in people]
    if former:
        people.update(
            {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(former)))}
        )
    # Translators: Option in the assignee filter and field meaning the comment is assigned to no one; staff read it.
    nobody = Option(NOBODY, _("Nobody"), counts.get(None, 0))
    return Facet(
        "assignee",
        (nobody, *(Option(str(i), u.display_name, counts.get(i, 0)) for i, u in people.items())),
    )


def yes_no_facet(policy: Policy, filters: TriageFilters, name: str) -> Facet:
    condition = filter_conditions(policy)[name]("yes")
    total, yes = db.session.execute(
        sa.select(sa.func.count(), sa.func.count().filter(condition))
        .select_from(Comment)
        .where(*conditions(policy, filters, without=name))
    ).one()
    return Facet(
        name,
        (
            # Translators: Option "Yes" in a yes/no filter of the staff's comment triage list, followed by a count.
            Option("yes", pgettext("filter option", "Yes"), yes),
            # Translators: Option "No" in a yes/no filter of the staff's comment triage list, followed by a count.
            Option("no", pgettext("filter option", "No"), total - yes),
        ),
    )


# Groups of similar comments a facet lists: the largest (and the one chosen).
GROUP_OPTIONS = 100
OPENING = 60


def opening(body: str) -> str:
    """The start of a comment, on one line, for naming its group."""
    text = " ".join(body.split())
    return text if len(text) <= OPENING else text[: OPENING - 1].rstrip() + "…"


def group_facet(policy: Policy, filters: TriageFilters) -> Facet:
    """Groups of similar comments, largest first, each named by its first comment."""
    count = sa.func.count()
    chosen = sa.case((Comment.similar_group_id == (filters.group or 0), 0), else_=1)
    rows = db.session.execute(
        sa.select(Comment.similar_group_id, count)
        .where(*conditions(policy, filters, without="group"))
        .where(Comment.similar_group_id.is_not(None))
        .group_by(Comment.similar_group_id)
        .order_by(chosen, count.desc(), Comment.similar_group_id)
        .limit(GROUP_OPTIONS)
    ).all()
    starts = dict(
        db.session.execute(
            sa.select(Comment.id, sa.func.substr(Comment.body, 1, 4 * OPENING)).where(
                Comment.id.in_([group for group, _n in rows])
            )
        ).all()
    )
    rows.sort(key=lambda row: (-row[1], row[0]))
    return Facet(
        "group",
        tuple(
            Option(
                str(group),
                # Translators: Option in the triage filter of groups of similar comments; %(number)s is the group's first comment number and %(opening)s the first words of that comment. Read by policy staff.
                _(
                    "Comment %(number)s: %(opening)s",
                    number=group,
                    opening=opening(starts.get(group, "")),
                ),
                n,
            )
            for group, n in rows
        ),
    )


FACETS: dict[str, Callable] = {
    "revision": revision_facet,
    "clause": clause_facet,
    "language": language_facet,
    "disposition": disposition_facet,
    "group": group_facet,
}


def facets(policy: Policy, filters: TriageFilters, staff: list[User]) -> dict[str, Facet]:
    found = {name: build(policy, filters) for name, build in FACETS.items()}
    found["assignee"] = assignee_facet(policy, filters, staff)
    for name in ("flagged", "hidden", "wording"):
        found[name] = yes_no_facet(policy, filters, name)
    return found


@dataclass(frozen=True)
class PageDetails:
    """For the comments of one page: their clause, open flags, staff record, and the size
    of their groups of similar comments (by group id)."""

    clauses: dict[int, Clause]
    flags: dict[int, int]
    records: dict[int, CommentTriage]
    groups: dict[int, int]


def group_sizes(comments: list[Comment]) -> dict[int, int]:
    groups = {comment.similar_group_id for comment in comments} - {None}
    rows = db.session.execute(
        sa.select(Comment.similar_group_id, sa.func.count())
        .where(Comment.policy_id.in_({comment.policy_id for comment in comments}))
        .where(Comment.similar_group_id.in_(groups), Comment.status != CommentStatus.DELETED)
        .group_by(Comment.similar_group_id)
    )
    return dict(rows.all())


def page_details(comments: list[Comment]) -> PageDetails:
    ids = [comment.id for comment in comments]
    clauses = db.session.scalars(
        sa.select(Clause).where(Clause.id.in_({comment.clause_id for comment in comments}))
    )
    flags = db.session.execute(
        sa.select(Flag.comment_id, sa.func.count())
        .where(Flag.comment_id.in_(ids), Flag.resolved_at.is_(None))
        .group_by(Flag.comment_id)
    )
    records = db.session.scalars(
        sa.select(CommentTriage)
        .where(CommentTriage.comment_id.in_(ids))
        .options(
            joinedload(CommentTriage.assignee).options(
                lazyload(User.role_grants), lazyload(User.language_grants)
            )
        )
    )
    return PageDetails(
        {clause.id: clause for clause in clauses},
        dict(flags.all()),
        {record.comment_id: record for record in records},
        group_sizes(comments),
    )
