"""Translated documents whose headings differ from the source's in level or in count."""

from __future__ import annotations

import pytest

from drafts import (
    Clause,
    StructureError,
    StructureErrorCode,
    StructureFit,
    guess_mapping,
    match_structure,
    pairs_by_mapping,
    pairs_by_order,
    parse_document,
    structure_report,
)

SOURCE = "# Title\n\nIntro.\n\n## One\n\nText.\n\n### One a\n\nMore.\n\n## Two\n\nEnd.\n"
LEVEL_CHANGED = (
    "# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n\n## Eins a\n\nMehr.\n\n### Zwei\n\nEnde.\n"
)


def clauses(text: str) -> tuple[Clause, ...]:
    return parse_document(text).clauses


def test_an_exact_match_has_no_differences():
    german = "# Titel\n\nEinleitung.\n\n## Eins\n\nA.\n\n### Eins a\n\nB.\n\n## Zwei\n\nC.\n"
    report = structure_report(clauses(SOURCE), clauses(german))
    assert report.fit is StructureFit.EXACT
    assert report.level_differences == ()
    assert report.guess == (0, 1, 2, 3)


def test_levels_that_differ_are_listed_with_both_headings():
    report = structure_report(clauses(SOURCE), clauses(LEVEL_CHANGED))
    assert report.fit is StructureFit.LEVELS_DIFFER
    assert [
        (d.position, d.expected.level, d.found.level, d.expected.heading, d.found.heading)
        for d in report.level_differences
    ] == [(2, 3, 2, "One a", "Eins a"), (3, 2, 3, "Two", "Zwei")]


def test_the_strict_match_names_a_level_difference_apart_from_a_count_difference():
    with pytest.raises(StructureError) as levels:
        match_structure(clauses(SOURCE), clauses(LEVEL_CHANGED))
    assert levels.value.code is StructureErrorCode.LEVELS_DIFFER
    with pytest.raises(StructureError) as counts:
        match_structure(clauses(SOURCE), clauses("# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n"))
    assert counts.value.code is StructureErrorCode.MISMATCH


def test_pairs_by_order_ignore_levels_but_not_counts():
    pairs = pairs_by_order(clauses(SOURCE), clauses(LEVEL_CHANGED))
    assert [(a.heading, b.heading) for a, b in pairs] == [
        ("", ""),
        ("One", "Eins"),
        ("One a", "Eins a"),
        ("Two", "Zwei"),
    ]
    with pytest.raises(StructureError) as raised:
        pairs_by_order(clauses(SOURCE), clauses("# T\n\n## Eins\n\nText.\n"))
    assert raised.value.code is StructureErrorCode.MISMATCH


def test_a_heading_made_level_1_turns_the_title_into_a_clause_paired_with_the_introduction():
    # Two level-1 headings: neither is the title, so the title heading starts a clause.
    german = "# Titel\n\nEinleitung.\n\n## Eins\n\nA.\n\n### Eins a\n\nB.\n\n# Zwei\n\nC.\n"
    report = structure_report(clauses(SOURCE), clauses(german))
    assert report.fit is StructureFit.LEVELS_DIFFER
    assert [(d.position, d.found.heading) for d in report.level_differences] == [
        (0, "Titel"),
        (3, "Zwei"),
    ]
    introduction = pairs_by_order(clauses(SOURCE), clauses(german))[0]
    assert (introduction[0].level, introduction[1].body) == (0, "Einleitung.")


@pytest.mark.parametrize(
    "expected, found, guess",
    [
        ([0, 2, 2, 3, 3, 2], [0, 2, 2, 3, 3], (0, 1, 2, 3, 4)),  # the last one dropped
        (
            [0, 2, 2, 3, 3, 2],
            [0, 2, 3, 3, 2],
            (0, 1, 3, 4, 5),
        ),  # one of two alike dropped: the first kept
        ([0, 2, 2], [0, 2, 3, 2], (0, 1, None, 2)),  # one added
        ([0, 2, 2, 2], [0, 1, 1], (0, 1, 2)),  # levels changed and one dropped: in order
        ([2, 2], [], ()),
        ([], [2, 2], (None, None)),
    ],
)
def test_the_guess_follows_levels_in_order(expected, found, guess):
    def same_bodies(levels):
        return [Clause(level, f"H{level}", "Text.") for level in levels]

    assert guess_mapping(same_bodies(expected), same_bodies(found)) == guess


def test_body_lengths_decide_between_headings_at_the_same_level():
    source = [Clause(2, "Purpose", "We want a friendly place."), Clause(2, "Rules", "Be kind.")]
    extra_first = [Clause(2, "Extra", "Nicht im Original, ein langer Satz."), *source]
    assert guess_mapping(source, extra_first) == (None, 0, 1)
    extra_between = [source[0], Clause(2, "Zusatz", "Ein ganz anderer, längerer Text."), source[1]]
    assert guess_mapping(source, extra_between) == (0, None, 1)


def test_a_very_long_document_is_guessed_in_order():
    source = [Clause(2, "A", "x")] * 600
    found = [Clause(3, "B", "y" * 50)] * 601
    assert guess_mapping(source, found) == (*range(600), None)


def test_a_count_difference_reports_the_guess_and_no_level_list():
    german = "# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n\n## Zwei\n\nEnde.\n"
    report = structure_report(clauses(SOURCE), clauses(german))
    assert report.fit is StructureFit.COUNTS_DIFFER
    assert report.level_differences == ()
    assert report.guess == (0, 1, 3)


def test_pairs_by_mapping_honour_pairs_and_skips_in_source_order():
    source = clauses(SOURCE)
    found = clauses("# T\n\nE.\n\n## Zwei\n\nEnde.\n\n## Extra\n\nX.\n\n## Eins\n\nText.\n")
    pairs = pairs_by_mapping(source, found, [0, 3, None, 1])
    assert [(a.heading, b.heading) for a, b in pairs] == [
        ("", ""),
        ("One", "Eins"),
        ("Two", "Zwei"),
    ]


@pytest.mark.parametrize(
    "mapping, code, position",
    [
        ([0, 1], StructureErrorCode.MAPPING_INVALID, 2),  # one choice short
        ([0, 9, None], StructureErrorCode.MAPPING_INVALID, 1),
        ([0, -1, None], StructureErrorCode.MAPPING_INVALID, 1),
        ([0, 1, 1], StructureErrorCode.MAPPING_REPEATED, 2),
    ],
)
def test_a_mapping_naming_no_clause_or_one_twice_is_refused(mapping, code, position):
    found = clauses("# T\n\nE.\n\n## Eins\n\nA.\n\n## Zwei\n\nB.\n")
    with pytest.raises(StructureError) as raised:
        pairs_by_mapping(clauses(SOURCE), found, mapping)
    assert raised.value.code is code and raised.value.details["position"] == position
