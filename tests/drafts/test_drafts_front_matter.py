"""Front matter is read within bounds: no YAML aliases, a size and a depth limit."""

from __future__ import annotations

import pytest

from drafts import DocumentError, DocumentErrorCode, parse_document
from drafts.front_matter import MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_DEPTH

BODY = "# Policy\n\nText.\n"


def _error_of(text: str) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_document(text)
    return caught.value


def _laughs(levels: int) -> str:
    """The "billion laughs": each level a list of ten aliases of the level below."""
    names = "abcdefghij"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for below, name in zip(names, names[1:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{below}"] * 10) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


@pytest.mark.parametrize("levels", [7, 8])
def test_alias_bomb_is_refused(levels: int) -> None:
    bomb = _laughs(levels)
    # 10**levels strings once expanded, from a few hundred bytes.
    assert len(bomb.encode()) < 420
    error = _error_of(bomb)
    assert error.code == DocumentErrorCode.FRONT_MATTER_ALIAS == "front_matter_alias"
    assert error.details == {"line": 2}


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("title: T\nbase: &base {a: 1}", 3),
        ("base: {a: 1}\nother:\n  <<: *base", 4),
        ("a: &x 1\nb: 2", 2),
    ],
)
def test_every_anchor_and_alias_is_refused(front_matter: str, line: int) -> None:
    error = _error_of(f"---\n{front_matter}\n---\n{BODY}")
    assert (error.code, error.details) == ("front_matter_alias", {"line": line})


def _yaml_nested(depth: int) -> str:
    """YAML front matter whose values nest ``depth`` deep, the top mapping included."""
    return "---\nv: " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n---\n" + BODY


def _toml_nested(depth: int) -> str:
    return "+++\nv = " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n+++\n" + BODY


@pytest.mark.parametrize("nested", [_yaml_nested, _toml_nested])
def test_nesting_up_to_the_limit_is_read(nested) -> None:
    value = parse_document(nested(MAX_FRONT_MATTER_DEPTH)).front_matter["v"]
    for _ in range(MAX_FRONT_MATTER_DEPTH - 1):
        value = value[0]
    assert value == 1


@pytest.mark.parametrize("nested", [_yaml_nested, _toml_nested])
@pytest.mark.parametrize("depth", [MAX_FRONT_MATTER_DEPTH + 1, 2_000])
def test_nesting_past_the_limit_is_refused(nested, depth: int) -> None:
    error = _error_of(nested(depth))
    assert (error.code, error.details) == (
        DocumentErrorCode.FRONT_MATTER_TOO_DEEP,
        {"limit": MAX_FRONT_MATTER_DEPTH},
    )


def test_toml_dotted_keys_and_tables_count_as_nesting() -> None:
    # ``a.b = 1`` is two deep (the top table holds a, a holds b); ``[a.b]`` three.
    keys = ".".join("abcdefghij"[:MAX_FRONT_MATTER_DEPTH])
    assert parse_document(f"+++\n{keys} = 1\n+++\n{BODY}").front_matter["a"]["b"]
    assert _error_of(f"+++\n{keys}.z = 1\n+++\n{BODY}").code == "front_matter_too_deep"
    assert _error_of(f"+++\n[{keys}]\n+++\n{BODY}").code == "front_matter_too_deep"


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_longer_than_the_limit_is_refused(fence: str) -> None:
    comment = "# " + "x" * (MAX_FRONT_MATTER_CHARS - 1)
    error = _error_of(f"{fence}\n{comment}\n{fence}\n{BODY}")
    assert (error.code, error.details) == (
        DocumentErrorCode.FRONT_MATTER_TOO_LARGE,
        {"size": MAX_FRONT_MATTER_CHARS + 1, "limit": MAX_FRONT_MATTER_CHARS},
    )


def test_front_matter_at_the_size_limit_is_read() -> None:
    padding = "# " + "x" * (MAX_FRONT_MATTER_CHARS - len("# \ntitle: T"))
    assert parse_document(f"---\n{padding}\ntitle: T\n---\n{BODY}").front_matter["title"] == "T"


def test_toml_integer_too_long_to_convert_is_malformed() -> None:
    error = _error_of(f"+++\nn = {'1' * 5000}\n+++\n{BODY}")
    assert error.code == DocumentErrorCode.FRONT_MATTER_TOML
    assert error.details["problem"]


def test_ordinary_front_matter_is_still_read() -> None:
    yaml_source = (
        "---\ntitle: Data policy\nlanguage: en\nversion: 2.1\ndate: 2026-01-31\n"
        "tags: [privacy, data]\nauthors:\n  - name: Ana\n    roles: [editor, lead]\n---\n"
    )
    toml_source = '+++\ntitle = "Data policy"\n[[authors]]\nname = "Ana"\nroles = ["editor"]\n+++\n'
    assert parse_document(yaml_source + BODY).front_matter["authors"][0]["roles"][1] == "lead"
    assert parse_document(toml_source + BODY).front_matter["authors"][0]["name"] == "Ana"
