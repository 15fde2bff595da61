"""Shown text: the normalised text (:func:`drafts.text.normalise`) with the line
breaks a reader sees kept, for redlines that render as the reading page does.

The normalised text is what is hashed, and its formula must not change under
published texts; but it joins every line inside a paragraph, and some joins
change what is rendered: a hard break (two spaces or a backslash at a line's
end) becomes a plain space, and a link reference definition that followed
another definition becomes text. The shown text keeps those line breaks and
is otherwise the normalised text, so normalising it again gives the same
normalised text, and two shown texts differ only where a reader sees a
difference. Most texts have none of these breaks and are their normalised text.
"""

from __future__ import annotations

import re

from drafts.normalisers import starts_block, structural_indents
from drafts.syntax import (
    ATX_HEADING,
    CODE_INDENT,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    THEMATIC_BREAK,
    fence_opened_by,
)
from drafts.text import normalise

# Stand-ins for a kept break while the text is normalised: private-use characters, which
# normalising keeps as they are (no space, no case, no composition). A text that holds one
# already is shown as it normalises.
_SPACES_BREAK, _BACKSLASH_BREAK, _LINE_BREAK = "\ue010", "\ue011", "\ue012"
_STAND_INS = _SPACES_BREAK + _BACKSLASH_BREAK + _LINE_BREAK
_KEPT = {_SPACES_BREAK: "  \n", _BACKSLASH_BREAK: "\n", _LINE_BREAK: "\n"}
# A column of indentation inside a block quote, which normalising would collapse: the
# nesting of a list or code in a quote is kept as these, then as spaces.
_QUOTED_INDENT = "\ue013"
# A quote line (at the margin) indented past its marker's one space: nesting may be inside.
_QUOTED_STRUCTURE = re.compile(r"^ {0,3}>[ \t]?[ \t]", re.M)
_QUOTE_MARKER = re.compile(r" {0,3}>[ \t]?")
_STAND_IN_AND_SEPARATOR = re.compile(f"([{_STAND_INS}])[ \n]?")
# A line (not the first) that looks like a link reference definition ("[label]: ").
_DEFINITION_LINE = re.compile(r"\n[ \t]*\[[^\]\n]+\]:")
_DEFINITION = re.compile(r"[ \t]{0,3}\[(?:[^\]\\\n]|\\.)+\]:")
_ODD_BACKSLASHES = re.compile(r"(?<!\\)(?:\\\\)*\\$")


def shown_text(text: str) -> str:
    """Return :func:`normalise` of ``text`` with its hard breaks and the line breaks
    before link reference definitions kept, as ``"  \\n"``, ``"\\\\\\n"`` and ``"\\n"``,
    and the nesting of lists and code inside block quotes kept as indentation."""
    breaks, quoted = keeps_breaks(text), keeps_quoted_nesting(text)
    if not (breaks or quoted):
        return normalise(text)
    marked = _with_line_feeds(text)
    if quoted:
        marked = _with_quoted_indents(marked)
    if breaks:
        marked = _with_stand_ins(marked)
    shown = normalise(marked).replace(_QUOTED_INDENT, " ")
    return _STAND_IN_AND_SEPARATOR.sub(lambda found: _KEPT[found.group(1)], shown)


def differs_from_normalised(text: str) -> bool:
    """False when the shown text of ``text`` is its normalised text (most texts)."""
    return keeps_breaks(text) or keeps_quoted_nesting(text)


def keeps_quoted_nesting(text: str) -> bool:
    """True when a quote line of ``text`` is indented past its marker (most texts have none)."""
    return (
        ">" in text
        and _QUOTED_STRUCTURE.search(text) is not None
        and _QUOTED_INDENT not in text
        and not any(stand_in in text for stand_in in _STAND_INS)
    )


