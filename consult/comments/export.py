"""Every comment of a policy (or of one revision) as rows, for staff to take elsewhere: CSV
for spreadsheets, JSON for programs.

Both formats are built from the same column table and streamed: comments are read in
batches of BATCH by id (keyset, not OFFSET), one query per batch reading every column a
row needs — the comment's, its author's name, its flag count, its staff record — as plain
tuples (no ORM objects: building a hundred thousand of them cost more than writing the
file), so a hundred thousand comments take no more memory than a thousand and the queries
grow with the batches, not the rows.
"""

import csv
import json
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

import sqlalchemy as sa
from sqlalchemy.orm import aliased

import drafts
from consult.accounts.models import User
from consult.comments.models import Comment, CommentStatus, CommentTriage, Flag
from consult.comments.pseudonyms import author_pseudonym
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision
from consult.policies.numbering import heading_numbers_by_revision

BATCH = 1000
STATUS_NAMES = {
    CommentStatus.PUBLISHED: "visible",
    CommentStatus.HIDDEN: "hidden",
    CommentStatus.DELETED: "deleted",
}
# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Outside a string JSON has none of these, so escaping them keeps the same value while no
# browser that ignores the content type can read markup in a file.
HTML_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@dataclass(frozen=True)
class Column:
    """One column of both formats; `staff_only` columns never reach anyone else."""

    name: str
    staff_only: bool = False


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def enum_value(value) -> str | None:
    return value.value if value is not None else None


# Every column, in order, of the CSV and the JSON alike; `export_row` gives each its value.
COLUMNS = (
    *map(Column, ("id", "revision", "clause_key", "clause_number", "parent_id", "language")),
    *map(Column, ("author", "created", "edited", "status", "body", "disposition")),
    *map(Column, ("duplicate_of", "response", "endorsements", "suggested_wording", "flags")),
    Column("similar_group"),
    Column("assignee", staff_only=True),
    Column("internal_note", staff_only=True),
)
ExportRow = namedtuple("ExportRow", [column.name for column in COLUMNS])


def columns_for(staff: bool) -> tuple[Column, ...]:
    return tuple(column for column in COLUMNS if staff or not column.staff_only)


def values_of(columns: tuple[Column, ...]) -> Callable[[ExportRow], tuple]:
    """The values of `columns` of a row, in their order (one C call per row)."""
    getter = attrgetter(*(column.name for column in columns))
    return getter if len(columns) > 1 else lambda row: (getter(row),)


# --- Reading the comments --------------------------------------------------------------------


def shown_number(numbers, clause) -> str:
    """The number shown beside the clause's heading: Consult's, or the heading's own."""
    if numbers.keeps_own(clause):
        own = drafts.heading_number(clause.heading)
        return own.label if own else ""
    return numbers.number(clause)


@dataclass(frozen=True)
class PolicyOutline:
    """Each revision's number, and each clause's number as shown, by (revision id, key)."""

    revision_numbers: dict[int, int]
    clause_numbers: dict[tuple[int, str], str]

    @classmethod
    def of(cls, policy: Policy) -> "PolicyOutline":
        revisions = db.session.scalars(
            sa.select(Revision).where(Revision.policy_id == policy.id)
        ).all()
        numbers = heading_numbers_by_revision(policy, revisions)
        clauses = db.session.execute(
            sa.select(Clause.revision_id, Clause.key, Clause.number, Clause.heading).where(
                Clause.revision_id.in_(numbers)
            )
        )
        return cls(
            {revision.id: revision.number for revision in revisions},
            {(c.revision_id, c.key): shown_number(numbers[c.revision_id], c) for c in clauses},
        )

    def clause_number(self, comment) -> str:
        return self.clause_numbers.get((comment.revision_id, comment.clause_key), "")


COMMENT_COLUMNS = (
    *("id", "revision_id", "clause_key", "parent_id", "language", "author_id"),
    *("created_at", "edited_at", "status", "body", "disposition", "duplicate_of_id"),
    *("response", "endorsement_count", "suggested_wording", "similar_group_id"),
)


def flag_count() -> sa.Label:
    return (
        sa.select(sa.func.count())
        .where(Flag.comment_id == Comment.id)
        .correlate(Comment)
        .scalar_subquery()
        .label("flags")
    )


def with_staff_columns(query: sa.Select, staff: bool) -> sa.Select:
    """The author's name, and the staff record's note and assignee's name (none of them
    read for anyone else)."""
    if not staff:
        return query.add_columns(sa.null(), sa.null(), sa.null())
    author, assignee = aliased(User), aliased(User)
    return (
        query.add_columns(author.display_name, CommentTriage.note, assignee.display_name)
        .outerjoin(author, author.id == Comment.author_id)
        .outerjoin(CommentTriage, CommentTriage.comment_id == Comment.id)
        .outerjoin(assignee, assignee.id == CommentTriage.assignee_id)
    )


