"""Immutable values the drafts library works on: documents and their clauses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from drafts.memo import memoised
from drafts.shown import differs_from_normalised, shown_text
from drafts.text import clause_hash_of_normalised, content_hash, normalise


@dataclass(frozen=True)
class Clause:
    """One heading and the Markdown under it, up to the next heading.

    ``level`` is the heading level as written (1..6), 0 for the preamble (text
    before the first heading). ``key`` is the clause's identity across
    versions (assigned by :func:`drafts.align.align`); ``number`` its outline
    number (:func:`drafts.document.number_clauses`).
    """

    level: int
    heading: str
    body: str
    key: str | None = None
    number: str = ""
    # The hash already computed for this text (stored with a published clause):
    # comparing two revisions then skips normalising every unchanged clause.
    # A copy with other text (dataclasses.replace) must pass known_hash=None.
    known_hash: str | None = field(default=None, compare=False, repr=False)

    @memoised
    def normalised_heading(self) -> str:
        return normalise(self.heading)

    @memoised
    def normalised_body(self) -> str:
        return normalise(self.body)

    @memoised
    def shown_body(self) -> str:
        """The normalised body with the line breaks a reader sees (:mod:`drafts.shown`): what
        a redline shows."""
        return shown_text(self.body) if differs_from_normalised(self.body) else self.normalised_body

    @memoised
    def hash(self) -> str:
        """Hash of the clause's visible text; see :func:`drafts.text.clause_hash`."""
        if self.known_hash is not None:
            return self.known_hash
        return clause_hash_of_normalised(self.normalised_heading, self.normalised_body)

    @property
    def is_preamble(self) -> bool:
        """True for the text before the first heading."""
        return self.level == 0


@dataclass(frozen=True)
class Document:
    """A parsed Markdown draft: optional title, front matter and clauses."""

    title: str | None
    # A read-only view is not hashable; hashing a document by its clauses is enough.
    front_matter: Mapping[str, Any] = field(hash=False)
    clauses: tuple[Clause, ...]

    @memoised
    def content_hash(self) -> str:
        """Hash readers use to verify a published text; see :func:`drafts.text.content_hash`."""
        return content_hash(self.title, self.clauses)
