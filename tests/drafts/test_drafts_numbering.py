"""Headings that carry their own numbers: found, and shown with one number, never two."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import (
    Clause,
    HeadingNumber,
    NumberingStyle,
    ShownHeading,
    detect_numbering,
    heading_number,
    number_clauses,
    parse_document,
    shown_headings,
    without_number,
)


@pytest.mark.parametrize(
    ("heading", "label", "text"),
    [
        ("1. Correction", "1.", "Correction"),
        ("1.1 Scope", "1.1", "Scope"),
        ("2.3.1. Appeals", "2.3.1.", "Appeals"),
        ("4) Ban", "4)", "Ban"),
        ("I. General", "I.", "General"),
        ("XIV. Final", "XIV.", "Final"),
        ("iv) Item", "iv)", "Item"),
        ("a) Item", "a)", "Item"),
        ("B. Item", "B.", "Item"),
        ("(a) Item", "(a)", "Item"),
        ("(12) Item", "(12)", "Item"),
        ("一、总则", "一、", "总则"),
        ("（二）适用范围", "（二）", "适用范围"),
        ("第三条 目的", "第三条", "目的"),
        ("１．概要", "１．", "概要"),
        ("١. التصحيح", "١.", "التصحيح"),
        ("۲) مورد", "۲)", "مورد"),
        ("१. नियम", "१.", "नियम"),
    ],
)
def test_a_heading_number_is_found_in_any_script(heading: str, label: str, text: str) -> None:
    assert heading_number(heading) == HeadingNumber(label, text)
    assert without_number(heading) == text


@pytest.mark.parametrize(
    "heading",
    [
        "Our Pledge",
        "2024 Updates",
        "3 Strikes",
        "U.S. Policy",
        "A.B. Testing",
        "Mix. and match",
        "I am here",
        "v1.2 notes",
        "1.",
        "IV.Sub",
        "",
    ],
)
def test_a_heading_without_a_number_of_its_own(heading: str) -> None:
    assert heading_number(heading) is None
    assert without_number(heading) == heading


GUIDELINES = """# Guidelines

Welcome.

## Pledge

We pledge.

## Enforcement Guidelines

### 1. Correction

Text.

### 2. Warning

Text.

## Attribution

Text.
"""


def clauses_of(text: str) -> tuple[Clause, ...]:
    return parse_document(text).clauses


def test_the_levels_where_every_heading_has_a_number() -> None:
    numbering = detect_numbering(clauses_of(GUIDELINES))
    assert numbering.numbered_levels == {3}
    assert [n.label if n else None for n in numbering.numbers] == [
        None,
        None,
        None,
        "1.",
        "2.",
        None,
    ]


def test_one_unnumbered_heading_leaves_its_level_to_consult() -> None:
    text = GUIDELINES.replace("### 2. Warning", "### Warning")
    assert detect_numbering(clauses_of(text)).numbered_levels == frozenset()


def shown(text: str, style: NumberingStyle) -> list[tuple[str, str]]:
    return [(s.number, s.heading) for s in shown_headings(clauses_of(text), style)]


def test_auto_shows_the_documents_numbers_where_every_heading_has_one() -> None:
    assert shown(GUIDELINES, NumberingStyle.AUTO) == [
        ("", ""),
        ("1", "Pledge"),
        ("2", "Enforcement Guidelines"),
        ("", "1. Correction"),
        ("", "2. Warning"),
        ("3", "Attribution"),
    ]


def test_auto_shows_consults_numbers_where_some_heading_has_none() -> None:
    text = GUIDELINES.replace("### 2. Warning", "### Warning")
    assert shown(text, NumberingStyle.AUTO)[3:5] == [("2.1", "Correction"), ("2.2", "Warning")]


def test_consult_numbers_hide_the_documents() -> None:
    assert shown(GUIDELINES, NumberingStyle.CONSULT)[3:5] == [
        ("2.1", "Correction"),
        ("2.2", "Warning"),
    ]


def test_the_documents_numbers_hide_consults_everywhere() -> None:
    assert shown(GUIDELINES, NumberingStyle.DOCUMENT) == [
        ("", ""),
        ("", "Pledge"),
        ("", "Enforcement Guidelines"),
        ("", "1. Correction"),
        ("", "2. Warning"),
        ("", "Attribution"),
    ]


def test_the_shown_heading_says_whose_number_it_carries() -> None:
    auto = shown_headings(clauses_of(GUIDELINES), NumberingStyle.AUTO)
    assert auto[3] == ShownHeading("", "1. Correction", True)
    assert auto[1] == ShownHeading("1", "Pledge", False)


LABELS = st.sampled_from(["1.", "2.", "10.", "1.1", "I.", "iv)", "a)", "(b)", "一、", "١."])
WORDS = st.sampled_from(["Scope", "Correction", "Warning", "总则", "التصحيح", "Ban"])


@st.composite
def numbered_documents(draw: st.DrawFn) -> list[Clause]:
    count = draw(st.integers(1, 10))
    clauses = []
    for _ in range(count):
        label = draw(st.one_of(st.none(), LABELS))
        word = draw(WORDS)
        heading = f"{label}{'' if label and label.endswith('、') else ' '}{word}" if label else word
        clauses.append(Clause(draw(st.integers(1, 4)), heading, "Text."))
    return list(number_clauses(clauses))


@settings(max_examples=150, deadline=None)
@given(numbered_documents(), st.sampled_from(list(NumberingStyle)))
def test_every_heading_is_shown_with_one_number_at_most(
    clauses: list[Clause], style: NumberingStyle
) -> None:
    for clause, shown_heading in zip(clauses, shown_headings(clauses, style)):
        has_own = heading_number(shown_heading.heading) is not None
        assert not (shown_heading.number and has_own)
        assert shown_heading.own == (
            shown_heading.heading == clause.heading and not shown_heading.number
        )
        # Nothing but the number is ever taken away.
        assert clause.heading.endswith(shown_heading.heading)
