"""Every comment of a policy (or of one revision) as rows, for staff to take elsewhere: CSV
for spreadsheets, JSON for programs.

Both formats are built from the same column table and streamed: comments are read in
batches of BATCH by id (keyset, not OFFSET), and each batch's details — authors, flag
counts, staff records — are one query each, so a hundred thousand comments take no more
memory than a thousand and the queries grow with the batches, not the rows.
"""

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, lazyload, raiseload

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
class ExportRow:
    """One comment and what its columns need beyond the comment itself."""

    comment: Comment
    revision_number: int
    clause_number: str
    author: str | None
    flags: int
    record: CommentTriage | None


@dataclass(frozen=True)
class Column:
    """One column of both formats; `staff_only` columns never reach anyone else."""

    name: str
    value: Callable[[ExportRow], object]
    staff_only: bool = False


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def enum_value(value) -> str | None:
    return value.value if value is not None else None


def assignee_of(row: ExportRow) -> str | None:
    assignee = row.record.assignee if row.record else None
    return assignee.display_name if assignee else None


def note_of(row: ExportRow) -> str | None:
    return (row.record.note or None) if row.record else None


# Every column, in order: one entry here adds a column to the CSV and to the JSON alike.
COLUMNS = (
    Column("id", lambda row: row.comment.id),
    Column("revision", lambda row: row.revision_number),
    Column("clause_key", lambda row: row.comment.clause_key),
    Column("clause_number", lambda row: row.clause_number),
    Column("parent_id", lambda row: row.comment.parent_id),
    Column("language", lambda row: row.comment.language),
    Column("author", lambda row: row.author),
    Column("created", lambda row: iso(row.comment.created_at)),
    Column("edited", lambda row: iso(row.comment.edited_at)),
    Column("status", lambda row: STATUS_NAMES[row.comment.status]),
    Column("body", lambda row: row.comment.body),
    Column("disposition", lambda row: enum_value(row.comment.disposition)),
    Column("duplicate_of", lambda row: row.comment.duplicate_of_id),
    Column("response", lambda row: row.comment.response),
    Column("endorsements", lambda row: row.comment.endorsement_count),
    Column("suggested_wording", lambda row: row.comment.suggested_wording or None),
    Column("flags", lambda row: row.flags),
    Column("similar_group", lambda row: row.comment.similar_group_id),
    Column("assignee", assignee_of, staff_only=True),
    Column("internal_note", note_of, staff_only=True),
)


def columns_for(staff: bool) -> tuple[Column, ...]:
    return tuple(column for column in COLUMNS if staff or not column.staff_only)


# --- Reading the comments, batch by batch ------------------------------------------------


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

    def clause_number(self, comment: Comment) -> str:
        return self.clause_numbers.get((comment.revision_id, comment.clause_key), "")


def comment_batches(
    policy_id: int, revision_id: int | None, with_authors: bool, size: int
) -> Iterator[list[Comment]]:
    """The comments in order of id, `size` at a time (each batch starts after the last id)."""
    condition = [Comment.policy_id == policy_id]
    if revision_id is not None:
        condition.append(Comment.revision_id == revision_id)
    options = [raiseload("*")]
    if with_authors:
        author = joinedload(Comment.author)
        options.insert(
            0, author.options(lazyload(User.role_grants), lazyload(User.language_grants))
        )
    last = 0
    while True:
        batch = db.session.scalars(
            sa.select(Comment)
            .where(*condition, Comment.id > last)
            .order_by(Comment.id)
            .limit(size)
            .options(*options)
        ).all()
        if not batch:
            return
        last, full = batch[-1].id, len(batch) == size
        yield list(batch)
        # Let this batch go before the next is read: memory holds one batch, not two.
        del batch
        if not full:
            return


def flag_counts(ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(Flag.comment_id, sa.func.count())
        .where(Flag.comment_id.in_(ids))
        .group_by(Flag.comment_id)
    )
    return dict(rows.all())


def staff_records(ids: list[int]) -> dict[int, CommentTriage]:
    records = db.session.scalars(
        sa.select(CommentTriage)
        .where(CommentTriage.comment_id.in_(ids))
        .options(
            joinedload(CommentTriage.assignee).options(
                lazyload(User.role_grants), lazyload(User.language_grants)
            )
        )
    )
    return {record.comment_id: record for record in records}


def author_label(comment: Comment, staff: bool) -> str | None:
    """Staff read the author's name; anyone else a pseudonym."""
    if not staff:
        return author_pseudonym(comment.author_id)
    return comment.author.display_name if comment.author else None


def export_rows(
    policy_id: int, revision_id: int | None, staff: bool, size: int | None = None
) -> Iterator[list[ExportRow]]:
    """The rows of the export, `size` (or BATCH) at a time. It runs while the response is
    written, after the view's session has gone: it takes ids, not the view's objects."""
    outline = PolicyOutline.of(db.session.get_one(Policy, policy_id))
    for batch in comment_batches(policy_id, revision_id, staff, size or BATCH):
        ids = [comment.id for comment in batch]
        flags = flag_counts(ids)
        records = staff_records(ids) if staff else {}
        rows = [
            ExportRow(
                comment,
                outline.revision_numbers[comment.revision_id],
                outline.clause_number(comment),
                author_label(comment, staff),
                flags.get(comment.id, 0),
                records.get(comment.id),
            )
            for comment in batch
        ]
        del batch, records
        yield rows
        del rows


# --- The two formats -----------------------------------------------------------------------


def neutralised(value: object) -> object:
    """A cell a spreadsheet shows as text: a leading formula character gets a quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Lines:
    """What csv.writer writes to: it hands each line back instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def csv_chunks(
    columns: tuple[Column, ...], batches: Iterator[list[ExportRow]], bom: bool = False
) -> Iterator[str]:
    """The CSV text: a header line, then one chunk per batch."""
    writer = csv.writer(Lines())
    yield ("\ufeff" if bom else "") + writer.writerow([column.name for column in columns])
    for batch in batches:
        text = "".join(
            writer.writerow([neutralised(column.value(row)) for column in columns]) for row in batch
        )
        del batch  # one batch in memory at a time
        yield text


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(HTML_SAFE)


def json_chunks(
    about: dict[str, object], columns: tuple[Column, ...], batches: Iterator[list[ExportRow]]
) -> Iterator[str]:
    """A JSON object: `about`'s members, then "comments", an array of one object per row,
    written a batch at a time."""
    members = "".join(f"{json_text(name)}:{json_text(value)}," for name, value in about.items())
    yield "{" + members + '"comments":['
    separator = ""
    for batch in batches:
        objects = []
        for row in batch:
            objects.append(separator + json_text({c.name: c.value(row) for c in columns}))
            separator = ","
        del batch  # one batch in memory at a time
        yield "\n".join(objects)
    yield "]}\n"
