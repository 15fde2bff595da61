"""Markdown source <-> :class:`~drafts.model.Document`.

A document is split at its top-level headings, as markdown-it-py sees them with
the renderer's own configuration (:func:`drafts.syntax.markdown_parser`), so
``#`` lines in fenced code and headings inside quotes or lists stay in the body,
and every heading a reader sees starts a clause.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from markdown_it.token import Token

from drafts.errors import DocumentError, DocumentErrorCode
from drafts.front_matter import read_front_matter
from drafts.model import Clause, Document
from drafts.syntax import markdown_parser

_MARKDOWN = markdown_parser()


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str
    start: int
    end: int


def parse_document(text: str) -> Document:
    """Parse Markdown ``text`` (optionally with YAML/TOML front matter) into a document.

    Raises :class:`~drafts.errors.DocumentError` with a
    :class:`~drafts.errors.DocumentErrorCode` when the front matter is broken or
    out of bounds (:mod:`drafts.front_matter`), or nothing but whitespace is left after it.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front_matter, body_start = read_front_matter(lines)
    body_lines = lines[body_start:]
    if not "".join(body_lines).strip():
        raise DocumentError(DocumentErrorCode.EMPTY)
    headings = list(_top_level_headings("\n".join(body_lines)))
    title = _title_heading(headings)
    clauses = _split_clauses(body_lines, headings, title)
    return Document(
        title=title.text if title else None,
        front_matter=front_matter,
        clauses=number_clauses(clauses),
    )


def _top_level_headings(body: str) -> Iterator[_Heading]:
    tokens = _MARKDOWN.parse(body)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            yield _heading_from(token, token.map, tokens[index + 1])


def _heading_from(opening: Token, line_range: list[int], inline: Token) -> _Heading:
    start, end = line_range
    return _Heading(int(opening.tag[1:]), _single_line(inline.content), start, end)


def _single_line(source: str) -> str:
    # A setext heading may span lines; a clause heading is one line so it renders back as ATX.
    return " ".join(line.strip() for line in source.split("\n")).strip()


def _title_heading(headings: list[_Heading]) -> _Heading | None:
    level_one = [heading for heading in headings if heading.level == 1]
    if len(level_one) == 1 and headings[0] is level_one[0]:
        return level_one[0]
    return None


def _split_clauses(
    lines: list[str], headings: list[_Heading], title: _Heading | None
) -> list[Clause]:
    sections = headings[1:] if title else headings
    preamble_end = sections[0].start if sections else len(lines)
    preamble = _preamble_body(lines, preamble_end, title)
    clauses = [Clause(level=0, heading="", body=preamble)] if preamble else []
    bounds = [heading.start for heading in sections[1:]] + [len(lines)]
    for heading, end in zip(sections, bounds):
        clauses.append(Clause(heading.level, heading.text, _body(lines[heading.end : end])))
    return clauses


def _preamble_body(lines: list[str], end: int, title: _Heading | None) -> str:
    if title is None:
        return _body(lines[:end])
    parts = (_body(lines[: title.start]), _body(lines[title.end : end]))
    return "\n\n".join(part for part in parts if part)


def _body(lines: list[str]) -> str:
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    last = next((i for i in range(len(lines), first, -1) if lines[i - 1].strip()), first)
    return "\n".join(lines[first:last])


def number_clauses(clauses: Sequence[Clause]) -> tuple[Clause, ...]:
    """Return copies of ``clauses`` with outline numbers ('1', '2', '2.1', ...).

    Depth is relative: a heading is the child of the nearest preceding heading
    with a smaller level, so a skipped level (H2 then H4) is one level deeper.
    The preamble gets '' and leaves the counters alone.
    """
    open_levels: list[int] = []
    counters: list[int] = []
    numbered: list[Clause] = []
    for clause in clauses:
        number = _next_number(clause.level, open_levels, counters) if clause.level else ""
        numbered.append(replace(clause, number=number))
    return tuple(numbered)


def _next_number(level: int, open_levels: list[int], counters: list[int]) -> str:
    """Advance the outline state (mutated in place) for a heading and return its number."""
    while open_levels and open_levels[-1] >= level:
        open_levels.pop()
    depth = len(open_levels)
    del counters[depth + 1 :]
    if len(counters) == depth:
        counters.append(0)
    counters[depth] += 1
    open_levels.append(level)
    return ".".join(str(counter) for counter in counters)


def render_document(doc_title: str | None, clauses: Sequence[Clause]) -> str:
    """Return Markdown for a title and clauses; :func:`parse_document` reads it back.

    Round trip holds for what ``parse_document`` produces: a preamble only in
    first place, and no level-1 clause when there is a title (a second H1
    would stop the title being one).
    """
    blocks = [_heading_line(1, doc_title)] if doc_title is not None else []
    blocks.extend(_render_clause(clause) for clause in clauses)
    return "\n\n".join(block for block in blocks if block) + "\n"


def _render_clause(clause: Clause) -> str:
    if clause.level == 0:
        return clause.body
    heading = _heading_line(clause.level, clause.heading)
    return f"{heading}\n\n{clause.body}" if clause.body else heading


def _heading_line(level: int, text: str) -> str:
    marker = "#" * level
    line = f"{marker} {_single_line(text)}".rstrip()
    # A trailing '#' run would be read as the optional closing sequence and dropped.
    return f"{line} {marker}" if line.endswith("#") and line != marker else line
