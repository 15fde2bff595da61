"""Rendered HTML kept in the database, so a page's first view in a new process costs about
what a later one does.

A rendering depends on the Markdown text, the render profile and the renderer
(:data:`drafts.RENDERER_VERSION`) only, so it is stored under those, never under a
clause: the same text in two revisions is rendered once. Publishing stores what the
new revision's pages will show; a page reads every rendering it will show in one
query (:func:`prefetch`), renders what was missing, and stores that when the request
commits (:func:`save_missed`), so the next process finds it too.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import g, has_request_context
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

import drafts
from consult.extensions import db

# Four parameters a row: well under SQLite's and PostgreSQL's limits on one statement's.
ROWS_PER_INSERT = 2000


class RenderedHtml(db.Model):
    __tablename__ = "rendered_html"
    # Made again from the clause texts whenever missing: backups leave it out.
    __table_args__ = {"info": {"derived": True}}

    text_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    profile: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    renderer_version: Mapped[str] = mapped_column(sa.String(120), primary_key=True)
    html: Mapped[str] = mapped_column(sa.Text)


@dataclass(frozen=True)
class Wanted:
    """A text a page will render, and how."""

    text: str
    profile: drafts.RenderProfile = drafts.CLAUSE_PROFILE
    inline: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return drafts.rendering_key(self.text, self.profile, self.inline)


@dataclass
class PageRenderings:
    """The renderings a request read, by text and profile (no hashing while the page
    renders), and those it had to make, by storage key."""

    found: dict[tuple[str, str], str]
    missed: dict[tuple[str, str], str] = field(default_factory=dict)

    def html(self, wanted: Wanted) -> str:
        shown_as = (wanted.text, profile_tag(wanted))
        html = self.found.get(shown_as)
        if html is None:
            html = self.found[shown_as] = self.missed[wanted.key] = html_of(wanted)
        return html


def profile_tag(wanted: Wanted) -> str:
    return drafts.rendering_key("", wanted.profile, wanted.inline)[1]


def html_of(wanted: Wanted) -> str:
    return drafts.render_text(wanted.text, wanted.profile, wanted.inline)


def rendered(text: str, profile: drafts.RenderProfile = drafts.CLAUSE_PROFILE, inline=False) -> str:
    """The HTML of ``text``: from what the page read (:func:`prefetch`), else rendered.

    Only clause texts are stored: what readers write (comments, suggested wordings) can
    be edited, hidden or erased, and no copy of it may outlive that.
    """
    renderings = g.get("renderings") if has_request_context() else None
    if renderings is None or profile != drafts.CLAUSE_PROFILE:
        return drafts.render_text(text, profile, inline)
    return renderings.html(Wanted(text, profile, inline))


def prefetch(wanted: Iterable[Wanted]) -> None:
    """Read the stored renderings of every text the page will render, in one query."""
    by_key = {item.key: item for item in wanted}
    found = stored(set(by_key))
    g.renderings = PageRenderings(
        {(by_key[key].text, profile_tag(by_key[key])): html for key, html in found.items()}
    )


def stored(keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    if not keys:
        return {}
    rows = db.session.execute(
        sa.select(RenderedHtml.text_hash, RenderedHtml.profile, RenderedHtml.html).where(
            RenderedHtml.renderer_version == drafts.RENDERER_VERSION,
            RenderedHtml.text_hash.in_({text_hash for text_hash, _ in keys}),
        )
    )
    return {(row.text_hash, row.profile): row.html for row in rows if (row[0], row[1]) in keys}


def store(wanted: Iterable[Wanted]) -> int:
    """Render and store every wanted text not stored yet (at publish); returns how many."""
    by_key = {item.key: item for item in wanted}
    missing = by_key.keys() - stored(set(by_key))
    rows = {key: html_of(by_key[key]) for key in missing}
    insert(rows)
    return len(rows)


def save_missed() -> None:
    """Store what this request rendered for want of a stored rendering (before it commits)."""
    renderings = g.pop("renderings", None)
    if renderings is not None and renderings.missed:
        insert(renderings.missed)


def insert(renderings: dict[tuple[str, str], str]) -> None:
    """One INSERT of many rows; a row another process stored meanwhile is left as it is."""
    rows = [
        {"text_hash": text_hash, "profile": profile, "html": html}
        | {"renderer_version": drafts.RENDERER_VERSION}
        for (text_hash, profile), html in renderings.items()
    ]
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    for start in range(0, len(rows), ROWS_PER_INSERT):
        statement = dialect.insert(RenderedHtml).values(rows[start : start + ROWS_PER_INSERT])
        db.session.execute(statement.on_conflict_do_nothing())
