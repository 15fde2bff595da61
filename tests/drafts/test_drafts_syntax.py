"""Markdown line syntax is written once, in drafts/syntax.py, for every reader of lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafts.syntax import LINE_HEAD, MAYBE_BLOCK, SYNTAX_LINE, fence_opened_by
from drafts.text import normalise

ROOT = Path(__file__).resolve().parents[2]
# Regular-expression spellings of block markers: ordered list items, ATX headings, fences.
MARKERS = (r"\d{1,9}[.)]", "#{1,6}", "`{3,}", "~{3,}")


def test_block_markers_are_spelled_only_in_drafts_syntax() -> None:
    sources = [*ROOT.joinpath("drafts").glob("*.py"), *ROOT.joinpath("consult").rglob("*.py")]
    elsewhere = {
        f"{path.relative_to(ROOT)}: {marker}"
        for path in sources
        if path != ROOT / "drafts" / "syntax.py"
        for marker in MARKERS
        if marker in path.read_text(encoding="utf-8")
    }
    assert not elsewhere


BLOCK_LINES = ["- a", "* a", "+ a", "1. a", "12) a", "# a", "> a", "| a |", "===", "***", "___"]


@pytest.mark.parametrize("line", [*BLOCK_LINES, "---", "```", "~~~ python"])
def test_every_line_that_opens_a_block_leaves_the_prose_fast_path(line: str) -> None:
    assert MAYBE_BLOCK.search(f"prose\n  {line}")


@pytest.mark.parametrize("line", BLOCK_LINES)
def test_normalisation_keeps_the_break_before_a_block_line(line: str) -> None:
    assert normalise(f"prose\n{line}") == f"prose\n{line}"


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("  - item", "  - "),
        ("> 1. quoted item", "> 1. "),
        ("## Heading", "## "),
        ("| cell | cell |", "| "),
        ("plain text", ""),
    ],
)
def test_line_head_is_the_block_markers_of_a_raw_line(line: str, head: str) -> None:
    assert LINE_HEAD.match(line).group(0) == head


@pytest.mark.parametrize("line", ["```python", "  ~~~~", "---", "* * *", "| :-- | --: |", ":-:"])
def test_syntax_lines(line: str) -> None:
    assert SYNTAX_LINE.fullmatch(line)


def test_a_backtick_fence_info_may_not_hold_a_backtick() -> None:
    assert fence_opened_by("``` a`b") is None
    assert fence_opened_by("~~~ a`b") is not None
    fence = fence_opened_by("````")
    assert fence is not None and not fence.is_closed_by("```") and fence.is_closed_by("`````")
