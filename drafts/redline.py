"""Word-level redline of one text against another, as data.

Both texts are normalised first (:func:`drafts.text.normalise`), so re-wrapped
lines and runs of spaces are no change at all. The texts are then compared in
two passes: paragraphs (blocks) first, so that an added or removed paragraph
shows as one clean block and a change never drags a neighbouring paragraph in;
then words inside each run of changed blocks. The word pass maps every token to
one character and lets diff-match-patch diff those strings, followed by its
semantic clean-up, which turns a salad of one-word edits into readable phrases.
Before the word pass, what two changed paragraphs plainly share (their ends,
and long runs of words found once in each) is set aside with string operations
that run in C, so only the stretches around the edits are tokenised and diffed.

Scripts written without spaces between words (Chinese, Japanese, Thai) are
tokenised per character, so a change inside a sentence does not mark the whole
sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import fast_diff_match_patch

from drafts.ops import DELETE as _DELETE
from drafts.ops import EQUAL as _EQUAL
from drafts.ops import INSERT as _INSERT
from drafts.ops import Op
from drafts.pairs import is_balanced, markup_balanced
from drafts.shown import shown_text
from drafts.words import ONE_WORD, anchor, count_words, shared_ends, tokens

_BLOCK_SEPARATOR = "\n\n"


_DMP_KIND = {"=": _EQUAL, "+": _INSERT, "-": _DELETE}


@dataclass(frozen=True)
class TextDiff:
    """The redline of one text against another: ``equal``, ``insert`` and ``delete`` runs.

    Equal and deleted runs rebuild the old normalised text; equal and inserted
    runs the new one. Adjacent runs never have the same kind.
    """

    ops: tuple[Op, ...]

    @property
    def changed(self) -> bool:
        return any(op.kind is not _EQUAL for op in self.ops)

    @property
    def old_text(self) -> str:
        return "".join(op.text for op in self.ops if op.kind is not _INSERT)

    @property
    def new_text(self) -> str:
        return "".join(op.text for op in self.ops if op.kind is not _DELETE)

    @property
    def words_added(self) -> int:
        return sum(count_words(op.text) for op in self.ops if op.kind is _INSERT)

    @property
    def words_removed(self) -> int:
        return sum(count_words(op.text) for op in self.ops if op.kind is _DELETE)


def _merged(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Neighbouring equal runs joined, each stretch of changes between them as one delete then one insert.

    Empty runs are dropped.
    """
    merged: list[Op] = []
    equal: list[str] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for kind, text in ops:
        if not text:
            continue
        if kind is _EQUAL:
            if deleted or inserted:
                merged.extend(_changes(deleted, inserted))
                deleted, inserted = [], []
            equal.append(text)
            continue
        if equal:
            merged.append(Op(_EQUAL, "".join(equal)))
            equal = []
        (deleted if kind is _DELETE else inserted).append(text)
    merged.extend(_changes(deleted, inserted))
    if equal:
        merged.append(Op(_EQUAL, "".join(equal)))
    return tuple(merged)


def _changes(deleted: list[str], inserted: list[str]) -> list[Op]:
    """One stretch of changes: what it deletes, then what it inserts."""
    return [
        Op(kind, "".join(texts))
        for kind, texts in ((_DELETE, deleted), (_INSERT, inserted))
        if texts
    ]


# Code points diff-match-patch can take: all of Unicode but the surrogates (and 0).
_CODE_SPACE = 0x10FFFF - 0x800


def _code_points(first: int, count: int) -> list[str]:
    """``count`` characters from code point ``first`` on, skipping the surrogates (not real characters)."""
    if first + count < 0xD800:
        return list(map(chr, range(first, first + count)))
    return [
        chr(index if index < 0xD800 else index + 0x800) for index in range(first, first + count)
    ]


def _encoded(old_units: Sequence[str], new_units: Sequence[str]) -> tuple[str, str, dict[str, str]]:
    """Both sequences as strings of one character per distinct unit, and the way back.

    Every step runs in C: a unit's code is the one given to its last
    occurrence, distinct for distinct units. Only a text too long for one
    code per position (over a million units) numbers its distinct units instead.
    """
    units = [*old_units, *new_units]
    if len(units) > _CODE_SPACE:
        units = list(dict.fromkeys(units))
    codes = dict(zip(units, _code_points(1, len(units))))
    code_of = codes.__getitem__
    return (
        "".join(map(code_of, old_units)),
        "".join(map(code_of, new_units)),
        dict(zip(codes.values(), codes)),
    )


def _unit_diff(old_units: Sequence[str], new_units: Sequence[str], semantic: bool) -> list[Op]:
    old_codes, new_codes, unit_of = _encoded(old_units, new_units)
    # The C++ build of diff-match-patch: the same algorithm and clean-up, many
    # times faster. The time limit only guards pathological input; the result
    # stays a valid diff.
    runs = fast_diff_match_patch.diff(
        old_codes,
        new_codes,
        timelimit=2.0,
        checklines=False,
        cleanup="Semantic" if semantic else "No",
        counts_only=False,
    )
    decode = unit_of.__getitem__
    return [Op(_DMP_KIND[kind], "".join(map(decode, codes))) for kind, codes in runs]


