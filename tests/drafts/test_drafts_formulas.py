"""Hash formula 2: normalised text keeps list nesting and code indentation, and is still
blind to re-wrapping and trailing blanks; formula 1 stays as it was."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings

from drafts import (
    CURRENT_FORMULA,
    FIRST_FORMULA,
    Clause,
    clause_hash,
    content_hash,
    diff_text,
    normalise,
    recomputed_content_hash,
)
from tests.drafts.test_drafts_text import MARKDOWNISH


def test_the_current_formula_is_3():
    assert (FIRST_FORMULA, CURRENT_FORMULA) == (1, 3)


def test_nested_list_items_keep_their_nesting():
    text = "- one\n  - two\n    - three\n- four"
    assert normalise(text) == text
    assert normalise(text, formula=1) == "- one\n- two\n- three\n- four"


def test_nesting_is_canonical_whatever_the_indentation_that_gives_it():
    # Two to five spaces under "- " all nest one level; one space does not.
    canonical = "- one\n  - two"
    for spaces in range(2, 6):
        assert normalise(f"- one\n{' ' * spaces}- two") == canonical
    assert normalise("- one\n - two") == "- one\n- two"
    assert normalise("1. one\n    - two") == "1. one\n   - two"
    assert normalise("- one\n\t- two") == canonical


def test_rewrapping_and_trailing_blanks_inside_nested_items_are_no_change():
    wrapped = "- one\n  - a long\n    nested item  \n- two"
    assert normalise(wrapped) == "- one\n  - a long nested item\n- two"
    assert normalise("- one\n  - a long nested item\n- two") == normalise(wrapped)


def test_a_paragraph_inside_an_item_stays_inside_it():
    text = "- one\n\n   more about one\n\nafter the list"
    assert normalise(text) == "- one\n\n  more about one\n\nafter the list"


def test_indented_code_keeps_its_indentation_and_blank_lines():
    text = "Code:\n\n    def f():\n\n\n        return 1   \n\nText"
    assert normalise(text) == "Code:\n\n    def f():\n\n\n        return 1\n\nText"
    assert normalise("\tcode") == "    code"
    assert normalise(text, formula=1) == "Code:\n\ndef f():\n\nreturn 1\n\nText"


def test_indented_code_cannot_interrupt_a_paragraph():
    assert normalise("text\n    more text") == "text more text"
    assert normalise("- item\n      - not nested") == "- item - not nested"


def test_fenced_code_in_an_item_keeps_its_indentation_relative_to_the_item():
    text = "1. step\n\n    ```\n    if ready:\n        go()  \n    ```"
    assert normalise(text) == "1. step\n\n   ```\n   if ready:\n       go()\n   ```"


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_formula_1_is_still_idempotent(text: str) -> None:
    once = normalise(text, formula=1)
    assert normalise(once, formula=1) == once


def test_formula_1_hashes_are_what_they_were():
    # Published under formula 1 before formula 2 existed: these values must never change.
    clauses = [Clause(0, "", "Intro."), Clause(2, "Scope", "Applies *everywhere*.")]
    assert content_hash("Policy", clauses, formula=1) == (
        "ce13daea0073ed6100a31a1598daa9a7d287e224b9ce46d9c60afb67480c7f17"
    )
    nested = "- one\n  - two"
    expected = hashlib.sha256(b"Scope\n\n- one\n- two").hexdigest()
    assert clause_hash("Scope", nested, formula=1) == expected
    assert clause_hash("Scope", nested) == hashlib.sha256(f"Scope\n\n{nested}".encode()).hexdigest()


def test_recomputed_content_hash_hashes_each_clause_by_the_formula_given():
    clauses = [Clause(2, "Scope", "- one\n  - two"), Clause(2, "Code", "    make")]
    for formula in (1, 2):
        hashed = [
            Clause(c.level, c.heading, c.body, known_hash=clause_hash(c.heading, c.body, formula))
            for c in clauses
        ]
        assert recomputed_content_hash("T", clauses, formula) == content_hash("T", hashed, formula)
    assert recomputed_content_hash("T", clauses, 1) != recomputed_content_hash("T", clauses, 2)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("- one\n  - two", "- one\n    - two"),
        ("- one\n  - two  ", "- one\n  - two"),
        ("- one\n  - a long item", "- one\n  - a long\n    item"),
    ],
)
def test_the_redline_shows_no_change_where_formula_2_sees_none(old: str, new: str) -> None:
    assert not diff_text(old, new).changed
    assert clause_hash("H", old) == clause_hash("H", new)


def test_the_redline_of_a_nested_item_keeps_its_indentation_unmarked():
    diff = diff_text("- one\n  - two", "- one\n  - three")
    assert diff.old_text == "- one\n  - two" and diff.new_text == "- one\n  - three"
    assert [op.text for op in diff.ops if op.kind != "equal"] == ["two", "three"]
