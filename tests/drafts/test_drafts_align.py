"""make_key() and align()."""

from __future__ import annotations

import random

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


# align: a clause rewritten in its place


def test_a_clause_rewritten_between_two_unchanged_neighbours_keeps_its_key() -> None:
    old = keyed(
        Clause(2, "Scope", text_of(1)),
        Clause(2, "Retention", text_of(2)),
        Clause(2, "Appeals", text_of(3)),
    )
    new = [old[0], Clause(2, "Keeping records", text_of(4)), old[2]]
    alignment = align(old, new)
    assert [c.key for c in alignment.clauses] == ["scope", "retention", "appeals"]
    assert alignment.matches[1].reason is MatchReason.PLACE
    assert alignment.matches[1].old_index == 1


def test_a_clause_rewritten_at_another_level_is_new() -> None:
    old = keyed(
        Clause(2, "Scope", text_of(1)),
        Clause(2, "Retention", text_of(2)),
        Clause(2, "Appeals", text_of(3)),
    )
    new = [old[0], Clause(3, "Keeping records", text_of(4)), old[2]]
    assert align(old, new).matches[1].reason is MatchReason.NEW


def test_a_clause_rewritten_at_either_end_is_new() -> None:
    # Nothing stands on the other side: what was dropped and what was written there may be
    # two clauses.
    old = keyed(Clause(2, "Scope", text_of(1)), Clause(2, "Appeals", text_of(3)))
    first = align(old, [Clause(2, "Purpose", text_of(4)), old[1]])
    last = align(old, [old[0], Clause(2, "Contact", text_of(5))])
    assert first.matches[0].reason is MatchReason.NEW
    assert last.matches[1].reason is MatchReason.NEW


def half_rewritten(seed: int, other: int) -> str:
    """A text keeping a quarter of ``text_of(seed)``'s words: under the similarity bar, over the place bar."""
    kept = text_of(seed).split()[:10]
    return " ".join(kept + text_of(other, 30).split())


def test_several_rewritten_clauses_in_one_gap_pair_by_similarity_in_order() -> None:
    old = keyed(*(Clause(2, f"Old {i}", text_of(i)) for i in range(5)))
    new = [
        old[0],
        Clause(2, "New B", half_rewritten(2, 12)),
        Clause(2, "New A", half_rewritten(1, 11)),
        old[4],
    ]
    new.insert(3, Clause(2, "New C", half_rewritten(3, 13)))
    alignment = align(old, new)
    # B and C are in order; A, written after B, cannot continue old 1 without crossing it.
    assert [c.key for c in alignment.clauses] == ["old-0", "old-2", "new-a", "old-3", "old-4"]
    assert [m.reason for m in alignment.matches][1:4] == [
        MatchReason.PLACE,
        MatchReason.NEW,
        MatchReason.PLACE,
    ]
    assert all(0.2 <= m.score < 0.5 for m in alignment.matches if m.reason is MatchReason.PLACE)


def test_a_moved_clause_keeps_its_match_inside_a_gap() -> None:
    old = keyed(*(Clause(2, f"Old {i}", text_of(i)) for i in range(4)))
    # Old 3 moves up between old 0 and old 2, next to old 1's rewrite: old 1 is still the only
    # clause left between them, and old 3 is still old 3.
    new = [old[0], old[3], Clause(2, "Rewritten", text_of(9)), old[2]]
    alignment = align(old, new)
    assert [c.key for c in alignment.clauses] == ["old-0", "old-3", "old-1", "old-2"]
    assert alignment.matches[2].reason is MatchReason.PLACE