def _blocks(text: str) -> list[str]:
    """Paragraphs and other blocks, each but the last keeping the separator after it."""
    if not text:
        return []
    parts = text.split(_BLOCK_SEPARATOR)
    return [part + _BLOCK_SEPARATOR for part in parts[:-1]] + [parts[-1]]


def _changed_runs(block_ops: Sequence[Op]) -> Iterator[tuple[str, str] | Op]:
    """Equal blocks as they are; changed blocks as (old, new) text pairs to diff word by word.

    A run that replaces as many blocks as it removes is taken as that many
    edited blocks, each diffed against its counterpart: smaller diffs, and a
    change never reaches into the next paragraph.
    """
    old: list[str] = []
    new: list[str] = []
    for op in [*block_ops, Op(_EQUAL, "")]:
        if op.kind is not _EQUAL:
            (old if op.kind is _DELETE else new).extend(_blocks(op.text))
            continue
        if len(old) == len(new):
            yield from zip(old, new)
        elif old or new:
            yield "".join(old), "".join(new)
        old, new = [], []
        yield op


def _word_ops(old: str, new: str) -> list[Op]:
    """Word-level redline of two texts, split first where they plainly share text.

    An edited paragraph is mostly untouched, and tokenising and encoding all of
    it is what a long comparison spends its time on. So string operations (run
    in C) first take off what both texts share at the start and the end, and
    split them around a run of whole words found exactly once in each; only what
    is left between these anchors is tokenised and diffed. An anchor is long
    enough (whole words over :data:`drafts.words.ANCHOR_LENGTH` characters) that the semantic
    clean-up would keep it as equal text in all but a wholesale rewrite.
    """
    ops: list[Op] = []
    _split_word_ops(old, new, ops)
    return ops


def _split_word_ops(old: str, new: str, ops: list[Op]) -> None:
    if old == new or not old or not new:
        ops.extend((Op(_EQUAL, old),) if old == new else (Op(_DELETE, old), Op(_INSERT, new)))
        return
    start, end = shared_ends(old, new)
    if start:
        ops.append(Op(_EQUAL, old[:start]))
    old_middle, new_middle = old[start : len(old) - end], new[start : len(new) - end]
    shared = anchor(old_middle, new_middle)
    if shared is None:
        ops.extend(_middle_ops(old_middle, new_middle))
    else:
        old_at, new_at, length = shared
        _split_word_ops(old_middle[:old_at], new_middle[:new_at], ops)
        ops.append(Op(_EQUAL, old_middle[old_at : old_at + length]))
        _split_word_ops(old_middle[old_at + length :], new_middle[new_at + length :], ops)
    if end:
        ops.append(Op(_EQUAL, old[len(old) - end :]))


def _middle_ops(old: str, new: str) -> list[Op]:
    """The diff of what is left between two anchors: often one word each, or nothing on one side."""
    if not old or not new or (ONE_WORD.fullmatch(old) and ONE_WORD.fullmatch(new)):
        return [Op(_DELETE, old), Op(_INSERT, new)]
    return _unit_diff(tokens(old), tokens(new), semantic=True)


_MIRROR = {_EQUAL: _EQUAL, _INSERT: _DELETE, _DELETE: _INSERT}


def mirrored(ops: Sequence[Op]) -> tuple[Op, ...]:
    """The redline read backwards (new → old): inserts become deletes, deletes first in a run."""
    swapped = [Op(_MIRROR[op.kind], op.text) for op in ops]
    for at in range(len(swapped) - 1):
        if swapped[at].kind is _INSERT and swapped[at + 1].kind is _DELETE:
            swapped[at], swapped[at + 1] = swapped[at + 1], swapped[at]
    return tuple(swapped)


def diff_normalised(old: str, new: str) -> TextDiff:
    """Redline of two texts that are already normalised.

    The diff is always computed in one orientation, so comparing B with A is
    exactly comparing A with B read backwards.
    """
    if old == new:
        return TextDiff(_merged([Op(_EQUAL, old)]))
    if new < old:
        return TextDiff(mirrored(_oriented_diff(new, old)))
    return TextDiff(_oriented_diff(old, new))


def _oriented_diff(old: str, new: str) -> tuple[Op, ...]:
    ops: list[Op] = []
    for run in _changed_runs(_unit_diff(_blocks(old), _blocks(new), semantic=False)):
        ops.extend([run] if isinstance(run, Op) else _word_ops(*run))
    if all(op.kind is _EQUAL or is_balanced(op.text) for op in ops):
        return _merged(ops)
    return _merged(markup_balanced(ops))


def diff_text(old: str, new: str) -> TextDiff:
    """Word-level redline of Markdown ``old`` against ``new``, blind to re-wrapping (but
    not to the line breaks a reader sees, :mod:`drafts.shown`)."""
    return diff_normalised(shown_text(old), shown_text(new))
