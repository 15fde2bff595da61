"""Canonical text: the form in which clause text is hashed and compared.

Two sources that differ only in ways a reader cannot see once rendered
(re-wrapped paragraphs, trailing spaces, CRLF, NBSP instead of a space,
decomposed accents) normalise to the same string, so they hash the same and a
redline shows nothing for them. Block structure, which a reader does see, is
kept: paragraphs stay apart and every list item, quote line, heading, table row
or rule stays on its own line. Fenced code is kept verbatim.

The rules are line based on purpose, rather than a full CommonMark parse: the
result must be idempotent and stable across markdown-it releases, and hashes of
published texts must never change under readers' feet. The price is that
indentation is dropped (a nested list item is a line like any other, an
indented code block reads as a paragraph) and that any ``12.`` or ``-`` a
re-wrap brings to the start of a line counts as a list item, as CommonMark
mostly agrees.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from drafts.syntax import (
    ATX_HEADING,
    LIST_ITEM,
    MAYBE_BLOCK,
    SETEXT_UNDERLINE,
    THEMATIC_BREAK,
    Fence,
    fence_opened_by,
    is_quote,
    is_table_row,
)

if TYPE_CHECKING:
    from drafts.model import Clause

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")


def _collapse_whitespace(line: str) -> str:
    return " ".join(line.split())


def _is_single_line_block(line: str) -> bool:
    """True for blocks that end with their line, so the next line never joins them."""
    return bool(
        ATX_HEADING.match(line)
        or THEMATIC_BREAK.fullmatch(line)
        or SETEXT_UNDERLINE.fullmatch(line)
    )


def _starts_block(line: str) -> bool:
    """True when ``line`` (collapsed) opens a block, so the break before it is kept."""
    return bool(
        LIST_ITEM.match(line) or is_quote(line) or is_table_row(line) or _is_single_line_block(line)
    )


class _Normaliser:
    """Accumulates logical lines; ``""`` entries stand for one blank line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.fence: Fence | None = None
        self.may_join = False

    def feed(self, raw: str) -> None:
        if self.fence is not None:
            self._feed_fenced(raw)
        elif (fence := fence_opened_by(raw)) is not None:
            self.lines.append(raw)
            self.fence, self.may_join = fence, False
        else:
            self._feed_text(_collapse_whitespace(raw))

    def _feed_fenced(self, raw: str) -> None:
        self.lines.append(raw)
        if self.fence is not None and self.fence.is_closed_by(raw):
            self.fence = None

    def _feed_text(self, line: str) -> None:
        if not line:
            if self.lines and self.lines[-1]:
                self.lines.append("")
            self.may_join = False
        elif self.may_join and not _starts_block(line):
            self.lines[-1] += " " + line
        else:
            self.lines.append(line)
            self.may_join = not _is_single_line_block(line)

    def result(self) -> str:
        return unicodedata.normalize("NFC", "\n".join(self.lines).strip())


def normalise(text: str) -> str:
    """Return the canonical form of Markdown ``text`` used for hashing and diffing.

    NFC; CRLF/CR become LF; whitespace runs (any Unicode space) become one
    space; a line break inside a paragraph or list item is just a space; blocks
    are separated by exactly one blank line; a line that opens a block (list
    item, ``>``, ``#`` heading, ``|`` table row, rule, setext underline, fence)
    keeps its line break; fenced code is verbatim. Idempotent.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if MAYBE_BLOCK.search("\n" + text) is None:
        return _normalise_prose(text)
    return _normalise_lines(text)


def _normalise_prose(text: str) -> str:
    """:func:`normalise` for text without block markers: paragraphs of collapsed words."""
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(text))
    return "\n\n".join(filter(None, paragraphs))


def _normalise_lines(text: str) -> str:
    """:func:`normalise` by its rules, line by line (NFC and LF line ends already applied)."""
    normaliser = _Normaliser()
    for raw in text.split("\n"):
        normaliser.feed(raw)
    return normaliser.result()


def clause_hash_of_normalised(heading: str, body: str) -> str:
    """:func:`clause_hash` of a heading and body that are already normalised."""
    return _sha256_hex(heading + "\n\n" + body)


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clause_hash(heading: str, body: str) -> str:
    """Return ``sha256(normalise(heading) + "\\n\\n" + normalise(body))`` as hex (UTF-8)."""
    return clause_hash_of_normalised(normalise(heading), normalise(body))


def content_hash(title: str | None, clauses: Sequence[Clause]) -> str:
    """Return the hash that identifies a published text; readers can recompute it.

    Formula (UTF-8, lowercase hex)::

        sha256("\\n".join([normalise(title or "")]
                          + [f"{c.level}:{clause_hash(c.heading, c.body)}" for c in clauses]))

    where ``clause_hash(h, b) = sha256_hex(normalise(h) + "\\n\\n" + normalise(b))``.
    Keys and outline numbers are not part of it: only what a reader sees.
    """
    parts = [normalise(title or "")] + [f"{c.level}:{c.hash}" for c in clauses]
    return _sha256_hex("\n".join(parts))


def chain_hash(previous: str | None, content_hash: str) -> str:
    """Return the hash that links a published revision to every one before it.

    Formula: ``sha256_hex((previous or "") + content_hash)``, where ``previous`` is
    the chain hash of the policy's previous published revision (none for the first).
    Both parts are 64 hex digits (or nothing), so the concatenation is unambiguous.
    """
    return _sha256_hex((previous or "") + content_hash)
