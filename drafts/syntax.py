"""Markdown syntax as Consult reads it, in one place.

One parser configuration serves both the clause splitter and the renderer, so
that they agree on which lines are headings. Raw HTML is off in both: with it
on, an unclosed ``<!--``, ``<script>``, ``<pre>`` or ``<textarea>`` line opens
an HTML block that runs to the end of the text and swallows every heading after
it, while the renderer, which never passes HTML through, shows them as headings.
"""

from __future__ import annotations

from markdown_it import MarkdownIt


def markdown_parser() -> MarkdownIt:
    """A new parser for Markdown as Consult reads it: CommonMark with tables and
    strike-through, no raw HTML, no linkify or typographic replacements."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return parser.enable(["table", "strikethrough"])
