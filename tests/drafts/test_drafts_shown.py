"""Shown text: the normalised text with the line breaks a reader sees kept."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from drafts import normalise, render_markdown
from drafts.shown import shown_text

CASES = {
    "two spaces": ("one  \ntwo\nthree", "one  \ntwo three"),
    "backslash": ("one\\\n   two", "one\\\ntwo"),
    "escaped backslash is no break": ("one\\\\\ntwo", "one\\\\ two"),
    "definitions in a row": ("[a]: /a\n[b]: /b\n\n[a] [b]", "[a]: /a\n[b]: /b\n\n[a] [b]"),
    "in a quote": ("> one  \n> two", "> one  \n> two"),
    "in a list item": ("- one  \n  two", "- one  \ntwo"),
    "a rule ends its block anyway": ("para\n---  \ntext", "para\n---\ntext"),
    "a heading ends with its line": ("# Title  \ntext", "# Title\ntext"),
    # Formula 2 drops trailing spaces in code too (nobody sees them).
    "fenced code is verbatim": ("```\ncode   \nmore\\\n```", "```\ncode\nmore\\\n```"),
    "trailing spaces before a blank line": ("one  \n\ntwo", "one\n\ntwo"),
    "windows line ends": ("one  \r\ntwo", "one  \ntwo"),
    # The nesting inside a quote, which normalising drops.
    "a list nested in a quote": (
        ">  - one\n>     - nested\n>   continued\n> - two",
        "> - one\n>   - nested\n> continued\n> - two",
    ),
    "code in a quote": (
        "> Code:\n>\n>      f()\n>        g()",
        "> Code:\n>\n>      f()\n>        g()",
    ),
    "a quote nesting nothing": (">   one\n>  two", "> one\n> two"),
}


@pytest.mark.parametrize("name", CASES)
def test_breaks_a_reader_sees_are_kept(name):
    text, shown = CASES[name]
    assert shown_text(text) == shown
    # The same HTML, but for soft line breaks (a space or a newline).
    assert render_markdown(shown).split() == render_markdown(text).split()


def test_text_without_such_breaks_is_its_normalised_text():
    text = "One\nparagraph   re-wrapped.\n\n- an item\n  continued"
    assert shown_text(text) == normalise(text)


PIECES = st.sampled_from(
    ["word", " ", "  ", "\n", "\\", "[a]: /a", "- ", "> ", "\n>   ", "1. ", "#", "```", "\t"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
# A lazy line normalising joins to the quote before it: the next quote line goes on its paragraph.
@example("> \nword\n>   \tword")
@example("> a\n    - b\n>     c")
# Lines joined only for their indentation: kept apart, "-" would underline a heading,
# ">" would open a quote, "```" code.
@example("\\\n\t- ")
@example("\\\n\t> ")
@example("\\\n\t```")
def test_shown_text_normalises_as_its_text_and_is_stable(text):
    shown = shown_text(text)
    assert normalise(shown) == normalise(text)
    assert shown_text(shown) == shown


def test_a_quote_nested_in_a_list_item_keeps_its_place_and_its_own_nesting():
    text = "- Report it:\n\n  > - to a moderator\n  >   - by e-mail"
    assert shown_text(text) == text  # formerly the second quote line left the item

    def rendered(markdown: str) -> str:
        return MarkdownIt("commonmark").render(markdown)

    assert rendered(shown_text(text)) == rendered(text)
