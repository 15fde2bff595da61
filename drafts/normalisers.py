"""The line normalisers behind :func:`drafts.text.normalise`, one per hash formula (the
formulas are described there): each is fed a text's lines one by one and gives the
canonical text.

Published hashes depend on what these give, so a change to what one gives is a new
formula (a new class), never an edit of an old one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from drafts.syntax import (
    ATX_HEADING,
    CODE_INDENT,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    TAB_STOP,
    THEMATIC_BREAK,
    Fence,
    fence_opened_by,
    is_quote,
    is_table_row,
)


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


class Normaliser:
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
_BACKTICKS = re.compile("`+")


def _indentation(raw: str, start: int = 0) -> tuple[int, int]:
    """The columns of ``raw``'s leading blanks (a tab runs to the next tab stop, ``raw``
    starting at column ``start``) and their length."""
    if raw[:1] not in _INDENTING:
        return 0, 0
    column = start
    for at, character in enumerate(raw):
        if character == " ":
            column += 1
        elif character == "\t":
            column += TAB_STOP - column % TAB_STOP
        else:
            return column - start, at
    return column - start, len(raw)


class _Item(NamedTuple):
    """An open list item: the column its content starts at in the source, and once normalised.
    (A named tuple: one is made per list item, and a frozen dataclass is slower to make.)"""

    source: int
    shown: int


_MARGIN = _Item(0, 0)


class NestingNormaliser(Normaliser):
    """Formula 2: :class:`Normaliser` that also tracks open list items, indented code and
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

    def _close_items(self, column: int) -> _Item | None:
        """Closes the items ``column`` is not inside; returns the outermost one closed."""
        closed = None
        while self.items and column < self.items[-1].source:
            closed = self.items.pop()
        return closed

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
                    self._content_column(column, marker, unindented[len(marker) :]),
                    base.shown + len(marker) + 1,
                )
            )
        self.lines.append(" " * base.shown + line if base.shown else line)
        self.may_join = not single

    def _content_column(self, column: int, marker: str, after_marker: str) -> int:
        """The source column a list item's content starts at (tabs after the marker
        counted from the line's start, as formula 2 did)."""
        return column + len(marker) + _gap(after_marker)

    def result(self) -> str:
        return unicodedata.normalize("NFC", "\n".join(self.lines).strip("\n"))


class _LazyLineNormaliser(NestingNormaliser):
    """Part of formula 3: :class:`NestingNormaliser` measuring a line less indented than the
    innermost item's content against the container it does fall in (an outer item, or the
    margin), as CommonMark does. Four columns past that container the line cannot open a
    block (indented code cannot interrupt a paragraph), so it goes on the paragraph lazily.
    Formula 2 took such a line for code at the margin, which the normalised text then nests
    under the item: normalising twice differed from normalising once. Tabs after a list
    marker run to the tab stop of the column they are at (formula 2 counted from the
    marker's end, as if it were at the margin)."""

    def _continues(self, raw: str, line: str, column: int) -> bool:
        if column - self._container(column).source >= CODE_INDENT:
            return True
        return not starts_block(line) and _fence_opened_by(raw) is None

    def _container(self, column: int) -> _Item:
        """The innermost open item whose content ``column`` reaches, or the margin."""
        return next((item for item in reversed(self.items) if item.source <= column), _MARGIN)

    def _content_column(self, column: int, marker: str, after_marker: str) -> int:
        return column + len(marker) + _gap(after_marker, column + len(marker))


class ContainerNormaliser(_LazyLineNormaliser):
    """Formula 3 (see :class:`_LazyLineNormaliser`), where indented code that closes a list
    item is written as fenced code. Items are narrowed to one column after their marker, so
    code that the source puts after an item (indented less than the item's content) would
    otherwise be indented past the narrowed item's content, and so inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.outermost_closed: _Item | None = None
        self.fencing = False
        self.fenced: list[list[int]] = []  # [first line, line after the last, column]

    def _close_items(self, column: int) -> _Item | None:
        self.outermost_closed = super()._close_items(column)
        return self.outermost_closed

    def _feed_code(self, raw: str, base: _Item) -> None:
        if self.outermost_closed is not None:
            self.code = False  # code in another container than the code before: a new block
        if not self.code:
            self.fencing = self._would_nest(raw, base)
            if self.fencing:
                self.fenced.append([len(self.lines), 0, base.shown])
        if not self.fencing:
            super()._feed_code(raw, base)
            return
        # Fenced, the code keeps its indentation past the code's own four columns.
        super()._feed_code(raw, _Item(base.source + CODE_INDENT, base.shown))
        self.fenced[-1][1] = len(self.lines)

    def _would_nest(self, raw: str, base: _Item) -> bool:
        """True when the code line, normalised, would sit inside the item it closed."""
        closed = self.outermost_closed
        return (
            closed is not None and base.shown + _indentation(raw)[0] - base.source >= closed.shown
        )

    def result(self) -> str:
        for start, end, column in reversed(self.fenced):
            fence = " " * column + _fence_for(self.lines[start:end])
            self.lines[end:end] = [fence]
            self.lines[start:start] = [fence]
        return super().result()


def _fence_for(lines: list[str]) -> str:
    """A backtick fence longer than any run of backticks in ``lines``."""
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    return "`" * max(3, longest + 1)


class _LineIndenter(_LazyLineNormaliser):
    """:class:`_LazyLineNormaliser` keeping every line apart: a line that would go on the
    paragraph before it stays a line of its own, unindented (a lazy continuation)."""

    def _feed_line(self, raw: str, column: int, indent_length: int) -> None:
        if self.may_join and self._continues(raw, line := _collapse_whitespace(raw), column):
            self.lines.append(line)
            return
        super()._feed_line(raw, column, indent_length)


def structural_indents(lines: Sequence[str]) -> list[int]:
    """The indentation the current formula gives each line (0 for a blank one), as if no line went on
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


def _gap(after_marker: str, start: int = 0) -> int:
    """Columns between a list marker and its item's content (CommonMark: 1 to 4, else 1),
    the marker ending at column ``start``."""
    if after_marker[:1] == " " and after_marker[1:2] not in _INDENTING:
        return 1
    gap = _indentation(after_marker, start)[0]
    return gap if 1 <= gap <= CODE_INDENT else 1


def _rebased(raw: str, block: _Item, verbatim: bool = True) -> str:
    """A code line moved from its block's source column to the block's normalised column,
    keeping the indentation past it (tabs become spaces; fenced code at the margin is
    left ``verbatim``, tabs included)."""
    if verbatim and block.source == block.shown == 0:
        return raw
    column, blanks = _indentation(raw)
    return " " * (block.shown + max(0, column - block.source)) + raw[blanks:]