REWORDINGS = {
    "japanese": (
        (
            "執行の責任",
            "コミュニティリーダーは、許容される行動の基準を明確にし、それを実施する責任があります。",
        ),
        (
            "リーダーの務め",
            "許容される行動の基準を明らかにし、それを守らせることは、指導者の務めです。",
        ),
        ("適用範囲", "この行動規範は、すべてのコミュニティスペースに適用されます。"),
        (
            "対象となる場",
            "本規範は、公の場で個人がコミュニティを正式に代表している場合にも適用されます。",
        ),
    ),
    "chinese": (
        ("执行责任", "社区领导者有责任澄清和执行我们可接受的行为标准。"),
        ("领导者的职责", "我们可接受行为的标准，由社区负责人负责阐明并加以执行。"),
        ("适用范围", "本行为准则适用于所有社区空间。"),
        ("适用场合", "这份准则同样适用于个人在公共场合正式代表社区的情况。"),
    ),
    "thai": (
        ("ความรับผิดชอบในการบังคับใช้", "ผู้นำชุมชนมีหน้าที่ชี้แจงและบังคับใช้มาตรฐานพฤติกรรมที่ยอมรับได้"),
        ("หน้าที่ของผู้นำ", "การอธิบายมาตรฐานพฤติกรรมที่ยอมรับได้และการบังคับใช้เป็นภาระของผู้นำ"),
        ("ขอบเขต", "หลักปฏิบัตินี้ใช้กับทุกพื้นที่ของชุมชน"),
        ("กรณีที่ใช้", "หลักปฏิบัตินี้ยังใช้เมื่อบุคคลเป็นตัวแทนชุมชนในที่สาธารณะ"),
    ),
}


@pytest.mark.parametrize("texts", REWORDINGS.values(), ids=REWORDINGS.keys())
def test_reworded_clauses_in_unspaced_scripts_keep_their_keys(texts) -> None:
    first, first_reworded, second, second_reworded = (Clause(2, *pair) for pair in texts)
    ends = Clause(2, "Pledge", text_of(1)), Clause(2, "Attribution", text_of(2))
    old = keyed(ends[0], first, second, ends[1])
    alignment = align(old, [ends[0], first_reworded, second_reworded, ends[1]])
    assert [c.key for c in alignment.clauses] == [c.key for c in old]
    # Two clauses left over on each side: similarity, not place alone, pairs them.
    assert any(m.reason is MatchReason.PLACE and m.score >= 0.2 for m in alignment.matches)


@st.composite
def rewrites(draw: st.DrawFn) -> tuple[tuple[Clause, ...], list[Clause], set[int]]:
    """A version, and the next one with some clauses' headings and texts rewritten in place
    (never two side by side, never the first or the last)."""
    count = draw(st.integers(3, 12))
    levels = [draw(st.integers(1, 3)) for _ in range(count)]
    old = keyed(*(Clause(level, f"Heading {i}", text_of(i)) for i, level in enumerate(levels)))
    rewritten = draw(st.sets(st.sampled_from(range(1, count - 1, 2))))
    new = [
        Clause(c.level, f"Rewritten {i}", text_of(1000 + i)) if i in rewritten else c
        for i, c in enumerate(old)
    ]
    return old, new, rewritten


@settings(max_examples=80, deadline=None)
@given(rewrites())
def test_every_clause_rewritten_in_place_keeps_its_key(
    version: tuple[tuple[Clause, ...], list[Clause], set[int]],
) -> None:
    old, new, rewritten = version
    alignment = align(old, [Clause(c.level, c.heading, c.body) for c in new])
    assert [c.key for c in alignment.clauses] == [c.key for c in old]
    assert {m.new_index for m in alignment.matches if m.reason is MatchReason.PLACE} == rewritten


@st.composite
def edits(draw: st.DrawFn) -> tuple[tuple[Clause, ...], list[Clause]]:
    """A version, and the next one with clauses moved, removed, rewritten and added."""
    count = draw(st.integers(2, 12))
    levels = [draw(st.integers(1, 3)) for _ in range(count)]
    old = keyed(*(Clause(level, f"Heading {i}", text_of(i)) for i, level in enumerate(levels)))
    new: list[Clause] = []
    for i, clause in enumerate(draw(st.permutations(old))):
        fate = draw(st.sampled_from(["keep", "keep", "drop", "rewrite", "insert"]))
        if fate == "rewrite":
            clause = Clause(clause.level, f"Rewritten {i}", text_of(2000 + i))
        elif fate == "insert":
            new.append(Clause(draw(st.integers(1, 3)), f"Added {i}", text_of(3000 + i)))
        if fate != "drop":
            new.append(clause)
    return old, new


def _between_neighbours_in_order(alignment: Alignment, match: Match) -> bool:
    paired = [(m.new_index, m.old_index) for m in alignment.matches if m.old_index is not None]
    before = [old for new, old in paired if new < match.new_index]
    after = [old for new, old in paired if new > match.new_index]
    assert match.old_index is not None
    return any(old < match.old_index for old in before) and any(
        old > match.old_index for old in after
    )


