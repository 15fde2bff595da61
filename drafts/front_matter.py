"""Front matter: the YAML (``---``) or TOML (``+++``) block a Markdown source may open with.

Front matter comes from whoever uploads a file, so it is read within bounds:
at most :data:`MAX_FRONT_MATTER_CHARS` characters, values nested at most
:data:`MAX_FRONT_MATTER_DEPTH` deep, and no YAML anchors or aliases. An alias
repeats a node by reference: eight levels of ten aliases in 400 bytes load
quickly as a graph of shared lists, then make 10⁸ values for whatever walks or
stores them (a "billion laughs": 18 s and 580 MB of JSON on import). Without
aliases the values are never more than the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import yaml

from drafts.errors import DocumentError, DocumentErrorCode

MAX_FRONT_MATTER_CHARS = 16_384
# The top-level mapping is level 1: ``authors: [{name: A, roles: [x]}]`` is 4 deep.
MAX_FRONT_MATTER_DEPTH = 8
_YAML_FENCE = "---"
_YAML_CLOSERS = ("---", "...")
_TOML_FENCE = "+++"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = " (at end of document)"
# Line numbers within the front matter are 0-based; it starts on document line 2.
_FIRST_LINE = 2
_EMPTY: Mapping[str, Any] = MappingProxyType({})
# What YAML and TOML values nest in (YAML's !!omap and !!pairs give tuples).
_CONTAINERS = (Mapping, list, tuple)


def read_front_matter(lines: list[str]) -> tuple[Mapping[str, Any], int]:
    """Return the parsed front matter of a document's ``lines`` and the index of its first body line.

    Raises :class:`~drafts.errors.DocumentError` when the block is unclosed,
    malformed, not a mapping, too long, too deep or (YAML) uses an anchor or alias.
    """
    opener = lines[0].rstrip()
    if opener == _YAML_FENCE:
        closers, load = _YAML_CLOSERS, _load_yaml
    elif opener == _TOML_FENCE:
        closers, load = (_TOML_FENCE,), _load_toml
    else:
        return _EMPTY, 0
    end = _closing_line(lines, closers)
    loaded = _bounded_load("\n".join(lines[1:end]), load)
    if not isinstance(loaded, Mapping):
        raise DocumentError(DocumentErrorCode.FRONT_MATTER_NOT_MAPPING, type=type(loaded).__name__)
    return MappingProxyType(dict(loaded)), end + 1


def _closing_line(lines: list[str], closers: tuple[str, ...]) -> int:
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            return index
    raise DocumentError(DocumentErrorCode.FRONT_MATTER_UNCLOSED, line=1)


def _bounded_load(source: str, load: Callable[[str], Any]) -> Any:
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(
            DocumentErrorCode.FRONT_MATTER_TOO_LARGE,
            size=len(source),
            limit=MAX_FRONT_MATTER_CHARS,
        )
    loaded = load(source)
    if _depth_exceeds(loaded, MAX_FRONT_MATTER_DEPTH):
        raise _too_deep()
    return loaded


def _too_deep() -> DocumentError:
    return DocumentError(DocumentErrorCode.FRONT_MATTER_TOO_DEEP, limit=MAX_FRONT_MATTER_DEPTH)


def _depth_exceeds(value: Any, limit: int) -> bool:
    """True when containers nest more than ``limit`` deep in ``value`` (a tree: no aliases)."""
    level = [value] if isinstance(value, _CONTAINERS) else []
    for _ in range(limit):
        level = [
            child
            for container in level
            for child in (container.values() if isinstance(container, Mapping) else container)
            if isinstance(child, _CONTAINERS)
        ]
    return bool(level)


def _load_yaml(source: str) -> Any:
    try:
        _check_yaml_events(source)
        loaded = yaml.safe_load(source)
    # PyYAML lets constructors' ValueErrors through (``date: 2020-13-45``, ``!!int x``).
    except (yaml.YAMLError, ValueError) as error:
        details = _yaml_error_details(error)
        raise DocumentError(DocumentErrorCode.FRONT_MATTER_YAML, **details) from error
    return {} if loaded is None else loaded


def _check_yaml_events(source: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before anything is built.

    The parser is iterative; the composer that builds nodes recurses once per
    level, so nesting is counted here, where a thousand ``[`` cost nothing.
    """
    depth = 0
    for event in yaml.parse(source, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            line = event.start_mark.line + _FIRST_LINE
            raise DocumentError(DocumentErrorCode.FRONT_MATTER_ALIAS, line=line)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise _too_deep()
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _yaml_error_details(error: Exception) -> dict[str, Any]:
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return {"problem": problem}
    return {"problem": problem, "line": mark.line + _FIRST_LINE, "column": mark.column + 1}


def _load_toml(source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        details = _toml_error_details(error, source)
        raise DocumentError(DocumentErrorCode.FRONT_MATTER_TOML, **details) from error
    # int() refuses more than 4,300 digits, and tomllib lets its ValueError through.
    except ValueError as error:
        raise DocumentError(DocumentErrorCode.FRONT_MATTER_TOML, problem=str(error)) from error
    # tomllib parses nested arrays and inline tables recursively: nesting that
    # exhausts the stack is far past the limit (a few hundred ``[`` suffice).
    except RecursionError:
        raise _too_deep() from None


def _toml_error_details(error: tomllib.TOMLDecodeError, source: str) -> dict[str, Any]:
    # Python 3.11's TOMLDecodeError has no position attributes; the message carries it.
    message = str(error)
    if message.endswith(_TOML_AT_END):
        return {"problem": message[: -len(_TOML_AT_END)], "line": source.count("\n") + _FIRST_LINE}
    position = _TOML_POSITION.search(message)
    if position is None:
        return {"problem": message}
    line, column = (int(group) for group in position.groups())
    return {"problem": message[: position.start()], "line": line + 1, "column": column}
