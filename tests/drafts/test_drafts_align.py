"""make_key() and align()."""

from __future__ import annotations

import importlib
import random
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import (
    MAX_KEY_LENGTH,
    AlignError,
    AlignErrorCode,
    Alignment,
    Clause,
    Match,
    MatchReason,
    align,
    make_key,
)

align_module = importlib.import_module("drafts.align")

LOREM = (
    "consent data retention deletion request processor controller breach notice "
    "appeal committee quorum minutes budget audit vendor contract renewal privacy"
).split()


def text_of(seed: int, words: int = 40) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(LOREM) + str(rng.randint(0, 300)) for _ in range(words))


def keyed(*clauses: Clause) -> tuple[Clause, ...]:
    return align([], clauses).clauses


def reasons(alignment: Alignment) -> list[MatchReason]:
    return [match.reason for match in alignment.matches]


# make_key


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Our Pledge", "our-pledge"),
        ("1. Correction", "1-correction"),
        ("  Scope & Purpose!  ", "scope-purpose"),
        ("Élection générale — Québec", "election-generale-quebec"),
        ("Straße", "strasse"),
        ("Ångström Œuvre ǅ", "angstrom-œuvre-dz"),
        ("**Bold** _and_ `code`", "bold-and-code"),
        ("ＦＵＬＬ Width", "full-width"),
        ("私たちの約束", "私たちの約束"),
        ("ガイドライン", "ガイドライン"),
        ("مسؤوليات التنفيذ", "مسؤوليات-التنفيذ"),
        ("हिन्दी नियम", "हिन्दी-नियम"),
        ("Ελληνικά Άρθρο", "ελληνικά-άρθρο"),
    ],
)
def test_make_key_is_readable(heading: str, key: str) -> None:
    assert make_key(heading, ()) == key


def test_make_key_keeps_non_latin_marks_composed() -> None:
    key = make_key("ガイド", ())
    assert key == "ガイド" and len(key) == 3


@pytest.mark.parametrize("heading", ["", "   ", "!!!", "— * —"])
def test_make_key_falls_back_to_clause(heading: str) -> None:
    assert make_key(heading, ()) == "clause"


def test_make_key_appends_a_counter_while_taken() -> None:
    assert make_key("Scope", {"scope"}) == "scope-2"
    assert make_key("Scope", ["scope", "scope-2", "scope-3"]) == "scope-4"
    assert make_key("Scope", {"scope-2"}) == "scope"


def test_make_key_cuts_long_headings_at_a_dash() -> None:
    heading = "Processing of personal data by processors acting on behalf of the controller"
    key = make_key(heading, ())
    assert len(key) <= MAX_KEY_LENGTH
    assert key == "processing-of-personal-data-by-processors-acting"
    assert heading.lower().replace(" ", "-").startswith(key)


def test_make_key_cuts_a_long_word_hard() -> None:
    assert make_key("x" * 100, ()) == "x" * MAX_KEY_LENGTH


@settings(deadline=None)
@given(st.text(), st.sets(st.text(max_size=8), max_size=5))
def test_make_key_is_deterministic_and_free(heading: str, taken: set[str]) -> None:
    key = make_key(heading, taken)
    assert key == make_key(heading, taken)
    assert key and key not in taken
    assert not key.startswith("-") and " " not in key


# align: basics


def test_first_version_gets_fresh_keys_in_order() -> None:
    alignment = align(
        [], [Clause(0, "", "Intro"), Clause(2, "Scope", "a"), Clause(2, "Scope", "b")]
    )
    assert [c.key for c in alignment.clauses] == ["preamble", "scope", "scope-2"]
    assert alignment.matches == (
        Match(0, None, MatchReason.NEW, 0.0),
        Match(1, None, MatchReason.NEW, 0.0),
        Match(2, None, MatchReason.NEW, 0.0),
    )


def test_alignment_keeps_new_clauses_apart_from_the_key() -> None:
    new = [Clause(2, "A", "x", number="1"), Clause(3, "B", "y", number="1.1")]
    alignment = align([], new)
    assert [(c.level, c.heading, c.body, c.number) for c in alignment.clauses] == [
        (2, "A", "x", "1"),
        (3, "B", "y", "1.1"),
    ]
    assert [m.new_index for m in alignment.matches] == [0, 1]


def test_old_clauses_must_have_keys() -> None:
    with pytest.raises(AlignError) as caught:
        align([Clause(2, "A", "x", key="a"), Clause(2, "B", "y")], [])
    assert caught.value.code == AlignErrorCode.OLD_CLAUSE_WITHOUT_KEY
    assert caught.value.details == {"index": 1}


def test_empty_new_version() -> None:
    assert align(keyed(Clause(2, "A", "x")), []) == Alignment((), ())


# align: passes


