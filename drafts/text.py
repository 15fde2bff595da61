"""Canonical text: the form in which clause text is hashed and compared.

Two sources that differ only in ways a reader cannot see once rendered
(re-wrapped paragraphs, trailing spaces, CRLF, NBSP instead of a space,
decomposed accents) normalise to the same string, so they hash the same and a
redline shows nothing for them. Block structure, which a reader does see, is
kept: paragraphs stay apart and every list item, quote line, heading, table row
or rule stays on its own line. Fenced code is kept verbatim.

The rules are line based on purpose, rather than a full CommonMark parse: the
result must be idempotent and stable across markdown-it releases, and hashes of
published texts must never change under readers' feet. The price is that any
``12.`` or ``-`` a re-wrap brings to the start of a line counts as a list item,
as CommonMark mostly agrees.

There are two formulas, and a published revision records the one its hashes
use. Formula 1 drops indentation: a nested list item is a line like any other,
an indented code block reads as a paragraph. Formula 2 (the current one) keeps
the indentation that is structure, in a canonical amount: a nested list item is
indented to its parent item's content, a paragraph inside an item likewise, an
indented code block and the lines of fenced code keep their indentation relative
to the block they are in; trailing blanks go everywhere, fenced code included.
Formula 1 stays here so that a hash published under it can still be checked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from drafts.syntax import (
    ATX_HEADING,
    CODE_INDENT,
    LIST_ITEM,
    MAYBE_BLOCK,
    MAYBE_STRUCTURE,
    SETEXT_UNDERLINE,
    TAB_STOP,
    THEMATIC_BREAK,
    Fence,
    fence_opened_by,
    is_quote,
    is_table_row,
)

if TYPE_CHECKING:
    from drafts.model import Clause

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")

FIRST_FORMULA = 1
CURRENT_FORMULA = 2
FORMULAS = (FIRST_FORMULA, CURRENT_FORMULA)


def _collapse_whitespace(line: str) -> str:
    return " ".join(line.split())


def _is_single_line_block(line: str) -> bool:
    """True for blocks that end with their line, so the next line never joins them."""
    return bool(
        ATX_HEADING.match(line)
        or THEMATIC_BREAK.fullmatch(line)
        or SETEXT_UNDERLINE.fullmatch(line)
    )


def starts_block(line: str) -> bool:
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
        elif self.may_join and not starts_block(line):
            self.lines[-1] += " " + line
        else:
            self.lines.append(line)
            self.may_join = not _is_single_line_block(line)

    def result(self) -> str:
        return unicodedata.normalize("NFC", "\n".join(self.lines).strip())


_INDENTING = (" ", "\t")


def _indentation(raw: str) -> tuple[int, int]:
    """The columns of ``raw``'s leading blanks (a tab runs to the next tab stop) and their length."""
    if raw[:1] not in _INDENTING:
        return 0, 0
    column = 0
    for at, character in enumerate(raw):
        if character == " ":
            column += 1
        elif character == "\t":
            column += TAB_STOP - column % TAB_STOP
        else:
            return column, at
    return column, len(raw)


class _Item(NamedTuple):
    """An open list item: the column its content starts at in the source, and once normalised.
    (A named tuple: one is made per list item, and a frozen dataclass is slower to make.)"""

    source: int
    shown: int


_MARGIN = _Item(0, 0)