def export_query(policy_id: int, revision_id: int | None, staff: bool) -> sa.Select:
    """The columns `export_row` reads, in its order, of the comments in order of id.

    The policy and revision are compared as `column + 0`, which no index serves: through
    its policy index the database would read every comment of the policy and sort them,
    for each batch; along the primary key a batch reads its own rows only."""
    columns = [getattr(Comment, name) for name in COMMENT_COLUMNS]
    query = sa.select(*columns, flag_count()).where(Comment.policy_id + 0 == policy_id)
    if revision_id is not None:
        query = query.where(Comment.revision_id + 0 == revision_id)
    return with_staff_columns(query, staff).order_by(Comment.id)


def export_row(row: sa.Row, outline: PolicyOutline, staff: bool) -> ExportRow:
    """One row of the query as the export's columns (unpacked by position: a hundred
    thousand rows pass here)."""
    (comment_id, revision_id, key, parent_id, language, author_id) = row[:6]
    (created, edited, status, body, disposition, duplicate_of) = row[6:12]
    (response, endorsements, wording, group, flags, author, note, assignee) = row[12:]
    return ExportRow(
        *(comment_id, outline.revision_numbers[revision_id], key),
        outline.clause_numbers.get((revision_id, key), ""),
        *(parent_id, language, author if staff else author_pseudonym(author_id)),
        *(iso(created), iso(edited), STATUS_NAMES[status], body, enum_value(disposition)),
        *(duplicate_of, response, endorsements, wording or None, flags, group),
        *(assignee, note or None),
    )


def export_rows(
    policy_id: int, revision_id: int | None, staff: bool, size: int | None = None
) -> Iterator[list[ExportRow]]:
    """The rows of the export, `size` (or BATCH) at a time: one query per batch, each
    starting after the last id (keyset, not OFFSET), read through the connection (no ORM
    objects). It runs while the response is written, after the view's session has gone:
    it takes ids, not the view's objects."""
    outline = PolicyOutline.of(db.session.get_one(Policy, policy_id))
    query, size = export_query(policy_id, revision_id, staff), size or BATCH
    last = 0
    while True:
        result = db.session.connection().execute(query.where(Comment.id > last).limit(size))
        rows = [export_row(row, outline, staff) for row in result]
        if not rows:
            return
        last, full = rows[-1].id, len(rows) == size
        yield rows  # the reader empties it: memory holds one batch, not two
        if not full:
            return


# --- The two formats -----------------------------------------------------------------------


def neutralised_cells(values: tuple) -> list:
    """Cells a spreadsheet shows as text: a leading formula character gets a quote (and
    None is an empty cell)."""
    return [
        ("'" + value if value.startswith(FORMULA_STARTS) else value)
        if isinstance(value, str)
        else ("" if value is None else value)
        for value in values
    ]


def neutralised(value: object) -> object:
    return neutralised_cells((value,))[0]


def csv_chunks(
    columns: tuple[Column, ...], batches: Iterator[list[ExportRow]], bom: bool = False
) -> Iterator[str]:
    """The CSV text: a header line, then one chunk per batch."""
    lines: list[str] = []
    writer = csv.writer(Lines(lines))
    writer.writerow([column.name for column in columns])
    yield ("\ufeff" if bom else "") + lines.pop()
    values = values_of(columns)
    for batch in batches:
        writer.writerows(neutralised_cells(values(row)) for row in batch)
        batch.clear()  # export_rows holds the same list until the next is asked for
        text = "".join(lines)
        lines.clear()
        yield text
        del text  # nor the last chunk while the next batch is read


class Lines:
    """What csv.writer writes to: each line goes to `lines`, which the caller empties."""

    def __init__(self, lines: list[str]):
        self.write = lines.append


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(HTML_SAFE)


def json_chunks(
    about: dict[str, object], columns: tuple[Column, ...], batches: Iterator[list[ExportRow]]
) -> Iterator[str]:
    """A JSON object: `about`'s members, then "comments", an array of one object per row,
    written a batch at a time."""
    members = "".join(f"{json_text(name)}:{json_text(value)}," for name, value in about.items())
    yield "{" + members + '"comments":['
    names, values = [column.name for column in columns], values_of(columns)
    separator = ""
    for batch in batches:
        objects = []
        for row in batch:
            objects.append(separator + json_text(dict(zip(names, values(row), strict=True))))
            separator = ","
        batch.clear()  # export_rows holds the same list until the next is asked for
        text = "\n".join(objects)
        del objects
        yield text
        del text  # nor the last chunk while the next batch is read
    yield "]}\n"
