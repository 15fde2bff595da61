"""The report's and the statistics page's content, rendered once per state of what it shows.

Both pages are aggregates over every comment of a revision or a policy and draw thousands
of cells; a warm page reuses the HTML rendered by the first one. Kept per process, like the
triage page's counts (consult/comments/tallies.py), and keyed by everything the content
depends on: the policy's comment generation (moved by any comment, flag, staff record or
adoption, and by a change to a name or role shown beside a response or a wording), the
policy's own fields and every revision's number and state (a publication adds a redline
and turns "adopted in draft N" into "adopted in revision N"), the reader's language and
time zone and reading language, and whether the reader is staff (drafts are linked for staff only).

What is kept is text, never database rows: a cached page cannot lazy-load through a
session that has gone.
"""

from collections.abc import Callable, Hashable

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import format_number, get_locale, get_timezone
from markupsafe import Markup

from consult.comments.generations import generation_of
from consult.extensions import db
from consult.i18n import carried_reading_language
from consult.permissions import is_staff
from consult.policies.models import Policy, Revision
from consult.redline.cache import LRUCache

RENDERED = "consult.comments.rendered"


def init_app(app: Flask) -> None:
    app.extensions[RENDERED] = LRUCache(maxsize=64)


def policy_state(policy: Policy) -> tuple:
    """The policy's fields the pages show, and each revision's id, number and state."""
    revisions = db.session.execute(
        sa.select(Revision.id, Revision.number, Revision.state)
        .where(Revision.policy_id == policy.id)
        .order_by(Revision.id)
    )
    fields = (policy.id, policy.slug, policy.title, policy.source_language)
    return (*fields, policy.heading_numbers, tuple(tuple(row) for row in revisions))


def reader() -> tuple[str, str, bool, str | None]:
    # The reading language (`?lang=`) is carried by the pages' links.
    return str(get_locale()), str(get_timezone()), is_staff(), carried_reading_language()


def rendered(page: Hashable, policy: Policy, render: Callable[[], str]) -> Markup:
    """`render()`'s HTML, or what it gave for the same page, policy state and reader."""
    key = (page, generation_of(policy.id), policy_state(policy), reader())
    return current_app.extensions[RENDERED].get_or_compute(key, lambda: Markup(render()))


def counts_formatter() -> Callable[[int], str]:
    """`format_number` for this request, remembering each number: a report formats
    thousands of counts, most of them small and alike."""
    formatted: dict[int, str] = {}

    def formatted_count(number: int) -> str:
        if number not in formatted:
            formatted[number] = format_number(number)
        return formatted[number]

    return formatted_count