class _NestingNormaliser(_Normaliser):
    """Formula 2: :class:`_Normaliser` that also tracks open list items, indented code and
    where a fence sits, to keep the indentation they give their lines."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[_Item] = []
        self.code = False
        self.blanks = 0
        self.fence_at = _MARGIN

    def feed(self, raw: str) -> None:
        raw = raw.rstrip()
        if self.fence is not None:
            self._feed_fenced(raw)
        elif not raw:
            self.blanks += 1
            self._feed_text("")
        else:
            self._feed_line(raw, *_indentation(raw))
            self.blanks = 0

    def _feed_fenced(self, raw: str) -> None:
        self.lines.append(_rebased(raw, self.fence_at))
        if self.fence is not None and self.fence.is_closed_by(raw):
            self.fence = None

    def _feed_line(self, raw: str, column: int, indent_length: int) -> None:
        line = _collapse_whitespace(raw)
        if self.may_join and self._continues(raw, line, column):
            self.lines[-1] += " " + line
            return
        self._close_items(column)
        base = self.items[-1] if self.items else _MARGIN
        if column - base.source >= CODE_INDENT:
            self._feed_code(raw, base)
        elif (fence := _fence_opened_by(raw)) is not None:
            self.code = False
            self.lines.append(" " * base.shown + raw[indent_length:])
            self.fence, self.fence_at, self.may_join = fence, _Item(column, base.shown), False
        else:
            self.code = False
            self._feed_block(raw.lstrip(), line, column, base)

    def _continues(self, raw: str, line: str, column: int) -> bool:
        """True when the line goes on the paragraph before it: it opens no block, or it is
        indented past the innermost item's content as far as code (which cannot interrupt
        a paragraph)."""
        if column >= (self.items[-1].source if self.items else 0) + CODE_INDENT:
            return True
        return not starts_block(line) and _fence_opened_by(raw) is None

    def _close_items(self, column: int) -> None:
        while self.items and column < self.items[-1].source:
            self.items.pop()

    def _feed_code(self, raw: str, base: _Item) -> None:
        # Blank lines inside indented code are shown; one between blocks is just a break.
        if self.code and self.blanks > 1:
            self.lines.extend([""] * (self.blanks - 1))
        self.lines.append(_rebased(raw, base, verbatim=False))
        self.code, self.may_join = True, False

    def _feed_block(self, unindented: str, line: str, column: int, base: _Item) -> None:
        single = _is_single_line_block(line)
        if not single and LIST_ITEM.match(line):
            marker = line.split(" ", 1)[0]
            self.items.append(
                _Item(
                    column + len(marker) + _gap(unindented[len(marker) :]),
                    base.shown + len(marker) + 1,
                )
            )
        self.lines.append(" " * base.shown + line if base.shown else line)
        self.may_join = not single

    def result(self) -> str:
        return unicodedata.normalize("NFC", "\n".join(self.lines).strip("\n"))


class _LineIndenter(_NestingNormaliser):
    """:class:`_NestingNormaliser` keeping every line apart: a line that would go on the
    paragraph before it stays a line of its own, unindented (a lazy continuation)."""

    def _feed_line(self, raw: str, column: int, indent_length: int) -> None:
        if self.may_join and self._continues(raw, line := _collapse_whitespace(raw), column):
            self.lines.append(line)
            return
        super()._feed_line(raw, column, indent_length)


def structural_indents(lines: Sequence[str]) -> list[int]:
    """The indentation formula 2 gives each line (0 for a blank one), as if no line went on
    the one before: what nests them as the reading page does, whatever their own."""
    indenter = _LineIndenter()
    indents = []
    for raw in lines:
        indenter.feed(raw)
        indents.append(_indentation(indenter.lines[-1])[0] if raw.strip() else 0)
    return indents


def _fence_opened_by(raw: str) -> Fence | None:
    """:func:`drafts.syntax.fence_opened_by`, after a quicker look for a run of three."""
    if "```" not in raw and "~~~" not in raw:
        return None
    return fence_opened_by(raw)


def _gap(after_marker: str) -> int:
    """Columns between a list marker and its item's content (CommonMark: 1 to 4, else 1)."""
    if after_marker[:1] == " " and after_marker[1:2] not in _INDENTING:
        return 1
    gap = _indentation(after_marker)[0]
    return gap if 1 <= gap <= CODE_INDENT else 1


