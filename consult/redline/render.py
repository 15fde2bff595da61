"""Redline HTML: diff ops rendered through the Markdown renderer, insertions and
deletions marked with <ins>/<del> inside the blocks they belong to.

The ops are merged back into one Markdown text with private-use sentinel
characters around changed runs; the text is rendered (raw HTML off, sanitised)
and the sentinels are then swapped for tags, closed and reopened around every
tag so the result always nests.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from consult.renderings import rendered
from drafts import CLAUSE_PROFILE, RenderProfile
from drafts.syntax import LINE_HEAD, SYNTAX_LINE, is_table_row

INLINE = frozenset({"insert", "delete"})
OLD_SIDE = frozenset({"delete"})
NEW_SIDE = frozenset({"insert"})
INS_OPEN, INS_CLOSE, DEL_OPEN, DEL_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"
SENTINELS = INS_OPEN + INS_CLOSE + DEL_OPEN + DEL_CLOSE
WRAP = {"insert": (INS_OPEN, INS_CLOSE), "delete": (DEL_OPEN, DEL_CLOSE)}
# Lines that are all syntax (drafts.syntax.SYNTAX_LINE: a code fence, a table's delimiter row, a
# thematic break) have no words to mark, and marked they would stop being syntax and show as
# text: a line changed on one side only keeps them unmarked.
# What makes a line the block it belongs to (drafts.syntax.LINE_HEAD), and a table row's last
# pipe, stay outside a marked run, or the line would stop being a list item or quote, or the
# row would gain or lose a cell.
ROW_END = re.compile(rf"(\|[ \t]*)([{INS_CLOSE}{DEL_CLOSE}])([ \t]*)$")
OPENERS = INS_OPEN + DEL_OPEN
CELL_TEXT = re.compile(r"\S(?:.*\S)?")
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
BLOCK_END = re.compile(r"</(?:p|li|tr|pre|blockquote|h[1-6]|table|ul|ol)>")
EMPTY_RUN = re.compile(r"<(ins|del)(?: [^>]*)?>(\s*)</\1>")
SENTINEL = re.compile(f"([{SENTINELS}])")
ENCODED_SENTINEL = re.compile(r"%EE%80%8([0-3])", re.IGNORECASE)
NEW_LINES = re.compile(r"(\n+)|[^\n]+")
DELETION = re.compile(DEL_OPEN + "([^" + SENTINELS + "]*)" + DEL_CLOSE)
INSERTION = re.compile(INS_OPEN + "([^" + SENTINELS + "]*)" + INS_CLOSE)
# A link reference definition ("[label]: destination"): it shows nothing, and marked it would
# stop being one, so every reference to it would show raw.
DEFINITION = re.compile(r"[ \t]{0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S.*")
# A hard break at a line's end (two spaces, an unescaped backslash) stays outside the run that
# ends the line, or it would be a break no more.
CLOSERS = INS_CLOSE + DEL_CLOSE
# Link destinations: inline `](url`, autolinks `<url>` and reference definitions.
DESTINATION = re.compile(
    r"(?<=\]\()[^()\s]+|(?<=<)[a-zA-Z][\w+.-]*:[^<>\s]+(?=>)|"
    r"(?<=\]:[ \t])\S+"
)


@dataclass(frozen=True)
class Labels:
    """Screen-reader announcements, translated by the caller."""

    inserted: str
    deleted: str
    end: str
    # The interface's language: the announcements sit inside text in the clause's.
    lang: str = ""
    # ` lang=… dir=…` of each side's text when the two sides are in different languages (a
    # translated comparison: English deleted where the Arabic translation is inserted).
    inserted_attributes: str = ""
    deleted_attributes: str = ""


def merged_markdown(
    ops: Iterable[Sequence[str]], shown: frozenset[str], blocks: bool = True
) -> str:
    """One Markdown text: equal text, plus the shown kinds of change wrapped in sentinels.

    ``blocks=False`` for a heading, which is inline text: its "2." is no list marker, so a
    change to it stays marked."""
    parts: list[str] = []
    for kind, text in ops:
        kind = str(kind)
        if kind == "equal":
            parts.append(text)
        elif kind in shown:
            parts.append(wrap_lines(text, kind))
    if not blocks:
        return "".join(parts)
    return "\n".join(marked_line(line, shown) for line in "".join(parts).split("\n"))


def marked_line(line: str, shown: frozenset[str]) -> str:
    """A line of the merged text as it is rendered: definitions unmarked, syntax kept."""
    if (
        "]:" in line
        and SENTINEL.search(line)
        and (definitions := unmarked_definitions(line, shown))
    ):
        return definitions
    return break_outside(kept_syntax(line, shown))


def break_outside(line: str) -> str:
    """The line with the runs that end it closed before its hard break, if it ends in one."""
    text = line.rstrip(" " + CLOSERS)
    tail = line[len(text) :]
    closers = tail.replace(" ", "")
    if not closers:
        return line
    if tail.count(" ") >= 2:
        return text + closers + "  "
    if tail == closers and (len(text) - len(text.rstrip("\\"))) % 2:
        return text[:-1] + closers + "\\"
    return line


def unmarked_definitions(line: str, shown: frozenset[str]) -> str:
    """The link reference definitions a changed line holds on each side shown, unmarked (the
    new side's first: the first definition of a label is the one that counts), and the
    side that is no definition, if any, marked whole; nothing when neither side is one."""
    sides = {
        side: side_text(line, side)
        for side, kind in (("new", "insert"), ("old", "delete"))
        if kind in shown
    }
    found = dict.fromkeys(text for text in sides.values() if DEFINITION.fullmatch(text))
    if not found:
        return ""
    others = [(side, text) for side, text in sides.items() if text.strip() and text not in found]
    marked = [wrap_lines(text, "insert" if side == "new" else "delete") for side, text in others]
    return "\n".join([*found, *marked])


def kept_syntax(line: str, shown: frozenset[str] = INLINE) -> str:
    """A changed line that still parses as the kind of line it was: syntax line, table row."""
    if not SENTINEL.search(line):
        return line
    plain = SENTINEL.sub("", line)
    both = INS_OPEN in line and DEL_OPEN in line
    if not both and SYNTAX_LINE.fullmatch(plain):
        return plain
    if both and SYNTAX_LINE.fullmatch(new := side_text(line, "new")):
        # Text replaced by syntax (a rule, a fence): the old text struck, then the syntax.
        return kept_syntax(INSERTION.sub("", line)) + "\n\n" + new
    if is_table_row(plain):
        return table_row(line, plain, both)
    if relevelled := relevelled_line(line, shown):
        return relevelled
    return head_outside(line, len(LINE_HEAD.match(plain).group(0)))


def decoded_sentinels(tag: str) -> str:
    """A tag with the sentinels a linkified address percent-encoded into its href put back,
    so that side_text can resolve them like any other."""
    return ENCODED_SENTINEL.sub(lambda m: chr(0xE000 + int(m.group(1))), tag)


def relevelled_line(line: str, shown: frozenset[str]) -> str:
    """A line whose head changed (an item nested or un-nested, a quote marker added) with the
    same line on each side: each side shown as its own line, its text marked whole, the old
    struck at its old level and the new inserted at its new; nothing when its head is kept.
    (Marked in place, a change inside the head would be dropped and show no mark at all.)"""
    old, new = side_text(line, "old"), side_text(line, "new")
    old_head, new_head = LINE_HEAD.match(old).group(0), LINE_HEAD.match(new).group(0)
    if old_head == new_head or not old[len(old_head) :].strip() or not new[len(new_head) :]:
        return ""
    sides = [
        head + opening + text[len(head) :] + closing
        for kind, head, text, (opening, closing) in (
            ("delete", old_head, old, WRAP["delete"]),
            ("insert", new_head, new, WRAP["insert"]),
        )
        if kind in shown
    ]
    return "\n".join(sides)


def side_text(line: str, side: str) -> str:
    """One side of a marked line, unmarked: "old" drops its inserted runs, "new" its deleted ones."""
    return SENTINEL.sub("", (INSERTION if side == "old" else DELETION).sub("", line))


def table_row(line: str, plain: str, both: bool) -> str:
    old, new = side_text(line, "old"), side_text(line, "new")
    if both and not plain.count("|") == old.count("|") == new.count("|"):
        # Cells came and went inside the row: merged, it would have neither side's cells.
        return (
            cells_marked(old, DEL_OPEN, DEL_CLOSE) + "\n" + cells_marked(new, INS_OPEN, INS_CLOSE)
        )
    line = head_outside(line, len(LINE_HEAD.match(plain).group(0)))
    return ROW_END.sub(r"\2\1\3", line)


def cells_marked(row: str, opening: str, closing: str) -> str:
    """A table row with the text of each of its cells marked as one run."""
    return "|".join(
        CELL_TEXT.sub(lambda found: opening + found.group(0) + closing, cell, count=1)
        for cell in row.split("|")
    )


def head_outside(line: str, head_length: int) -> str:
    """The line with its first ``head_length`` visible characters unmarked: a run wholly inside
    them is dropped, one that goes on past them starts right after them."""
    head: list[str] = []
    opened = ""
    at = 0
    while len(head) < head_length:
        character = line[at]
        if character not in SENTINELS:
            head.append(character)
        else:
            opened = character if character in OPENERS else ""
        at += 1
    return "".join(head) + opened + line[at:]


def wrap_lines(text: str, kind: str) -> str:
    """Each line of a changed run marked on its own, so no run spans lines (kept_syntax then
    moves each line's block markers out of its run)."""
    opening, closing = WRAP[kind]

    def marked(line: re.Match[str]) -> str:
        return line.group(0) if line.group(1) else opening + line.group(0) + closing

    return NEW_LINES.sub(marked, text)


def one_side(text: str, keep_deleted: bool) -> str:
    """Marked runs complete within `text` resolved to one side; unpaired sentinels stay,
    since they open or close a run that extends beyond it."""
    text = DELETION.sub(r"\1" if keep_deleted else "", text)
    return INSERTION.sub(r"\1", text)


def clean_destinations(source: str, keep_deleted: bool) -> str:
    # A URL cannot carry <ins>/<del>: it points where its side of the text points.
    return DESTINATION.sub(lambda m: one_side(m.group(0), keep_deleted), source)


def announcement(text: str, labels: Labels) -> str:
    lang = f' lang="{escape(labels.lang)}"' if labels.lang else ""
    return f'<span class="visually-hidden"{lang}>{escape(text)}</span>'


def run_tag(kind: str, labels: Labels) -> str:
    """`<ins>` or `<del>`, with its side's language when the sides differ."""
    attributes = labels.inserted_attributes if kind == "ins" else labels.deleted_attributes
    return f"<{kind}{attributes}>"


def opening_tag(kind: str, labels: Labels) -> str:
    label = labels.inserted if kind == "ins" else labels.deleted
    return f"{run_tag(kind, labels)}{announcement(label + ' ', labels)}"


def closing_tag(kind: str, labels: Labels) -> str:
    return f"{announcement(' ' + labels.end, labels)}</{kind}>"


def markup_text(text: str, state: list[str | None], labels: Labels) -> str:
    out = []
    for part in SENTINEL.split(text):
        if part in (INS_OPEN, DEL_OPEN):
            state[0] = "ins" if part == INS_OPEN else "del"
            out.append(opening_tag(state[0], labels))
        elif part in (INS_CLOSE, DEL_CLOSE):
            if state[0]:
                out.append(closing_tag(state[0], labels))
            state[0] = None
        else:
            out.append(part)
    return "".join(out)


def sentinels_to_tags(html: str, labels: Labels) -> str:
    state: list[str | None] = [None]
    out = []
    for piece in TAG_OR_TEXT.split(html):
        if piece.startswith("<"):
            open_kind = state[0]
            if open_kind:
                out.append(f"</{open_kind}>")
            out.append(side_text(decoded_sentinels(piece), "new"))
            if open_kind and BLOCK_END.fullmatch(piece):
                # A run never spans lines, so none outlives the block it is in, even if
                # the renderer dropped the sentinel that closes it.
                state[0] = None
            elif open_kind:
                out.append(run_tag(open_kind, labels))
        elif any(c in piece for c in SENTINELS):
            out.append(markup_text(piece, state, labels))
        else:
            out.append(piece)
    if state[0]:
        out.append(f"</{state[0]}>")
    # Reopened between two tags (table cells, list items), a run may hold nothing but a line break.
    return EMPTY_RUN.sub(r"\2", "".join(out))


def redline_html(
    ops,
    labels: Labels,
    shown: frozenset[str] = INLINE,
    inline: bool = False,
    profile: RenderProfile = CLAUSE_PROFILE,
) -> Markup:
    """HTML of a clause body (or, inline=True, a heading) with its changes marked; text a
    reader wrote (a suggested wording) passes COMMENT_PROFILE."""
    html = rendered(redline_source(ops, shown, inline), profile, inline)
    return Markup(sentinels_to_tags(html, labels))


def redline_source(ops, shown: frozenset[str] = INLINE, inline: bool = False) -> str:
    """The Markdown :func:`redline_html` renders: sentinels where the changes are."""
    return cached_source(tuple(ops), shown, inline)


@lru_cache(maxsize=1024)
def cached_source(ops: tuple, shown: frozenset[str], inline: bool) -> str:
    # A page lists the texts it will render before it renders them (consult.renderings),
    # and a published comparison is shown again and again: each source is made once.
    merged = merged_markdown(ops, shown, blocks=not inline)
    return clean_destinations(merged, keep_deleted="insert" not in shown)


def forget_sources() -> None:
    """Empty the memo of redline sources (for benchmarks of a first view, and tests)."""
    cached_source.cache_clear()