def test_same_key_wins_over_heading_and_text() -> None:
    old = keyed(Clause(2, "Alpha", "first text"), Clause(2, "Beta", "second text"))
    new = [Clause(2, "Beta", "first text", key=old[0].key), Clause(2, "Gamma", "second text")]
    alignment = align(old, new)
    assert [c.key for c in alignment.clauses] == ["alpha", "beta"]
    assert reasons(alignment) == [MatchReason.KEY, MatchReason.SIMILARITY]


def test_carried_key_matches_only_once() -> None:
    old = keyed(Clause(2, "Alpha", text_of(1)))
    new = [Clause(2, "X", text_of(2), key="alpha"), Clause(2, "Y", text_of(3), key="alpha")]
    alignment = align(old, new)
    assert [c.key for c in alignment.clauses] == ["alpha", "y"]
    assert reasons(alignment) == [MatchReason.KEY, MatchReason.NEW]


def test_unknown_carried_key_is_replaced() -> None:
    alignment = align([], [Clause(2, "Scope", "x", key="made-up")])
    assert alignment.clauses[0].key == "scope"


def test_same_heading_is_normalised_and_casefolded() -> None:
    old = keyed(Clause(2, "Data  Retention", text_of(1)))
    alignment = align(old, [Clause(3, "data retention", text_of(2))])
    assert alignment.clauses[0].key == "data-retention"
    assert alignment.matches[0] == Match(0, 0, MatchReason.HEADING, 1.0)


def test_duplicate_headings_pair_in_order() -> None:
    old = keyed(Clause(2, "Notes", text_of(1)), Clause(2, "Notes", text_of(2)))
    alignment = align(old, [Clause(2, "Notes", text_of(3)), Clause(2, "notes", text_of(4))])
    assert [c.key for c in alignment.clauses] == ["notes", "notes-2"]
    assert [m.old_index for m in alignment.matches] == [0, 1]


def test_preamble_matches_preamble_not_an_empty_heading() -> None:
    old = keyed(Clause(2, "", text_of(1)), Clause(0, "", text_of(2)))
    alignment = align(old, [Clause(0, "", text_of(3)), Clause(2, "", text_of(4))])
    assert [c.key for c in alignment.clauses] == ["preamble", "clause"]
    assert reasons(alignment) == [MatchReason.HEADING, MatchReason.HEADING]


def test_renamed_and_edited_clause_matches_by_similarity() -> None:
    body = text_of(7)
    old = keyed(Clause(2, "Retention", body), Clause(2, "Appeals", text_of(8)))
    edited = body.replace(body.split()[3], "changed").replace(body.split()[9], "words")
    alignment = align(old, [Clause(2, "Keeping data", edited)])
    assert alignment.clauses[0].key == "retention"
    match = alignment.matches[0]
    assert (match.old_index, match.reason) == (0, MatchReason.SIMILARITY)
    assert 0.8 < match.score < 1.0


def test_dissimilar_clause_is_new() -> None:
    old = keyed(Clause(2, "Retention", text_of(1)))
    alignment = align(old, [Clause(2, "Budget", text_of(2))])
    assert alignment.clauses[0].key == "budget"
    assert alignment.matches[0] == Match(0, None, MatchReason.NEW, 0.0)


def test_threshold_decides_similarity() -> None:
    half = text_of(1, 20)
    old = keyed(Clause(2, "A", f"{half} {text_of(2, 20)}"))
    new = [Clause(2, "B", f"{half} {text_of(3, 20)}")]
    score_like = align(old, new, threshold=0.0).matches[0].score
    assert 0.3 < score_like < 0.7
    assert align(old, new, threshold=score_like).matches[0].reason is MatchReason.SIMILARITY
    assert align(old, new, threshold=score_like + 0.01).matches[0].reason is MatchReason.NEW


def test_similarity_pairs_best_first_globally() -> None:
    a, b = text_of(1), text_of(2)
    old = keyed(Clause(2, "Old A", a), Clause(2, "Old B", b))
    # New 0 is closer to A than to B, but new 1 is A itself: it wins A, new 0 gets B.
    mixed = " ".join(a.split()[:30] + b.split()[:28])
    alignment = align(old, [Clause(2, "New 0", mixed), Clause(2, "New 1", a)])
    assert [c.key for c in alignment.clauses] == ["old-b", "old-a"]


def test_similarity_ties_go_to_the_earlier_position() -> None:
    body = text_of(5)
    old = keyed(Clause(2, "First", body), Clause(2, "Second", body))
    alignment = align(old, [Clause(2, "Copy one", body), Clause(2, "Copy two", body)])
    assert [m.old_index for m in alignment.matches] == [0, 1]
    assert alignment.matches[0].score == alignment.matches[1].score > 0.9


def test_each_old_clause_is_matched_at_most_once() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [Clause(2, "Scope", text_of(1)), Clause(2, "Range", text_of(1))])
    assert [c.key for c in alignment.clauses] == ["scope", "range"]
    assert reasons(alignment) == [MatchReason.HEADING, MatchReason.NEW]


