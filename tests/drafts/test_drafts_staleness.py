"""Translation states, progress and structure matching: pure rules, no app."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafts import (
    Clause,
    Pin,
    StructureError,
    TranslationState,
    clause_hash,
    match_structure,
    next_needing_work,
    parse_document,
    progress,
    translation_state,
)

S = TranslationState


def test_missing_without_a_translation():
    assert translation_state("abc", None) is S.MISSING


def test_current_when_pinned_to_the_clause_hash():
    assert translation_state("abc", Pin("abc")) is S.UNREVIEWED
    assert translation_state("abc", Pin("abc", reviewed=True)) is S.REVIEWED


def test_outdated_wins_over_reviewed():
    assert translation_state("new", Pin("old", reviewed=True)) is S.OUTDATED


def test_rewrapping_the_source_never_outdates():
    pin = Pin(clause_hash("Scope", "This applies\nto everyone   here."))
    assert (
        translation_state(clause_hash("Scope", "This applies to everyone here."), pin)
        is S.UNREVIEWED
    )


def test_reverting_the_source_makes_it_current_again():
    original = clause_hash("Scope", "Everyone.")
    pin = Pin(original)
    assert translation_state(clause_hash("Scope", "Everyone, always."), pin) is S.OUTDATED
    assert translation_state(original, pin) is S.UNREVIEWED


def test_progress_figures():
    figures = progress(
        [S.REVIEWED, S.UNREVIEWED, S.OUTDATED, S.MISSING, S.MISSING, S.REVIEWED, S.UNREVIEWED]
    )
    assert (
        figures.total,
        figures.current,
        figures.reviewed,
        figures.outdated,
        figures.missing,
    ) == (7, 4, 2, 1, 2)
    assert figures.unreviewed == 2
    assert figures.percent_ready == 57


def test_progress_of_nothing_is_zero_not_a_division_error():
    assert progress([]).percent_ready == 0


@given(st.lists(st.sampled_from(list(S)), min_size=1))
def test_progress_parts_add_up(states):
    figures = progress(states)
    assert figures.current + figures.outdated + figures.missing == figures.total
    assert 0 <= figures.reviewed <= figures.current
    assert figures.percent_ready == 100 or figures.current < figures.total


def test_next_needing_work_wraps_round_and_skips_current():
    keys = ["a", "b", "c", "d"]
    states = [S.MISSING, S.REVIEWED, S.OUTDATED, S.UNREVIEWED]
    assert next_needing_work(keys, states) == "a"
    assert next_needing_work(keys, states, after="a") == "c"
    assert next_needing_work(keys, states, after="c") == "a"
    assert next_needing_work(keys, [S.REVIEWED] * 4, after="b") is None


SOURCE = "# Title\n\nIntro.\n\n## One\n\nText.\n\n### One a\n\nMore.\n\n## Two\n\nEnd.\n"


def test_same_structure_pairs_clauses_in_order():
    source = parse_document(SOURCE).clauses
    translated = parse_document(
        "# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n\n### Eins a\n\nMehr.\n\n## Zwei\n\nEnde.\n"
    ).clauses
    pairs = match_structure(source, translated)
    assert [(a.heading, b.heading) for a, b in pairs[1:]] == [
        ("One", "Eins"),
        ("One a", "Eins a"),
        ("Two", "Zwei"),
    ]


@pytest.mark.parametrize(
    "translated, position",
    [
        (
            "# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n\n## Eins a\n\nMehr.\n\n## Zwei\n\nEnde.\n",
            2,
        ),
        ("# Titel\n\nEinleitung.\n\n## Eins\n\nText.\n\n### Eins a\n\nMehr.\n", 3),
        ("# Titel\n\n## Eins\n\nText.\n\n### Eins a\n\nMehr.\n\n## Zwei\n\nEnde.\n", 0),
        ("# Titel\n\nEinleitung.\n\n## Eins\n\n### Eins a\n\n## Zwei\n\n## Drei\n", 4),
    ],
)
def test_a_different_structure_names_expected_and_found(translated, position):
    source = parse_document(SOURCE).clauses
    found = parse_document(translated).clauses
    with pytest.raises(StructureError) as raised:
        match_structure(source, found)
    details = raised.value.details
    assert details["position"] == position
    assert [o.heading for o in details["expected"]] == [c.heading for c in source]
    assert [o.heading for o in details["found"]] == [c.heading for c in found]


def test_structure_ignores_heading_words():
    source = (Clause(2, "A", "x"), Clause(2, "B", "y"))
    assert len(match_structure(source, (Clause(2, "Ä", "x"), Clause(2, "Б", "y")))) == 2
