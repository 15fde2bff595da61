"""The clause splitter and the renderer agree on which lines are headings."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import Document, parse_document, render_markdown

HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
# Tags nh3 leaves that have no closing tag.
VOID_TAGS = {"br", "hr", "img"}


class _TopLevelHeadings(HTMLParser):
    """Levels of the headings that are not inside another element (quote, list, cell)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        if self.depth == 0 and tag in HEADING_TAGS:
            self.levels.append(HEADING_TAGS[tag])
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS:
            self.depth -= 1


def rendered_heading_levels(markdown: str) -> list[int]:
    parser = _TopLevelHeadings()
    parser.feed(render_markdown(markdown))
    return parser.levels


def split_heading_levels(document: Document) -> list[int]:
    title = [1] if document.title is not None else []
    return title + [clause.level for clause in document.clauses if clause.level]


@pytest.mark.parametrize(
    "opener",
    ["<!--", "<script>", "<pre>", "<textarea>", "<style>", "<div>", "<?php", "<![CDATA["],
)
def test_an_unclosed_html_block_line_swallows_no_heading(opener: str) -> None:
    text = f"# Policy\n\n## One\n\n{opener}\n\n## Two\n\nText.\n\n## Three\n"
    document = parse_document(text)
    assert [clause.heading for clause in document.clauses] == ["One", "Two", "Three"]
    assert document.clauses[0].body == opener
    assert rendered_heading_levels(text) == split_heading_levels(document) == [1, 2, 2, 2]


def test_a_heading_right_after_an_html_line_is_a_clause() -> None:
    document = parse_document("<div>\n## A\ntext\n</div>\n## B")
    assert [(c.heading, c.body) for c in document.clauses] == [
        ("", "<div>"),
        ("A", "text\n</div>"),
        ("B", ""),
    ]


LINES = st.sampled_from(
    [
        "# Title",
        "## Section",
        "### Sub",
        "Text of a paragraph.",
        "",
        "",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<pre>",
        "</pre>",
        "<textarea>",
        "<style>",
        "<div>",
        "</div>",
        "<?php",
        "?>",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "<custom-tag>",
        "```",
        "~~~",
        "> quoted",
        "> # quoted heading",
        "- item",
        "- # heading in an item",
        "    # indented code",
        "Setext",
        "===",
        "---",
        "| a | b |",
        "| --- | --- |",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25).map("\n".join))
def test_every_heading_the_renderer_shows_is_a_clause(body: str) -> None:
    # The first line of a document may not open front matter ("---"), so it is prose.
    text = f"Intro.\n\n{body}"
    document = parse_document(text)
    assert rendered_heading_levels(text) == split_heading_levels(document)
    for clause in document.clauses:
        assert rendered_heading_levels(clause.body) == []