def test_moved_clauses_keep_their_keys() -> None:
    old = keyed(*(Clause(2, f"Heading {i}", text_of(i)) for i in range(6)))
    moved = [old[i] for i in (5, 2, 0, 4, 1, 3)]
    renamed = [Clause(c.level, f"Renamed {i}", c.body) for i, c in enumerate(moved)]
    assert [c.key for c in align(old, renamed).clauses] == [c.key for c in moved]


def test_words_common_to_many_old_clauses_do_not_make_clauses_similar() -> None:
    shared = "the policy applies to members and the committee shall review it annually"
    old = keyed(*(Clause(2, f"Section {i}", f"{shared} {text_of(i, 6)}") for i in range(30)))
    alignment = align(old, [Clause(2, "Brand new", f"{shared} {text_of(99, 6)}")])
    assert alignment.matches[0].reason is MatchReason.NEW


def test_unspaced_scripts_are_compared_by_character_pairs() -> None:
    old = keyed(
        Clause(
            2,
            "一",
            "コミュニティリーダーは、行動基準を明確にし、適切かつ公正な是正措置を講じる責任があります。",
        )
    )
    new = [
        Clause(
            2,
            "二",
            "コミュニティリーダーは、行動基準を明確にし、公正な是正措置を講じる責任を負います。",
        )
    ]
    alignment = align(old, new)
    assert alignment.matches[0].reason is MatchReason.SIMILARITY


# align: keys for new clauses


def test_removed_keys_are_never_reused() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [Clause(2, "Budget", text_of(2))], taken_keys={"budget", "budget-2"})
    assert alignment.clauses[0].key == "budget-3"


def test_new_keys_avoid_old_keys_even_when_unmatched() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [Clause(2, "Range", text_of(2)), Clause(2, "SCOPE!", text_of(3))])
    assert [c.key for c in alignment.clauses] == ["range", "scope-2"]
    assert reasons(alignment) == [MatchReason.NEW, MatchReason.NEW]


def test_fresh_keys_skip_taken_keys_and_each_other() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    new = [
        Clause(2, "Scope", text_of(1)),
        Clause(2, "Range (new)", text_of(3)),
        Clause(2, "range", text_of(4)),
    ]
    alignment = align(old, new, taken_keys={"range"})
    assert [c.key for c in alignment.clauses] == ["scope", "range-new", "range-2"]


def test_new_preamble_key() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [Clause(0, "", text_of(2))], taken_keys={"preamble"})
    assert alignment.clauses[0].key == "preamble-2"


HEADINGS = st.sampled_from(["Scope", "Data", "Appeals", "Budget", "Notes", "Notes", ""])


@st.composite
def versions(draw: st.DrawFn, unique_headings: bool) -> tuple[tuple[Clause, ...], list[Clause]]:
    seeds = draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=12, unique=True))
    headings = [f"Heading {seed}" if unique_headings else draw(HEADINGS) for seed in seeds]
    levels = [draw(st.integers(1, 4)) for _ in seeds]
    old = keyed(
        *(Clause(level, h, text_of(seed)) for level, h, seed in zip(levels, headings, seeds))
    )
    new = draw(st.permutations(old))
    return old, list(new)


@settings(max_examples=60, deadline=None)
@given(versions(unique_headings=True))
def test_a_reordered_version_keeps_every_key(
    version: tuple[tuple[Clause, ...], list[Clause]],
) -> None:
    old, new = version
    stripped = [Clause(c.level, c.heading, c.body) for c in new]
    assert [c.key for c in align(old, stripped).clauses] == [c.key for c in new]
    assert [c.key for c in align(old, new).clauses] == [c.key for c in new]


@settings(max_examples=60, deadline=None)
@given(versions(unique_headings=False), st.lists(st.integers(0, 10_000), max_size=5))
def test_keys_are_always_unique(
    version: tuple[tuple[Clause, ...], list[Clause]], extra: list[int]
) -> None:
    old, new = version
    added = [Clause(2, "Notes", text_of(seed + 20_000)) for seed in extra]
    alignment = align(old, added + new[1:], taken_keys={"notes-9"})
    keys = [c.key for c in alignment.clauses]
    assert len(set(keys)) == len(keys) and None not in keys
    # A clause that continues nothing gets a key never used: not taken, not held by the old version.
    fresh = {
        c.key for c, match in zip(alignment.clauses, alignment.matches) if match.old_index is None
    }
    assert not fresh & ({c.key for c in old} | {"notes-9"})


# Similarity tokens


@settings(deadline=None)
@given(st.text(alphabet=string.printable))
def test_ascii_words_are_regex_words(text: str) -> None:
    assert align_module._words(text) == re.findall(r"\w+", text.casefold())


def test_words_are_nfc_casefolded_and_unspaced_scripts_become_bigrams() -> None:
    assert align_module._words("Cafe\u0301 STRASSE Ärger_x 約束する") == [
        "café",
        "strasse",
        "ärger_x",
        "約束",
        "束す",
        "する",
    ]
