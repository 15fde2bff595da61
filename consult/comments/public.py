"""The comments anyone may read, for the public API: visible ones only (not hidden, not
deleted), filtered like the triage page's public filters, oldest first, a page at a time
after a cursor — the (created, id) of the last comment read, so a comment posted meanwhile
neither shifts the pages nor is read twice."""

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import raiseload

from consult.comments.models import Comment, CommentStatus, Disposition
from consult.comments.sieve import filter_conditions, parsed_date
from consult.extensions import db
from consult.i18n import canonical_language
from consult.inputs import MAX_INT
from consult.policies.models import Policy

YES_NO = ("yes", "no")
TEXT_LIMIT = 200


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last comment's creation time and id."""

    created_at: datetime
    id: int

    def encode(self) -> str:
        text = json.dumps([self.created_at.isoformat(), self.id])
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor | None":
        """The cursor `text` encodes; None when it is not one of ours."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            created, comment_id = json.loads(raw)
            moment = datetime.fromisoformat(created)
        except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
            return None
        if moment.tzinfo is None or type(comment_id) is not int or not 0 < comment_id <= MAX_INT:
            return None
        return cls(moment, comment_id)


def whole_number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and 0 < int(text) <= MAX_INT else None


# How each public filter reads its URL parameter; None is a value it cannot read.
PARSERS = {
    "revision": whole_number,
    "clause": lambda text: text,
    "language": canonical_language,
    "disposition": lambda text: Disposition(text) if text in set(Disposition) else None,
    "wording": lambda text: text if text in YES_NO else None,
    "since": parsed_date,
    "until": parsed_date,
    "text": lambda text: text.strip()[:TEXT_LIMIT] or None,
}
# The text filter is `q` in the API, as in most search APIs.
PARAMETERS = {name: "q" if name == "text" else name for name in PARSERS}


def public_filters(args: Mapping[str, str]) -> tuple[dict[str, object], list[str]]:
    """The filters the parameters ask for, and the parameters whose values were unreadable
    (an empty one is no filter)."""
    found, unreadable = {}, []
    for name, parameter in PARAMETERS.items():
        text = args.get(parameter, "")
        if text == "":
            continue
        value = PARSERS[name](text)
        if value is None and name != "text":
            unreadable.append(parameter)
        elif value is not None:
            found[name] = value
    return found, unreadable


def visible_conditions(policy: Policy, filters: Mapping[str, object]) -> list:
    conditions = filter_conditions(policy)
    found = [Comment.policy_id == policy.id, Comment.status == CommentStatus.PUBLISHED]
    return found + [conditions[name](value) for name, value in filters.items()]


def after(cursor: Cursor) -> sa.ColumnElement[bool]:
    return sa.or_(
        Comment.created_at > cursor.created_at,
        sa.and_(Comment.created_at == cursor.created_at, Comment.id > cursor.id),
    )


def visible_page(
    policy: Policy, filters: Mapping[str, object], cursor: Cursor | None, limit: int
) -> tuple[list[Comment], Cursor | None]:
    """Up to `limit` visible comments after `cursor`, and the cursor of the next page (None
    on the last)."""
    conditions = visible_conditions(policy, filters)
    if cursor is not None:
        conditions.append(after(cursor))
    found = db.session.scalars(
        sa.select(Comment)
        .where(*conditions)
        .order_by(Comment.created_at, Comment.id)
        .limit(limit + 1)
        .options(raiseload("*"))
    ).all()
    page = list(found[:limit])
    more = len(found) > limit
    return page, Cursor(page[-1].created_at, page[-1].id) if more else None