def _with_quoted_indents(text: str) -> str:
    """The text with each run of quote lines (outside fenced code) indented inside the
    quote as formula 2 indents the quote's content, in stand-ins normalising keeps."""
    lines = text.split("\n")
    fence, run, inner = None, [], []
    for at, line in enumerate(lines):
        quote = fence is None and _QUOTE_MARKER.match(line)
        if quote:
            run.append(at)
            inner.append(line[quote.end() :])
            continue
        if run and _joins_quote(line):
            # Normalising puts this line on the quote line before it, so the quote goes on
            # past it: the next quote lines are nested as the joined line's neighbours.
            inner[-1] = _joined(inner[-1], line)
            continue
        _indent_quoted(lines, run, inner)
        run, inner = [], []
        if fence is not None:
            fence = None if fence.is_closed_by(line) else fence
        else:
            fence = fence_opened_by(line)
    _indent_quoted(lines, run, inner)
    return "\n".join(lines)


def _joins_quote(line: str) -> bool:
    """True when normalising joins ``line`` to the quote line before it (a lazy line):
    indented as code, or opening no block."""
    collapsed = " ".join(line.split())
    if not collapsed:
        return False
    expanded = line.expandtabs(4)
    if len(expanded) - len(expanded.lstrip(" ")) >= CODE_INDENT:
        return True
    return not starts_block(collapsed) and fence_opened_by(line) is None


def _joined(content: str, lazy: str) -> str:
    lazy = " ".join(lazy.split())
    return content.rstrip() + " " + lazy if content.strip() else lazy


def _indent_quoted(lines: list[str], run: list[int], inner: list[str]) -> None:
    for at, indent in zip(run, structural_indents(inner)):
        if indent:
            line = lines[at]
            # The spaces before ">" stay: they may nest the quote in a list item.
            before = line[: len(line) - len(line.lstrip(" "))]
            content = _QUOTE_MARKER.sub("", line, 1).lstrip(" \t")
            lines[at] = before + "> " + _QUOTED_INDENT * indent + content


def keeps_breaks(text: str) -> bool:
    """True when ``text`` has a hard break, or a line break before a link reference
    definition, that its shown text keeps (most texts have none)."""
    text = _with_line_feeds(text)
    # Plain substring tests first: they run in C and settle almost every text.
    maybe = "  \n" in text or "\\\n" in text or ("]:" in text and _DEFINITION_LINE.search(text))
    return bool(maybe) and not any(stand_in in text for stand_in in _STAND_INS)


def _with_line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _with_stand_ins(text: str) -> str:
    """The text with a stand-in at the end of every line whose break is kept (fenced code
    is left verbatim)."""
    lines = text.split("\n")
    fence = None
    for at, line in enumerate(lines[:-1]):
        if fence is not None:
            fence = None if fence.is_closed_by(line) else fence
        elif (fence := fence_opened_by(line)) is None:
            lines[at] = _marked_line(line, lines[at + 1])
    return "\n".join(lines)


def _marked_line(line: str, following: str) -> str:
    if not line.strip() or not following.strip():
        return line
    stand_in = _break_kept(line, following)
    if stand_in is None:
        return line
    return line.rstrip(" \t") + stand_in if _read_alike(line, stand_in) else line


def _read_alike(line: str, stand_in: str) -> bool:
    """False when the line ends its block anyway (a heading, a rule, a setext underline), or a
    stand-in at its end would change what kind of line it is (a bare list marker)."""
    collapsed = " ".join(line.split())
    if ATX_HEADING.match(collapsed) or any(
        pattern.fullmatch(collapsed) for pattern in (THEMATIC_BREAK, SETEXT_UNDERLINE)
    ):
        return False
    return bool(LIST_ITEM.match(collapsed)) == bool(LIST_ITEM.match(collapsed + stand_in))


def _break_kept(line: str, following: str) -> str | None:
    if _DEFINITION.match(following):
        return _LINE_BREAK
    if _opens_block_when_apart(following):
        return None
    if line.endswith("  "):
        return _SPACES_BREAK
    if _ODD_BACKSLASHES.search(line):
        return _BACKSLASH_BREAK
    return None


def _opens_block_when_apart(following: str) -> bool:
    """True when ``following`` is indented and opens a block once collapsed: normalising
    joins it to the line before only for that indentation, which it drops, so kept apart it
    would open the block (a "-" would underline the line as a heading, "```" open code)."""
    collapsed = " ".join(following.split())
    opens = starts_block(collapsed) or fence_opened_by(collapsed) is not None
    return following[:1] in " \t" and opens
