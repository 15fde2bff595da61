"""parse_document(), number_clauses() and render_document()."""

from __future__ import annotations

import pickle
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import (
    Clause,
    Document,
    DocumentError,
    DocumentErrorCode,
    DraftsError,
    content_hash,
    number_clauses,
    parse_document,
    render_document,
)


def _outline(document: Document) -> list[tuple[int, str, str]]:
    return [(c.level, c.number, c.heading) for c in document.clauses]


def _error_of(text: str) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_document(text)
    return caught.value


# Front matter


def test_yaml_front_matter_is_parsed_and_kept_out_of_clauses() -> None:
    document = parse_document(
        "---\ntitle: Draft\ntags: [a, b]\n---\n# Policy\n\n## Scope\n\nAll.\n"
    )
    assert dict(document.front_matter) == {"title": "Draft", "tags": ["a", "b"]}
    assert document.title == "Policy"
    assert [(c.heading, c.body) for c in document.clauses] == [("Scope", "All.")]


def test_yaml_front_matter_may_end_with_dots() -> None:
    document = parse_document("---\na: 1\n...\nText.")
    assert dict(document.front_matter) == {"a": 1}
    assert document.clauses[0].body == "Text."


def test_toml_front_matter_is_parsed_and_kept_out_of_clauses() -> None:
    document = parse_document('+++\nversion = "2.0"\naliases = ["/v/2"]\n+++\n\nIntro text.\n')
    assert dict(document.front_matter) == {"version": "2.0", "aliases": ["/v/2"]}
    assert [(c.level, c.body) for c in document.clauses] == [(0, "Intro text.")]


def test_empty_yaml_front_matter_is_an_empty_mapping() -> None:
    assert dict(parse_document("---\n---\nText.").front_matter) == {}
    assert dict(parse_document("---\n# only a comment\n---\nText.").front_matter) == {}


def test_no_front_matter_is_an_empty_mapping() -> None:
    assert dict(parse_document("Text.").front_matter) == {}


def test_front_matter_is_read_only() -> None:
    document = parse_document("---\na: 1\n---\nText.")
    assert isinstance(document.front_matter, MappingProxyType)
    with pytest.raises(TypeError):
        document.front_matter["a"] = 2  # type: ignore[index]


def test_front_matter_title_is_not_applied() -> None:
    assert parse_document("---\ntitle: From front matter\n---\nText.").title is None


def test_malformed_yaml() -> None:
    error = _error_of("---\ntitle: Draft\nbad: [unclosed\n---\nText.")
    assert error.code == DocumentErrorCode.FRONT_MATTER_YAML == "front_matter_yaml"
    assert isinstance(error.details["problem"], str) and error.details["problem"]
    assert error.details["line"] >= 3


def test_malformed_yaml_line_points_into_the_document() -> None:
    error = _error_of("---\na: 1\nb: : :\n  - x\n---\nText.")
    assert error.code == "front_matter_yaml"
    assert error.details["line"] == 3


@pytest.mark.parametrize("value", ["2020-13-45", "!!int abc", "!!float x"])
def test_yaml_values_that_fail_to_construct(value: str) -> None:
    error = _error_of(f"---\nd: {value}\n---\nText.")
    assert error.code == "front_matter_yaml"
    assert error.details["problem"]


def test_yaml_tags_are_not_executed() -> None:
    error = _error_of("---\nx: !!python/object/apply:os.system ['true']\n---\nText.")
    assert error.code == "front_matter_yaml"


def test_malformed_toml() -> None:
    error = _error_of('+++\nversion = "2.0"\nbroken = \nok = 1\n+++\nText.')
    assert error.code == DocumentErrorCode.FRONT_MATTER_TOML == "front_matter_toml"
    assert (error.details["line"], error.details["column"]) == (3, 10)
    assert error.details["problem"] == "Invalid value"


def test_malformed_toml_at_its_end_points_at_its_last_line() -> None:
    error = _error_of('+++\nversion = "2.0"\nbroken = \n+++\nText.')
    assert (error.code, error.details) == (
        "front_matter_toml",
        {"problem": "Invalid value", "line": 3},
    )


@pytest.mark.parametrize(
    "text",
    ["---\na: 1\n", "---\na: 1\n+++\nText.", "+++\na = 1\n", "+++\na = 1\n---\nText."],
)
def test_unclosed_front_matter(text: str) -> None:
    assert _error_of(text).code == DocumentErrorCode.FRONT_MATTER_UNCLOSED


