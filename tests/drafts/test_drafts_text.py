"""normalise(), clause_hash(), content_hash() and chain_hash()."""

from __future__ import annotations

import hashlib
import textwrap
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import Clause, chain_hash, clause_hash, content_hash, normalise

WORD = st.from_regex(r"[a-z]{1,12}", fullmatch=True)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=40)
WIDTH = st.integers(min_value=8, max_value=100)

# Pieces that exercise every rule, including the awkward ones.
FRAGMENTS = [
    "* ",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "# ",
    "## ",
    "| ",
    "---",
    "***",
    "___",
    "===",
    "```",
    "````",
    "~~~",
    "```py",
    "`",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2003",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "word",
    "Wörd",
    "e\u0301",
    "\u0301",
    "x",
    "  \n",
    "\u2028",
    "\x85",
    "\x0c",
]
MARKDOWNISH = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40).map("".join)


def _wrapped(paragraphs: list[list[str]], width: int) -> str:
    return "\n\n".join(
        textwrap.fill(" ".join(words), width=width, break_long_words=False, break_on_hyphens=False)
        for words in paragraphs
    )


def _list_item(words: list[str], width: int) -> str:
    return textwrap.fill(
        " ".join(words),
        width=width,
        initial_indent="* ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def test_line_endings_become_lf() -> None:
    assert normalise("a\r\n\r\nb\rc") == "a\n\nb c"


def test_unicode_spaces_and_tabs_collapse_to_one_space() -> None:
    assert normalise("a \t\u00a0\u2003\u202f b") == "a b"


def test_nfc() -> None:
    assert normalise("cafe\u0301") == "caf\u00e9"


def test_trailing_hard_break_spaces_vanish() -> None:
    assert normalise("first line  \nsecond line") == "first line second line"


def test_outer_whitespace_stripped_and_blank_lines_collapse() -> None:
    assert normalise("\n \n  one\n\n\n \n\ntwo  \n\n") == "one\n\ntwo"


def test_whitespace_only_is_empty() -> None:
    assert normalise(" \n\t\u00a0\r\n") == ""


@settings(deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5), WIDTH, WIDTH)
def test_rewrapping_paragraphs_is_no_change(paragraphs: list[list[str]], a: int, b: int) -> None:
    assert normalise(_wrapped(paragraphs, a)) == normalise(_wrapped(paragraphs, b))


@settings(deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), WIDTH, WIDTH)
def test_rewrapping_list_items_is_no_change(items: list[list[str]], a: int, b: int) -> None:
    first = "\n".join(_list_item(words, a) for words in items)
    second = "\n".join(_list_item(words, b) for words in items)
    assert normalise(first) == normalise(second)
    assert normalise(first).count("\n") == len(items) - 1


def test_list_items_keep_their_line_breaks() -> None:
    assert normalise("* a\n* b") == "* a\n* b"
    assert normalise("* a\n* b") != normalise("* a * b")


def test_every_list_marker_starts_a_line() -> None:
    text = "intro\n- a\n+ b\n* c\n1. d\n22) e"
    assert normalise(text) == text


def test_list_continuation_lines_join_the_item() -> None:
    assert normalise("* one\n    continued\n  here\n* two") == "* one continued here\n* two"


def test_other_block_starts_keep_their_line_breaks() -> None:
    for text in [
        "text\n> quote",
        "text\n# heading",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "text\n***",
    ]:
        assert normalise(text) == text


def test_setext_underline_and_heading_lines_are_never_joined() -> None:
    assert normalise("Title\n===\nbody\ntext") == "Title\n===\nbody text"
    assert normalise("## Heading\nbody") == "## Heading\nbody"


def test_fenced_code_is_verbatim_but_for_trailing_blanks() -> None:
    code = "```python\ndef f( x ):\n\n\n    return  x  \n```"
    text = f"before\n{code}\nafter\nwrapped"
    assert normalise(text) == f"before\n{code.replace('x  ', 'x')}\nafter wrapped"
    assert normalise(text, formula=1) == f"before\n{code}\nafter wrapped"


def test_tilde_fence_and_line_endings_inside_fences() -> None:
    assert normalise("~~~\r\na   b\r\n\r\n~~~") == "~~~\na   b\n\n~~~"


def test_fence_closes_only_with_a_long_enough_run_of_its_own_character() -> None:
    text = "````\n```\n~~~\n  x\n````\nafter"
    assert normalise(text) == text


def test_unclosed_fence_runs_to_the_end() -> None:
    assert normalise("```\na  b\n\n\nc") == "```\na  b\n\n\nc"


def test_backtick_fence_info_may_not_contain_backticks() -> None:
    assert normalise("text\n``` a `b`\nmore") == "text ``` a `b` more"


@settings(deadline=None)
@given(st.text())
def test_normalise_is_idempotent_on_any_text(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_normalise_is_idempotent_on_markdown_like_text(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_clause_hash_formula() -> None:
    expected = hashlib.sha256(b"Scope\n\nThis applies.").hexdigest()
    assert clause_hash(" Scope ", "This\n  applies.\n") == expected


def test_clause_hash_ignores_rewrapping_but_not_words() -> None:
    assert clause_hash("Scope", "a b\nc d") == clause_hash("Scope", "a b c\nd")
    assert clause_hash("Scope", "a b c d") != clause_hash("Scope", "a b c e")
    assert clause_hash("Scope", "a") != clause_hash("Scope:", "a")


def test_clause_hash_property_matches_function() -> None:
    clause = Clause(level=2, heading="H", body="Body text.")
    assert clause.hash == clause_hash("H", "Body text.")


def test_content_hash_formula() -> None:
    clauses = [Clause(0, "", "Intro."), Clause(2, "One", "First."), Clause(3, "Two", "Second.")]
    lines = ["Title"] + [f"{c.level}:{clause_hash(c.heading, c.body)}" for c in clauses]
    expected = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    assert content_hash(" Title ", clauses) == expected


def test_content_hash_depends_on_level_title_and_order_but_not_keys() -> None:
    one, two = Clause(2, "One", "a"), Clause(2, "Two", "b")
    base = content_hash("T", [one, two])
    assert content_hash("T", [two, one]) != base
    assert content_hash("U", [one, two]) != base
    assert content_hash("T", [Clause(3, "One", "a"), two]) != base
    assert content_hash("T", [Clause(2, "One", "a", key="k", number="9"), two]) == base
    assert content_hash(None, [one]) == content_hash("", [one])


def test_content_hash_is_stable() -> None:
    # Published texts are verified against this value: it must never change.
    clauses = [Clause(0, "", "Intro."), Clause(2, "Scope", "Applies *everywhere*.")]
    assert content_hash("Policy", clauses) == (
        "ce13daea0073ed6100a31a1598daa9a7d287e224b9ce46d9c60afb67480c7f17"
    )


def test_chain_hash_formula() -> None:
    first, second = "a" * 64, "b" * 64
    assert chain_hash(None, first) == hashlib.sha256(first.encode()).hexdigest()
    linked = chain_hash(chain_hash(None, first), second)
    assert linked == hashlib.sha256((chain_hash(None, first) + second).encode()).hexdigest()
    assert linked != chain_hash(chain_hash(None, "c" * 64), second)


@settings(max_examples=500, deadline=None)
@given(MARKDOWNISH | st.lists(PARAGRAPH, max_size=4).map(lambda ps: "\n\n".join(map(" ".join, ps))))
def test_the_prose_fast_path_agrees_with_the_rules(text: str) -> None:
    from drafts.text import _normalise_lines

    prepared = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    assert normalise(text) == _normalise_lines(prepared)