def _rebased(raw: str, block: _Item, verbatim: bool = True) -> str:
    """A code line moved from its block's source column to the block's normalised column,
    keeping the indentation past it (tabs become spaces; fenced code at the margin is
    left ``verbatim``, tabs included)."""
    if verbatim and block.source == block.shown == 0:
        return raw
    column, blanks = _indentation(raw)
    return " " * (block.shown + max(0, column - block.source)) + raw[blanks:]


def normalise(text: str, formula: int = CURRENT_FORMULA) -> str:
    """Return the canonical form of Markdown ``text`` used for hashing and diffing.

    NFC; CRLF/CR become LF; whitespace runs (any Unicode space) become one
    space; a line break inside a paragraph or list item is just a space; blocks
    are separated by exactly one blank line; a line that opens a block (list
    item, ``>``, ``#`` heading, ``|`` table row, rule, setext underline, fence)
    keeps its line break. Formula 1 keeps fenced code verbatim and drops all
    indentation; formula 2 keeps structural indentation (see the module) and
    drops trailing blanks from code too. Idempotent.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    closely = MAYBE_BLOCK if formula == FIRST_FORMULA else MAYBE_STRUCTURE
    if closely.search("\n" + text) is None:
        return _normalise_prose(text)
    return _normalise_lines(text, formula)


def _normalise_prose(text: str) -> str:
    """:func:`normalise` for text without block markers: paragraphs of collapsed words."""
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(text))
    return "\n\n".join(filter(None, paragraphs))


def _normalise_lines(text: str, formula: int = CURRENT_FORMULA) -> str:
    """:func:`normalise` by its rules, line by line (NFC and LF line ends already applied)."""
    normaliser = _Normaliser() if formula == FIRST_FORMULA else _NestingNormaliser()
    for raw in text.split("\n"):
        normaliser.feed(raw)
    return normaliser.result()


def clause_hash_of_normalised(heading: str, body: str) -> str:
    """:func:`clause_hash` of a heading and body that are already normalised."""
    return _sha256_hex(heading + "\n\n" + body)


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clause_hash(heading: str, body: str, formula: int = CURRENT_FORMULA) -> str:
    """Return ``sha256(normalise(heading) + "\\n\\n" + normalise(body))`` as hex (UTF-8),
    both normalised by ``formula``."""
    return clause_hash_of_normalised(normalise(heading, formula), normalise(body, formula))


def content_hash(
    title: str | None, clauses: Sequence[Clause], formula: int = CURRENT_FORMULA
) -> str:
    """Return the hash that identifies a published text; readers can recompute it.

    Formula (UTF-8, lowercase hex)::

        sha256("\\n".join([normalise(title or "")]
                          + [f"{c.level}:{clause_hash(c.heading, c.body)}" for c in clauses]))

    where ``clause_hash(h, b) = sha256_hex(normalise(h) + "\\n\\n" + normalise(b))``,
    ``normalise`` by ``formula``. Each clause's ``hash`` is taken as it is, so it must
    be by the same formula (see :func:`recomputed_content_hash`). Keys and outline
    numbers are not part of it: only what a reader sees.
    """
    parts = [normalise(title or "", formula)] + [f"{c.level}:{c.hash}" for c in clauses]
    return _sha256_hex("\n".join(parts))


def recomputed_content_hash(title: str | None, clauses: Sequence[Clause], formula: int) -> str:
    """:func:`content_hash` with every clause hashed afresh from its text by ``formula``:
    how a hash published under an earlier formula is checked against the text."""
    hashed = [_Hashed(c.level, clause_hash(c.heading, c.body, formula)) for c in clauses]
    return content_hash(title, hashed, formula)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Hashed:
    level: int
    hash: str


def chain_hash(previous: str | None, content_hash: str) -> str:
    """Return the hash that links a published revision to every one before it.

    Formula: ``sha256_hex((previous or "") + content_hash)``, where ``previous`` is
    the chain hash of the policy's previous published revision (none for the first).
    Both parts are 64 hex digits (or nothing), so the concatenation is unambiguous.
    """
    return _sha256_hex((previous or "") + content_hash)
