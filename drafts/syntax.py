"""Markdown syntax as Consult reads it, in one place.

One parser configuration serves both the clause splitter and the renderer, so
that they agree on which lines are headings. Raw HTML is off in both: with it
on, an unclosed ``<!--``, ``<script>``, ``<pre>`` or ``<textarea>`` line opens
an HTML block that runs to the end of the text and swallows every heading after
it, while the renderer, which never passes HTML through, shows them as headings.

Two readers look at single lines instead of parsing: text normalisation
(:mod:`drafts.text`) keeps the line break before every line that opens a block,
and the redline (``consult.redline.render``) keeps a changed line's block
markers outside its marked runs. Both build their patterns from the markers
below, each for the lines it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

# What opens a block at the start of a line.
_ORDINAL = r"\d{1,9}[.)]"
LIST_MARKER = rf"(?:[*+-]|{_ORDINAL})"
HEADING_MARKER = r"#{1,6}"
QUOTE_MARKER = ">"
TABLE_PIPE = "|"
FENCE_RUN = r"(?:`{3,}|~{3,})"
RULE_CHARACTERS = "*-_"

# Lines as drafts.text reads them: whitespace runs collapsed to one space, no indentation.
LIST_ITEM = re.compile(rf"{LIST_MARKER}(?: |$)")
ATX_HEADING = re.compile(rf"{HEADING_MARKER}(?: |$)")
THEMATIC_BREAK = re.compile("|".join(rf"(?:{re.escape(c)} ?){{3,}}" for c in RULE_CHARACTERS))
SETEXT_UNDERLINE = re.compile(r"=+|-+")
# Any line that might open a block (or a fence) once its leading spaces go: the
# first characters of every marker above. Text with none of them is plain prose
# and takes the normaliser's fast path; a false alarm only costs the slow path.
# (Searched in "\n" + text: a pattern that starts with a literal scans fast.)
MAYBE_BLOCK = re.compile(rf"\n\s*(?:[*+\-#>|=_`~]|{_ORDINAL})")
# MAYBE_BLOCK, or a line indented far enough to be code (a tab is four columns): what
# formulas 2 and 3 of the normaliser read closely (one search, starting with a literal).
MAYBE_STRUCTURE = re.compile(rf"\n(?:\s*(?:[*+\-#>|=_`~]|{_ORDINAL})| {{0,3}}\t| {{4}})")
TAB_STOP = 4
# Columns of indentation past a block's own that make a line indented code.
CODE_INDENT = 4

# Raw lines, as the redline marks them: indented and spaced with blanks and tabs.
_BLANK = r"[ \t]"
_FENCE_LINE = rf"{FENCE_RUN}{_BLANK}*[\w+#.-]*"
_RULE_LINE = rf"(?:[{re.escape(RULE_CHARACTERS)}]{_BLANK}*){{3,}}"
_DELIMITER_CELL = rf"{_BLANK}*:?-+:?{_BLANK}*"
_DELIMITER_ROW = rf"\|?(?:{_DELIMITER_CELL}\|)*{_DELIMITER_CELL}\|?"
# Lines that are all syntax: a code fence (with its info word), a thematic break,
# a table's delimiter row.
SYNTAX_LINE = re.compile(rf"{_BLANK}*(?:{_FENCE_LINE}|{_RULE_LINE}|{_DELIMITER_ROW}){_BLANK}*")
_LINE_MARKER = (
    rf"{_BLANK}*{LIST_MARKER}{_BLANK}+|{_BLANK}*{QUOTE_MARKER}{_BLANK}?|{HEADING_MARKER}{_BLANK}+"
)
# What makes a line the block it belongs to: indentation, list, quote and heading
# markers (nested: "> - "), a table row's first pipe.
LINE_HEAD = re.compile(rf"(?:{_LINE_MARKER})*{_BLANK}*(?:\|{_BLANK}*)?")
_FENCE_OPENER = re.compile(rf"({FENCE_RUN})(.*)", re.DOTALL)


def markdown_parser() -> MarkdownIt:
    """A new parser for Markdown as Consult reads it: CommonMark with tables and
    strike-through, no raw HTML, no linkify or typographic replacements."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return parser.enable(["table", "strikethrough"])


def is_table_row(line: str) -> bool:
    """True when ``line`` starts (after blanks) with the pipe of a table row."""
    return line.lstrip(" \t").startswith(TABLE_PIPE)


def is_quote(line: str) -> bool:
    """True when ``line`` (collapsed: no indentation) is a block quote's line."""
    return line.startswith(QUOTE_MARKER)


@dataclass(frozen=True)
class Fence:
    """An open code fence: what it was opened with, so what closes it."""

    marker: str
    length: int

    def is_closed_by(self, line: str) -> bool:
        stripped = line.strip()
        run = len(stripped) - len(stripped.lstrip(self.marker))
        return run >= self.length and not stripped[run:]


def fence_opened_by(line: str) -> Fence | None:
    """The fence ``line`` opens, None when it opens none (a backtick fence's info has no backtick)."""
    found = _FENCE_OPENER.fullmatch(line.lstrip())
    if found is None:
        return None
    run, info = found.groups()
    if run[0] == "`" and "`" in info:
        return None
    return Fence(run[0], len(run))