@pytest.mark.parametrize("front_matter", ["- a\n- b", "just a string", "42"])
def test_front_matter_must_be_a_mapping(front_matter: str) -> None:
    error = _error_of(f"---\n{front_matter}\n---\nText.")
    assert error.code == DocumentErrorCode.FRONT_MATTER_NOT_MAPPING


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n \t\n", "\ufeff", "---\na: 1\n---\n", "---\n---\n\n  \n", "+++\n+++\n"]
)
def test_empty_documents(text: str) -> None:
    error = _error_of(text)
    assert error.code == DocumentErrorCode.EMPTY == "empty"
    assert error.details == {}


def test_errors_are_drafts_errors_with_codes_not_messages() -> None:
    error = _error_of("")
    assert isinstance(error, DraftsError)
    assert str(error) == "empty"


def test_errors_survive_pickling() -> None:
    error = _error_of("+++\nbroken = \n+++\nText.")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.details) == (DocumentError, error.code, error.details)


# Clauses


def test_no_headings_is_one_preamble_clause() -> None:
    document = parse_document("\n\nFirst paragraph.\n\n* a list\n\n")
    assert document.title is None
    assert document.clauses == (Clause(0, "", "First paragraph.\n\n* a list"),)


def test_single_leading_h1_is_the_title() -> None:
    document = parse_document("# Policy\n\n## One\n\nA.\n\n## Two\n\nB.")
    assert document.title == "Policy"
    assert _outline(document) == [(2, "1", "One"), (2, "2", "Two")]


def test_title_only_document_has_no_clauses() -> None:
    document = parse_document("# Policy\n")
    assert (document.title, document.clauses) == ("Policy", ())


def test_text_around_the_title_is_the_preamble() -> None:
    document = parse_document("Before.\n\n# Policy\n\nAfter.\n\n## One\n\nA.")
    assert document.title == "Policy"
    assert document.clauses[0] == Clause(0, "", "Before.\n\nAfter.")
    assert _outline(document) == [(0, "", ""), (2, "1", "One")]


def test_two_h1s_means_no_title() -> None:
    document = parse_document("# One\n\nA.\n\n# Two\n\nB.")
    assert document.title is None
    assert _outline(document) == [(1, "1", "One"), (1, "2", "Two")]


def test_h1_after_another_heading_is_not_the_title() -> None:
    document = parse_document("## Intro\n\nA.\n\n# Main\n\nB.")
    assert document.title is None
    assert _outline(document) == [(2, "1", "Intro"), (1, "2", "Main")]


def test_headings_in_code_quotes_and_lists_are_body_text() -> None:
    text = (
        "## Real\n\n```\n# not a heading\n```\n\n> # quoted heading\n\n"
        "- # heading in a list\n\n    # indented code\n\n~~~\n## also not\n~~~"
    )
    document = parse_document(text)
    assert _outline(document) == [(2, "1", "Real")]
    assert document.clauses[0].body == text.split("\n\n", 1)[1]


def test_setext_headings_are_clauses() -> None:
    document = parse_document("Policy\n======\n\nSection\n-------\n\nText.\n\nOther\n---\nMore.")
    assert document.title == "Policy"
    assert [(c.level, c.heading, c.body) for c in document.clauses] == [
        (2, "Section", "Text."),
        (2, "Other", "More."),
    ]


def test_multi_line_setext_heading_becomes_one_line() -> None:
    document = parse_document("## A\n\nx\n\nLong\nheading\n---\n\nBody.")
    assert document.clauses[1].heading == "Long heading"


def test_heading_text_is_the_inline_source() -> None:
    document = parse_document(
        "## A\n\n### 1. Correction\n\n## **Bold** _and_ `code` ##\n\n####   Spaced   #"
    )
    assert [c.heading for c in document.clauses] == [
        "A",
        "1. Correction",
        "**Bold** _and_ `code`",
        "Spaced",
    ]


def test_body_is_verbatim_between_headings_without_outer_blank_lines() -> None:
    body = "First  line with  spaces  \nsecond line\n\n\n* item\n  continued"
    document = parse_document(f"## A\n\n\n{body}\n\n\n\n## B\n")
    assert document.clauses[0].body == body
    assert document.clauses[1].body == ""


def test_heading_without_blank_line_before_body() -> None:
    document = parse_document("## A\nbody right away\n## B\nmore")
    assert [(c.heading, c.body) for c in document.clauses] == [
        ("A", "body right away"),
        ("B", "more"),
    ]


def test_crlf_and_bom() -> None:
    document = parse_document(
        "\ufeff---\r\na: 1\r\n---\r\n# T\r\n\r\n## S\r\n\r\nLine one\r\nline two\r\n"
    )
    assert (document.title, dict(document.front_matter)) == ("T", {"a": 1})
    assert document.clauses == (Clause(2, "S", "Line one\nline two", number="1"),)


