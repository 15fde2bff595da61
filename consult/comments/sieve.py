"""The triage page's filters: read from the URL, applied in SQL, counted per value.

A facet's counts apply every filter but its own, so each value shows what choosing
it would give. Every count is one aggregate query and the page of comments a fixed
number more, so the page runs the same queries for a hundred comments or a hundred
thousand.
"""

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import to_utc

from consult.accounts.models import User, UserRole
from consult.comments.models import Comment, CommentStatus, CommentTriage, Disposition, Flag
from consult.extensions import db
from consult.i18n import canonical_language
from consult.permissions import Role
from consult.policies.models import Clause, Policy, Revision

YES_NO = ("yes", "no")
NOBODY = "none"
SORTS = {
    "newest": (Comment.created_at.desc(), Comment.id.desc()),
    "oldest": (Comment.created_at.asc(), Comment.id.asc()),
    "endorsed": (Comment.endorsement_count.desc(), Comment.id.desc()),
    "clause": (Comment.revision_id, Clause.position, Comment.created_at, Comment.id),
}
DEFAULT_SORT = "newest"


def parsed_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


def number(text: str | None) -> int | None:
    # Within a 64-bit column, so that no database refuses the comparison.
    return int(text) if text and text.isdigit() and len(text) < 19 else None


def one_of(value: str | None, allowed) -> str | None:
    return value if value in allowed else None


@dataclass(frozen=True)
class TriageFilters:
    """What the triage page shows; every field is a URL parameter of the same name."""

    revision: int | None = None
    clause: str | None = None
    language: str | None = None
    disposition: Disposition | None = None
    assignee: str | None = None  # a staff account's id, or NOBODY
    flagged: str | None = None  # "yes" (open flags) or "no"
    hidden: str | None = None
    wording: str | None = None  # has a suggested wording
    group: int | None = None  # a group of similar comments, by its first comment's id
    since: date | None = None
    until: date | None = None
    text: str = ""
    replies: bool = False
    sort: str = DEFAULT_SORT

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "TriageFilters":
        assignee = args.get("assignee") or None
        return cls(
            revision=int(args["revision"]) if args.get("revision", "").isdigit() else None,
            clause=args.get("clause") or None,
            language=canonical_language(args.get("language")),
            disposition=one_of(args.get("disposition"), set(Disposition)),
            assignee=assignee if assignee == NOBODY or (assignee or "").isdigit() else None,
            flagged=one_of(args.get("flagged"), YES_NO),
            hidden=one_of(args.get("hidden"), YES_NO),
            wording=one_of(args.get("wording"), YES_NO),
            group=number(args.get("group")),
            since=parsed_date(args.get("since")),
            until=parsed_date(args.get("until")),
            text=(args.get("text") or "").strip()[:200],
            replies=args.get("replies") == "yes",
            sort=args.get("sort") if args.get("sort") in SORTS else DEFAULT_SORT,
        )

    def query_args(self, **changes) -> dict[str, str]:
        """The URL parameters that keep this state (with `changes`), defaults left out."""
        state = replace(self, **changes)
        default = asdict(TriageFilters())
        args = {}
        for name, value in asdict(state).items():
            if value != default[name] and value is not None and value != "":
                args[name] = "yes" if value is True else str(value)
        return args

    def active(self) -> bool:
        return any(getattr(self, f.name) != f.default for f in fields(self) if f.name != "sort")


def day_start(day: date) -> datetime:
    """Midnight of `day` in the reader's time zone, as an aware UTC time."""
    return to_utc(datetime.combine(day, time())).replace(tzinfo=UTC)


def open_flags() -> sa.Select:
    return sa.select(Flag.comment_id).where(Flag.resolved_at.is_(None))


def assigned_to(value: str) -> sa.ColumnElement[bool]:
    if value == NOBODY:
        return ~Comment.id.in_(
            sa.select(CommentTriage.comment_id).where(CommentTriage.assignee_id.is_not(None))
        )
    return Comment.id.in_(
        sa.select(CommentTriage.comment_id).where(CommentTriage.assignee_id == int(value))
    )


def yes_no(condition: sa.ColumnElement[bool]) -> Callable[[str], sa.ColumnElement[bool]]:
    return lambda value: condition if value == "yes" else ~condition


def has_wording() -> sa.ColumnElement[bool]:
    return sa.and_(Comment.suggested_wording.is_not(None), Comment.suggested_wording != "")


def containing(text: str) -> sa.ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(
        Comment.body.ilike(pattern, escape="\\"),
        Comment.suggested_wording.ilike(pattern, escape="\\"),
    )


def revision_numbered(policy: Policy) -> Callable[[int], sa.ColumnElement[bool]]:
    def condition(number: int) -> sa.ColumnElement[bool]:
        revision_id = sa.select(Revision.id).where(
            Revision.policy_id == policy.id, Revision.number == number
        )
        return Comment.revision_id == revision_id.scalar_subquery()

    return condition


def filter_conditions(policy: Policy) -> dict[str, Callable]:
    return {
        "revision": revision_numbered(policy),
        "clause": lambda key: Comment.clause_key == key,
        "language": lambda tag: Comment.language == tag,
        "disposition": lambda value: Comment.disposition == value,
        "assignee": assigned_to,
        "flagged": yes_no(Comment.id.in_(open_flags())),
        "hidden": yes_no(Comment.status == CommentStatus.HIDDEN),
        "wording": yes_no(has_wording()),
        "group": lambda group: Comment.similar_group_id == group,
        "since": lambda day: Comment.created_at >= day_start(day),
        "until": lambda day: Comment.created_at < day_start(day + timedelta(days=1)),
        "text": containing,
    }


def conditions(policy: Policy, filters: TriageFilters, without: str = "") -> list:
    """The WHERE of the comments `filters` select, leaving out the filter `without`."""
    found = [Comment.policy_id == policy.id, Comment.status != CommentStatus.DELETED]
    if not filters.replies:
        found.append(Comment.parent_id.is_(None))
    for name, condition in filter_conditions(policy).items():
        value = getattr(filters, name)
        if name != without and value not in (None, ""):
            found.append(condition(value))
    return found


def matching_ids(policy: Policy, filters: TriageFilters) -> sa.Select:
    return sa.select(Comment.id).where(*conditions(policy, filters))


def matching_count(policy: Policy, filters: TriageFilters) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Comment).where(*conditions(policy, filters))
    )


def page_query(policy: Policy, filters: TriageFilters, options) -> sa.Select:
    query = sa.select(Comment).where(*conditions(policy, filters)).options(*options)
    if filters.sort == "clause":
        query = query.join(Clause, Clause.id == Comment.clause_id)
    return query.order_by(*SORTS[filters.sort])


def staff_accounts() -> list[User]:
    """Everyone a comment can be assigned to: staff and admins, by name."""
    holders = sa.select(UserRole.user_id).where(UserRole.role.in_([Role.STAFF, Role.ADMIN]))
    return list(
        db.session.scalars(
            sa.select(User).where(User.id.in_(holders)).order_by(User.display_name, User.id)
        )
    )