@settings(max_examples=80, deadline=None)
@given(edits())
def test_pairs_by_place_never_take_a_clause_matched_otherwise(
    version: tuple[tuple[Clause, ...], list[Clause]],
) -> None:
    old, new = version
    alignment = align(old, [Clause(c.level, c.heading, c.body) for c in new])
    # Kept clauses, moved or not, keep their keys.
    for clause, result in zip(new, alignment.clauses):
        if clause.key is not None:
            assert result.key == clause.key
    keys = [c.key for c in alignment.clauses]
    assert len(set(keys)) == len(keys)
    for match in alignment.matches:
        if match.reason is MatchReason.PLACE:
            assert match.old_index is not None
            assert old[match.old_index].level == new[match.new_index].level
            assert _between_neighbours_in_order(alignment, match)


# align: a clause added back takes its key back


def test_a_clause_added_back_with_its_text_takes_its_key_back() -> None:
    first = keyed(Clause(2, "Scope", text_of(1)), Clause(2, "Thanks", text_of(2)))
    second = align(first, [first[0]]).clauses
    alignment = align(second, [second[0], Clause(2, "Thanks", text_of(2))], removed=[first[1]])
    assert [c.key for c in alignment.clauses] == ["scope", "thanks"]
    assert alignment.matches[1] == Match(1, None, MatchReason.RESTORED, 1.0)


def test_a_clause_added_back_with_its_heading_takes_its_key_back() -> None:
    removed = keyed(Clause(2, "Scope", text_of(1)), Clause(2, "Thanks", text_of(2)))[1]
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [old[0], Clause(2, "THANKS", text_of(3))], removed=[removed])
    assert alignment.clauses[1].key == "thanks"
    assert alignment.matches[1].reason is MatchReason.RESTORED


def test_a_removed_text_is_found_under_another_heading() -> None:
    # The text comes back renamed: its text, not its new heading, says which clause it is.
    removed = [
        Clause(2, "Thanks", text_of(2), key="thanks"),
        Clause(2, "Credits", text_of(5), key="credits"),
    ]
    old = keyed(Clause(2, "Scope", text_of(1)))
    alignment = align(old, [old[0], Clause(2, "Credits", text_of(2))], removed=removed)
    assert alignment.clauses[1].key == "thanks"


def test_each_removed_key_comes_back_once_the_most_recent_first() -> None:
    removed = [
        Clause(2, "Notes", text_of(2), key="notes-2"),
        Clause(2, "Notes", text_of(3), key="notes"),
    ]
    old = keyed(Clause(2, "Scope", text_of(1)))
    new = [
        old[0],
        Clause(2, "Notes", text_of(7)),
        Clause(2, "Notes", text_of(8)),
        Clause(2, "Notes", text_of(9)),
    ]
    keys = [c.key for c in align(old, new, removed=removed).clauses]
    assert keys == ["scope", "notes-2", "notes", "notes-3"]


def test_a_key_the_old_version_holds_is_not_restored() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)), Clause(2, "Thanks", text_of(2)))
    stale = Clause(2, "Other", text_of(9), key="thanks")
    alignment = align(old, [old[0], Clause(2, "Other", text_of(9))], removed=[stale])
    assert alignment.clauses[1].key == "other"


def test_fresh_keys_avoid_removed_keys() -> None:
    removed = [Clause(2, "Budget", text_of(2), key="budget")]
    alignment = align([], [Clause(2, "Budget!", text_of(3))], removed=removed)
    # The heading normalises to another identity ("budget!"): a new clause, with a new key.
    assert alignment.matches[0].reason is MatchReason.NEW
    assert alignment.clauses[0].key == "budget-2"


def test_a_clause_matched_in_the_old_version_is_not_restored() -> None:
    old = keyed(Clause(2, "Scope", text_of(1)))
    removed = [Clause(2, "Scope", text_of(1), key="range")]
    alignment = align(old, [Clause(2, "Scope", text_of(1))], removed=removed)
    assert alignment.clauses[0].key == "scope"
    assert alignment.matches[0].reason is MatchReason.HEADING