def test_lone_cr_line_endings() -> None:
    assert parse_document("## S\r\rText.").clauses[0].body == "Text."


def test_parsed_clauses_have_no_keys() -> None:
    assert all(c.key is None for c in parse_document("Intro.\n\n## A\n\n## B").clauses)


def test_document_content_hash_property() -> None:
    document = parse_document("# T\n\n## A\n\nText.")
    assert document.content_hash == content_hash("T", document.clauses)


def test_documents_are_hashable_and_comparable() -> None:
    text = "---\na: 1\n---\n# T\n\n## A\n\nText."
    assert parse_document(text) == parse_document(text)
    assert hash(parse_document(text)) == hash(parse_document(text))


# Numbering


def test_numbering_with_title_and_sub_clauses() -> None:
    text = "# T\n\n## A\n\n## B\n\n### B1\n\n### B2\n\n## C"
    assert [c.number for c in parse_document(text).clauses] == ["1", "2", "2.1", "2.2", "3"]


def _numbers(levels: list[int]) -> list[str]:
    return [
        c.number
        for c in number_clauses([Clause(level, f"h{i}", "") for i, level in enumerate(levels)])
    ]


def test_skipped_level_is_one_level_deeper() -> None:
    assert _numbers([2, 4, 4, 3, 2]) == ["1", "1.1", "1.2", "1.3", "2"]


def test_preamble_is_unnumbered_and_does_not_reset_counters() -> None:
    assert _numbers([0, 2, 3, 0, 3, 2]) == ["", "1", "1.1", "", "1.2", "2"]


def test_numbering_without_title() -> None:
    assert _numbers([1, 2, 2, 1, 3, 1]) == ["1", "1.1", "1.2", "2", "2.1", "3"]


def test_deep_nesting_and_return_to_top() -> None:
    assert _numbers([3, 2, 4, 5, 6, 3]) == ["1", "2", "2.1", "2.1.1", "2.1.1.1", "2.2"]


def test_number_clauses_returns_copies_and_overwrites_numbers() -> None:
    clauses = [Clause(2, "A", "x", key="a", number="9.9")]
    numbered = number_clauses(clauses)
    assert numbered == (Clause(2, "A", "x", key="a", number="1"),)
    assert clauses[0].number == "9.9"


# Rendering back to Markdown


def test_render_document_layout() -> None:
    clauses = [Clause(0, "", "Intro."), Clause(2, "A", "Text."), Clause(3, "B", "")]
    assert render_document("Policy", clauses) == "# Policy\n\nIntro.\n\n## A\n\nText.\n\n### B\n"


def test_render_document_keeps_trailing_hashes_in_headings() -> None:
    clauses = (Clause(2, "C#", "x", number="1"), Clause(2, "Issue #", "", number="2"))
    assert parse_document(render_document(None, clauses)).clauses == clauses


HEADING = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .,:'#*_`-]{0,30}", fullmatch=True).map(str.strip)
LINE = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .,;:'*_`()-]{0,50}", fullmatch=True)
BLOCK = st.one_of(
    st.lists(LINE, min_size=1, max_size=3).map("\n".join),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"* {i}" for i in items)),
    st.lists(LINE, max_size=3).map(
        lambda lines: "```\n# not a heading\n" + "\n".join(lines) + "\n```"
    ),
)
BODY = st.lists(BLOCK, max_size=3).map("\n\n".join)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str | None, tuple[Clause, ...]]:
    title = draw(st.none() | HEADING.filter(bool))
    preamble = draw(st.lists(BLOCK, max_size=2).map("\n\n".join))
    # Levels >= 2: a level-1 clause would change whether the title is one.
    levels = draw(st.lists(st.integers(min_value=2, max_value=6), max_size=6))
    sections = [Clause(level, draw(HEADING), draw(BODY)) for level in levels]
    clauses = ([Clause(0, "", preamble)] if preamble else []) + sections
    return title, number_clauses(clauses)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_render_then_parse_round_trips(document: tuple[str | None, tuple[Clause, ...]]) -> None:
    title, clauses = document
    if title is None and not clauses:
        return
    parsed = parse_document(render_document(title, clauses))
    assert (parsed.title, parsed.clauses) == (title, clauses)


def test_render_document_round_trips_untitled_h1_documents() -> None:
    document = parse_document("# One\n\nA.\n\n## Sub\n\nB.\n\n# Two\n\nC.")
    again = parse_document(render_document(document.title, document.clauses))
    assert again == document
