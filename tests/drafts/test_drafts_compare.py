"""Comparing two revisions clause by clause: kinds, moves, renumbering, the covenant's real history."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import (
    Clause,
    ClauseChange,
    ClauseKind,
    CompareError,
    CompareErrorCode,
    align,
    compare,
    mirrored,
    number_clauses,
    parse_document,
)

COVENANT = Path(__file__).resolve().parents[3] / "shared/data/contributor-covenant"
needs_covenant = pytest.mark.skipif(
    not COVENANT.is_dir(), reason=f"no Contributor Covenant at {COVENANT}"
)
GUIDELINES = [
    "Enforcement Guidelines",
    "1. Correction",
    "2. Warning",
    "3. Temporary Ban",
    "4. Permanent Ban",
]


def clause(key: str, body: str = "", heading: str | None = None, number: str = "") -> Clause:
    return Clause(
        level=2,
        heading=heading or key.title(),
        body=body or f"Text of {key}.",
        key=key,
        number=number,
    )


def kinds(comparison) -> list[tuple[str, str]]:
    return [(item.key, str(item.kind)) for item in comparison.clauses]


def test_every_kind_of_change():
    old = [clause("a"), clause("b"), clause("c"), clause("d")]
    new = [clause("a", "New text of a."), clause("b", heading="Bee"), clause("e"), clause("d")]
    assert kinds(compare(old, new)) == [
        ("a", "modified"),
        ("b", "renamed"),
        ("c", "removed"),
        ("e", "added"),
        ("d", "unchanged"),
    ]


def test_only_the_clause_that_jumped_is_moved():
    old = [clause(k) for k in "abcdef"]
    new = [clause(k) for k in "abdefc"]
    comparison = compare(old, new)
    assert [item.key for item in comparison.clauses if ClauseChange.MOVED in item.changes] == ["c"]
    assert comparison.summary.moved == 1 and comparison.summary.unchanged == 5


def reading_with_departures(comparison) -> list[str]:
    """The keys in reading order, with "<key" where a moved clause used to stand."""
    departed = comparison.departed_before
    keys: list[str] = []
    for item in (*comparison.clauses, None):
        keys.extend(f"<{gone.key}" for gone in departed.get(item.key if item else None, ()))
        keys.extend([item.key] if item else [])
    return keys


@pytest.mark.parametrize(
    ("old", "new", "reading"),
    [
        ("abcdef", "abdefc", ["a", "b", "<c", "d", "e", "f", "c"]),
        ("abcdef", "cabdef", ["c", "a", "b", "<c", "d", "e", "f"]),
        ("abcd", "dabc", ["d", "a", "b", "c", "<d"]),
        ("abcd", "bcda", ["<a", "b", "c", "d", "a"]),
        ("abcde", "aedbc", ["a", "e", "d", "b", "c", "<d", "<e"]),
        # d removed, x added, f moved: the removed clause before what follows it, the mark at the end.
        ("abcdef", "afbxce", ["a", "f", "b", "x", "c", "d", "e", "<f"]),
    ],
)
def test_a_moved_clause_leaves_a_mark_where_it_stood(old, new, reading):
    comparison = compare([clause(k) for k in old], [clause(k) for k in new])
    assert reading_with_departures(comparison) == reading


def test_a_mark_keeps_its_old_order_among_removed_clauses():
    comparison = compare([clause(k) for k in "abcde"], [clause(k) for k in "aeb"])
    assert reading_with_departures(comparison) == ["a", "e", "b", "c", "d", "<e"]
    assert [str(item.kind) for item in comparison.clauses] == [
        "unchanged",
        "moved",
        "unchanged",
        "removed",
        "removed",
    ]


@given(st.permutations("abcdefgh"))
def test_every_moved_clause_leaves_exactly_one_mark(order):
    comparison = compare([clause(k) for k in "abcdefgh"], [clause(k) for k in order])
    moved = [item.key for item in comparison.clauses if ClauseChange.MOVED in item.changes]
    marks = [key for _, key in comparison.departures]
    assert sorted(marks) == sorted(moved)
    assert all(0 <= index <= len(comparison.clauses) for index, _ in comparison.departures)


def test_renumbering_is_reported_with_both_numbers():
    old = [clause("a", number="1"), clause("b", number="2")]
    new = [clause("z", number="1"), clause("a", number="2"), clause("b", number="3")]
    item = compare(old, new).clauses[1]
    assert item.kind is ClauseKind.UNCHANGED and ClauseChange.RENUMBERED in item.changes
    assert (item.old.number, item.new.number) == ("1", "2")


def test_a_headings_own_number_changed_is_a_relabelling_not_a_new_name():
    old = [clause("a", number="1"), clause("scope", "Same.", "3. Scope", number="2")]
    new = [
        clause("z", number="1"),
        clause("a", number="2"),
        clause("scope", "Same.", "4. Scope", number="3"),
    ]
    comparison = compare(old, new)
    item = comparison.clauses[2]
    assert item.changes == {ClauseChange.RELABELLED, ClauseChange.RENUMBERED}
    assert item.kind is ClauseKind.RELABELLED
    assert (comparison.summary.renamed, comparison.summary.renumbered) == (0, 2)


def test_a_heading_renamed_beside_its_number_is_still_renamed():
    item = compare([clause("s", "Same.", "3. Scope")], [clause("s", "Same.", "3. Range")]).clauses[
        0
    ]
    assert item.changes == {ClauseChange.RENAMED}


def test_a_change_hidden_from_the_reader_leaves_the_kind_list_and_counts():
    old = [clause("scope", "Same.", "3. Scope", number="1")]
    new = [clause("scope", "Same.", "4. Scope", number="1")]
    comparison = compare(old, new)
    assert [item.key for item in comparison.changed] == ["scope"]
    shown = comparison.hiding({"scope": frozenset({ClauseChange.RELABELLED})})
    assert shown.clauses[0].kind is ClauseKind.UNCHANGED and shown.changed == ()
    assert (shown.summary.unchanged, shown.summary.renumbered, shown.summary.words_added) == (
        1,
        0,
        0,
    )
    assert shown.clauses[0].heading.changed  # the redline itself is untouched


def test_removed_clauses_appear_where_they_were():
    old = [clause(k) for k in "abcd"]
    new = [clause(k) for k in "ad"]
    assert [item.key for item in compare(old, new).clauses] == ["a", "b", "c", "d"]


def test_rename_plus_edit_and_word_counts():
    item = compare(
        [clause("a", "one two", "Old")], [clause("a", "one two three", "New name")]
    ).clauses[0]
    assert item.changes == {ClauseChange.RENAMED, ClauseChange.MODIFIED}
    assert item.kind is ClauseKind.MODIFIED
    assert (item.words_added, item.words_removed) == (3, 1)


def test_clauses_need_unique_keys():
    with pytest.raises(CompareError) as error:
        compare([Clause(2, "A", "x")], [])
    assert error.value.code == CompareErrorCode.CLAUSE_WITHOUT_KEY
    with pytest.raises(CompareError) as error:
        compare([], [clause("a"), clause("a")])
    assert error.value.code == CompareErrorCode.DUPLICATE_KEY


KEYS = st.lists(st.sampled_from("abcdefghij"), unique=True, max_size=10)
BODIES = st.sampled_from(
    ["Be kind.", "Be  kind.", "Be\nkind.", "Be very kind.", "Do *not* harass.", "中文"]
)


@st.composite
def revisions(draw):
    return [
        clause(
            key, draw(BODIES), draw(st.sampled_from([key.title(), "Renamed"])), number=str(index)
        )
        for index, key in enumerate(draw(KEYS))
    ]


@settings(max_examples=200, deadline=None)
@given(revisions())
def test_a_revision_against_itself_has_no_change(clauses):
    comparison = compare(clauses, clauses)
    assert all(
        item.kind is ClauseKind.UNCHANGED and not item.changes for item in comparison.clauses
    )
    assert comparison.summary.words_added == comparison.summary.words_removed == 0


@settings(max_examples=200, deadline=None)
@given(revisions(), revisions())
def test_comparing_backwards_swaps_inserts_and_deletes(a, b):
    forwards, backwards = compare(a, b), compare(b, a)
    assert forwards.summary.added == backwards.summary.removed
    assert forwards.summary.words_added == backwards.summary.words_removed
    back = {item.key: item for item in backwards.clauses}
    for item in forwards.clauses:
        assert back[item.key].body.ops == mirrored(item.body.ops)
        assert back[item.key].heading.ops == mirrored(item.heading.ops)


def covenant(version: str, previous: tuple[Clause, ...] = ()) -> tuple[Clause, ...]:
    document = parse_document((COVENANT / version / "en.md").read_text(encoding="utf-8"))
    return number_clauses(align(previous, document.clauses).clauses)


@needs_covenant
def test_covenant_2_0_to_2_1_marks_only_clauses_whose_words_changed():
    v20 = covenant("2.0")
    v21 = covenant("2.1", v20)
    comparison = compare(v20, v21)
    modified = {item.new.heading for item in comparison.clauses if item.kind is ClauseKind.MODIFIED}
    words_changed = {
        new.heading for old, new in zip(v20, v21) if old.body.split() != new.body.split()
    }
    assert modified == words_changed == {"Our Pledge", "Attribution"}
    rewrapped = {new.heading for old, new in zip(v20, v21) if old.body != new.body} - words_changed
    assert rewrapped, "2.1 re-wraps some unchanged clauses; the test must cover them"
    assert comparison.summary.unchanged == 9
    pledge = next(item for item in comparison.clauses if item.new.heading == "Our Pledge")
    assert [(str(op.kind), op.text) for op in pledge.body.ops if op.kind != "equal"] == [
        ("insert", "caste, color, ")
    ]


@needs_covenant
def test_covenant_1_4_to_2_0_renames_responsibilities_and_adds_guidelines():
    v14 = covenant("1.4")
    comparison = compare(v14, covenant("2.0", v14))
    by_heading = {(item.new or item.old).heading: item for item in comparison.clauses}
    renamed = by_heading["Enforcement Responsibilities"]
    assert renamed.old.heading == "Our Responsibilities"
    assert {ClauseChange.RENAMED, ClauseChange.MODIFIED} <= renamed.changes
    assert [by_heading[h].kind for h in GUIDELINES] == [ClauseKind.ADDED] * 5
    assert comparison.summary.added == 5 and comparison.summary.removed == 0


@needs_covenant
def test_any_two_revisions_compare_not_only_neighbours():
    v14 = covenant("1.4")
    v21 = covenant("2.1", covenant("2.0", v14))
    comparison = compare(v14, v21)
    assert comparison.summary.added == 5
    assert replace(comparison.summary, added=0) != comparison.summary


def with_stored_hashes(clauses: list[Clause]) -> list[Clause]:
    return [replace(c, known_hash=c.hash) for c in clauses]


def test_stored_hashes_give_the_same_comparison():
    old = [clause("a", "One  two\nthree."), clause("b", "Kept."), clause("c", "Gone.")]
    new = [clause("b", "Kept."), clause("a", "One two three four."), clause("d", "New.")]
    fresh, stored = compare(old, new), compare(with_stored_hashes(old), with_stored_hashes(new))
    assert kinds(stored) == kinds(fresh)
    assert [(i.heading, i.body, i.words_added, i.words_removed) for i in stored.clauses] == [
        (i.heading, i.body, i.words_added, i.words_removed) for i in fresh.clauses
    ]
    assert stored.summary == fresh.summary


def test_an_unchanged_clause_is_never_diffed_but_reads_as_equal_text():
    same = clause("a", "Words  re-wrapped\nhere.")
    item = compare([same], [replace(same, body="Words re-wrapped here.")]).clauses[0]
    assert item.diffs is None and item.kind is ClauseKind.UNCHANGED
    assert [tuple(op) for op in item.body.ops] == [("equal", "Words re-wrapped here.")]
    assert item.words_added == item.words_removed == 0
