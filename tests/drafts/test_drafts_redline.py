"""Word-level redline of two texts: blind to re-wrapping, per character for unspaced scripts."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from drafts import (
    Op,
    OpKind,
    count_words,
    diff_text,
    is_balanced,
    mirrored,
    normalise,
    tokens,
)
from drafts.shown import shown_text

EQUAL, INSERT, DELETE = OpKind.EQUAL, OpKind.INSERT, OpKind.DELETE


def changes(old: str, new: str) -> list[tuple[str, str]]:
    return [(str(op.kind), op.text) for op in diff_text(old, new).ops if op.kind is not EQUAL]


def test_rewrapping_and_spaces_are_no_change():
    old = "We pledge to make participation\nin our community a harassment-free   experience."
    new = "We pledge to make\nparticipation in our community a\nharassment-free experience.  "
    diff = diff_text(old, new)
    assert not diff.changed
    assert diff.ops == (Op(EQUAL, normalise(new)),)


def test_an_insertion_inside_a_sentence_is_just_the_inserted_words():
    old = "regardless of age, body size, visible or invisible disability, ethnicity, sex characteristics"
    new = "regardless of age, body size, visible or invisible disability, ethnicity,\ncaste, color, sex characteristics"
    assert changes(old, new) == [("insert", "caste, color, ")]


def test_substitution_reads_as_phrase_not_letter_salad():
    assert changes("Project maintainers have the right", "Community leaders have the right") == [
        ("delete", "Project maintainers"),
        ("insert", "Community leaders"),
    ]


def test_unspaced_scripts_are_diffed_per_character():
    assert changes("我们希望这是一个友好的地方。", "我们希望这是一个安全的地方。") == [
        ("delete", "友好"),
        ("insert", "安全"),
    ]
    assert changes("私たちは歓迎します", "私たちは心から歓迎します") == [("insert", "心から")]
    assert changes("ภาษาไทยง่าย", "ภาษาไทยยาก")[0][0] == "delete"


def test_thai_marks_stay_with_their_letter():
    assert "".join(tokens("ที่นี่")) == "ที่นี่"
    assert all(not ("\u0e34" <= token[0] <= "\u0e3a") for token in tokens("ที่นี่"))


def test_an_added_paragraph_is_one_clean_block():
    old = "First paragraph.\n\nLast paragraph."
    new = "First paragraph.\n\nA new paragraph in the middle.\n\nLast paragraph."
    assert changes(old, new) == [("insert", "A new paragraph in the middle.\n\n")]


def test_changes_stay_inside_their_paragraph():
    old = "Alpha beta gamma.\n\nDelta epsilon zeta."
    new = "Alpha beta gamma!\n\nDelta epsilon eta."
    for _, text in changes(old, new):
        assert "\n" not in text


def test_emphasis_is_replaced_whole_never_left_as_a_bare_asterisk():
    ops = changes("We want a *friendly* place.", "We want a calm and *kind* place.")
    assert ops == [("delete", "*friendly*"), ("insert", "calm and *kind*")]
    ops = changes("a *very friendly* b", "a *quite friendly* b")
    assert all(is_balanced(text) for _, text in ops)


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("[the code](https://x.org)", True),
        ("see (below) and [this]", True),
        ("care) calm [next](", False),
        ("[text](", False),
        ("](https://x.org)", False),
        ("a ) b ( c", False),
    ],
)
def test_brackets_and_parentheses_must_close_in_order(text, balanced):
    assert is_balanced(text) is balanced


def test_a_change_to_a_links_text_never_splits_the_link_from_its_destination():
    old = "- [people garden](https://example.org/a)\n- [team calm](https://example.org/b)"
    new = "- [people](https://example.org/c) calm.\n- [report team](https://example.org/b)"
    for kind, text in changes(old, new):
        assert is_balanced(text), (kind, text)


def test_link_targets_change_without_breaking_the_link_text():
    ops = changes(
        "See [the code](https://x.org/1/4/a.html).", "See [the code](https://x.org/2/0/a.html)."
    )
    assert ops == [("delete", "1/4"), ("insert", "2/0")]


def test_word_counts():
    diff = diff_text("one two three", "one 2 three four five")
    assert (diff.words_added, diff.words_removed) == (3, 1)
    assert count_words("中文字") == 3
    assert count_words("— , .") == 0


def test_empty_sides():
    assert diff_text("", "").ops == ()
    assert changes("", "New text.") == [("insert", "New text.")]
    assert changes("Old text.", "") == [("delete", "Old text.")]


# Texts built from words, punctuation, Markdown marks, unspaced scripts and
# every kind of whitespace, so re-wrapping and block breaks are exercised.
_PIECES = st.sampled_from(
    [
        "the",
        "code",
        "of",
        "conduct",
        "we",
        "pledge",
        "*kind*",
        "**bold**",
        "[link](https://a.b/c)",
        "`x`",
        "—",
        ",",
        ".",
        "- item",
        "1. first",
        "> quote",
        "# heading",
        "中文",
        "日本語",
        "ไทย",
        "émigré",
        "e\u0301",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "~~gone~~",
    ]
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def assert_well_formed(diff, old: str, new: str) -> None:
    """Both shown texts rebuilt (each normalising as its text does); no empty run; between two
    equal runs, one delete then one insert at most."""
    assert diff.old_text == shown_text(old) and normalise(diff.old_text) == normalise(old)
    assert diff.new_text == shown_text(new) and normalise(diff.new_text) == normalise(new)
    assert all(op.text for op in diff.ops)
    kinds = "".join({EQUAL: "=", DELETE: "-", INSERT: "+"}[op.kind] for op in diff.ops)
    assert all(stretch in ("", "-", "+", "-+") for stretch in kinds.split("="))


def assert_on_token_boundaries(diff) -> None:
    """Every run starts and ends where a token does, in the old text and in the new."""
    for side, skipped in ((diff.old_text, INSERT), (diff.new_text, DELETE)):
        boundaries = set(accumulate(map(len, tokens(side)), initial=0))
        cuts = accumulate((len(op.text) for op in diff.ops if op.kind is not skipped), initial=0)
        assert set(cuts) <= boundaries


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
# A tab next to a space is one run of blanks: the shared end " thethethe" must not be cut
# inside "\t ", or a run of the new side ends in the middle of a token.
@example("the thethethe", "\tthe\t thethethe")
def test_ops_rebuild_both_normalised_texts(old, new):
    diff = diff_text(old, new)
    assert_well_formed(diff, old, new)
    assert_on_token_boundaries(diff)


# Long paragraphs from a small vocabulary, so that runs of words repeat and the
# word diff's anchors (a run of words found once in each text) are sometimes
# found and sometimes refused.
_WORDS = st.sampled_from(
    [
        "the",
        "code",
        "of",
        "conduct",
        "we",
        "pledge",
        "members",
        "kind,",
        "safe.",
        "*all*",
        "people",
        "respect",
    ]
)


@st.composite
def long_edited_paragraphs(draw) -> tuple[str, str]:
    words = draw(st.lists(_WORDS, min_size=40, max_size=160))
    edited = list(words)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        at = draw(st.integers(min_value=0, max_value=len(edited)))
        edited[at : at + draw(st.integers(min_value=0, max_value=3))] = draw(
            st.lists(_WORDS, max_size=3)
        )
    return " ".join(words), " ".join(edited)


@settings(max_examples=300, deadline=None)
@given(long_edited_paragraphs())
def test_long_edited_paragraphs_diff_word_by_word(pair):
    old, new = pair
    forwards, backwards = diff_text(old, new), diff_text(new, old)
    assert_well_formed(forwards, old, new)
    assert_on_token_boundaries(forwards)
    assert backwards.ops == mirrored(forwards.ops)


def test_edits_far_apart_in_a_long_paragraph_are_just_those_edits():
    shared = " ".join(f"word{i}" for i in range(60))
    old = f"Opening words. {shared} and the closing words."
    new = f"Opening sentence. {shared} and then the closing words."
    assert [(kind, text.strip()) for kind, text in changes(old, new)] == [
        ("delete", "words"),
        ("insert", "sentence"),
        ("insert", "then"),
    ]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_a_text_against_itself_has_no_change(text):
    diff = diff_text(text, text)
    assert not diff.changed and diff.words_added == diff.words_removed == 0


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_reversing_a_diff_swaps_inserts_and_deletes(old, new):
    forwards, backwards = diff_text(old, new), diff_text(new, old)
    assert backwards.ops == mirrored(forwards.ops)
    assert (backwards.words_added, backwards.words_removed) == (
        forwards.words_removed,
        forwards.words_added,
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_tokens_cover_any_text(text):
    assert "".join(tokens(text)) == text


def test_more_distinct_tokens_than_the_basic_plane_holds():
    # Past 55,000 distinct tokens the codes leave the BMP and skip the surrogates.
    old = " ".join(f"w{i}" for i in range(60_000))
    new = old.replace("w59999", "changed")
    ops = [tuple(op) for op in diff_text(old, new).ops]
    assert ops[-2:] == [("delete", "w59999"), ("insert", "changed")]
