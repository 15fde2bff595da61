"""Word-level redline of one text against another, as data.

Both texts are normalised first (:func:`drafts.text.normalise`), so re-wrapped
lines and runs of spaces are no change at all. The texts are then compared in
two passes: paragraphs (blocks) first, so that an added or removed paragraph
shows as one clean block and a change never drags a neighbouring paragraph in;
then words inside each run of changed blocks. The word pass maps every token to
one character and lets diff-match-patch diff those strings, followed by its
semantic clean-up, which turns a salad of one-word edits into readable phrases.

Scripts written without spaces between words (Chinese, Japanese, Thai) are
tokenised per character, so a change inside a sentence does not mark the whole
sentence.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import fast_diff_match_patch

from drafts.text import normalise

# Han, kana, Thai, Lao, Khmer, Myanmar, and CJK compatibility ideographs.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Combining marks that belong to the character before them (Thai vowels and
# tones, kana voicing marks), so a character token never loses its marks.
_TRAILING_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u3099\u309a"
# Letters plus the combining marks and joiners of scripts that write words with
# them (Latin accents when decomposed, Hebrew points, Arabic harakat, Indic
# vowel signs), so none of them splits a word.
_WORD_CHARS = r"\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670" \
    r"\u06d6-\u06ed\u0900-\u0dff\u200c\u200d"
# Emphasis, strike-through and code markers stay glued to the word they wrap,
# so "*friendly*" → "*kind*" is one word replaced, not two bare asterisks kept.
# The first two alternatives are the common cases (a plain word, a space),
# matched without backtracking; the rest are the general rules.
_TOKEN = re.compile(
    f"[^\\W{_UNSPACED}]++(?![*~`{_WORD_CHARS}])|[^\\S\\n]+"
    f"|[{_UNSPACED}][{_TRAILING_MARKS}]*"
    f"|[*~`]*(?:(?![{_UNSPACED}])[{_WORD_CHARS}])+[*~`]*"
    r"|\n+|[^\w\s]",
)
_BLOCK_SEPARATOR = "\n\n"
# How far a change may grow to take in the other half of a Markdown pair.
_MAX_ABSORBED_TOKENS = 64


class OpKind(enum.StrEnum):
    """What a redline operation does to the old text."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Op(NamedTuple):
    """One run of text and what happened to it; unpacks as ``kind, text``."""

    kind: OpKind
    text: str


_DMP_KIND = {"=": OpKind.EQUAL, "+": OpKind.INSERT, "-": OpKind.DELETE}


def tokens(text: str) -> list[str]:
    """Split ``text`` into words, single characters of unspaced scripts, spaces and marks.

    ``"".join(tokens(text)) == text`` for every text.
    """
    return _TOKEN.findall(text)


def is_word(token: str) -> bool:
    """True for a token a reader counts as a word (or a character of an unspaced script)."""
    if token.isalnum():
        return True
    return not token.isspace() and any(character.isalnum() for character in token)


def count_words(text: str) -> int:
    """Number of words in ``text``, each character of an unspaced script counting as one."""
    return sum(1 for token in tokens(text) if is_word(token))


@dataclass(frozen=True)
class TextDiff:
    """The redline of one text against another: ``equal``, ``insert`` and ``delete`` runs.

    Equal and deleted runs rebuild the old normalised text; equal and inserted
    runs the new one. Adjacent runs never have the same kind.
    """

    ops: tuple[Op, ...]

    @property
    def changed(self) -> bool:
        return any(op.kind is not OpKind.EQUAL for op in self.ops)

    @property
    def old_text(self) -> str:
        return "".join(op.text for op in self.ops if op.kind is not OpKind.INSERT)

    @property
    def new_text(self) -> str:
        return "".join(op.text for op in self.ops if op.kind is not OpKind.DELETE)

    @property
    def words_added(self) -> int:
        return sum(count_words(op.text) for op in self.ops if op.kind is OpKind.INSERT)

    @property
    def words_removed(self) -> int:
        return sum(count_words(op.text) for op in self.ops if op.kind is OpKind.DELETE)


def _merged(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Join neighbouring runs of the same kind and drop empty ones."""
    merged: list[Op] = []
    for op in ops:
        if not op.text:
            continue
        if merged and merged[-1].kind is op.kind:
            merged[-1] = Op(op.kind, merged[-1].text + op.text)
        else:
            merged.append(op)
    return tuple(merged)


def _code_points(first: int, count: int) -> list[str]:
    """``count`` characters from code point ``first`` on, skipping the surrogates (not real characters)."""
    if first + count < 0xD800:
        return list(map(chr, range(first, first + count)))
    return [chr(index if index < 0xD800 else index + 0x800) for index in range(first, first + count)]


class _Alphabet:
    """Gives each distinct unit (token or block) one character, as diff-match-patch wants."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.units: dict[str, str] = {}

    def encode(self, units: Sequence[str]) -> str:
        fresh = [unit for unit in dict.fromkeys(units) if unit not in self.codes]
        codes = _code_points(len(self.codes) + 1, len(fresh))
        self.codes.update(zip(fresh, codes))
        self.units.update(zip(codes, fresh))
        return "".join(map(self.codes.__getitem__, units))

    def decode(self, codes: str) -> str:
        return "".join(map(self.units.__getitem__, codes))


def _unit_diff(old_units: Sequence[str], new_units: Sequence[str], semantic: bool) -> list[Op]:
    alphabet = _Alphabet()
    old_codes, new_codes = alphabet.encode(old_units), alphabet.encode(new_units)
    # The C++ build of diff-match-patch: the same algorithm and clean-up, many
    # times faster. The time limit only guards pathological input; the result
    # stays a valid diff.
    runs = fast_diff_match_patch.diff(old_codes, new_codes, timelimit=2.0, checklines=False,
                                      cleanup="Semantic" if semantic else "No", counts_only=False)
    return [Op(_DMP_KIND[kind], alphabet.decode(codes)) for kind, codes in runs]


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
    for op in [*block_ops, Op(OpKind.EQUAL, "")]:
        if op.kind is not OpKind.EQUAL:
            (old if op.kind is OpKind.DELETE else new).extend(_blocks(op.text))
            continue
        if len(old) == len(new):
            yield from zip(old, new)
        elif old or new:
            yield "".join(old), "".join(new)
        old, new = [], []
        yield op


def _common_prefix_length(old: str, new: str) -> int:
    """Length of the longest common prefix, by bisection on slices (compared in C)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[:middle] == new[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _shared_ends(old: str, new: str) -> tuple[int, int]:
    """How much of the start and the end both texts share, cut back to a space (a token boundary)."""
    start = old.rfind(" ", 0, _common_prefix_length(old, new)) + 1
    limit = min(len(old), len(new)) - start
    end = _common_prefix_length(old[::-1][:limit], new[::-1][:limit])
    space = old.find(" ", len(old) - end) if end else -1
    return start, (len(old) - space if space >= 0 else 0)


def _word_ops(old: str, new: str) -> list[Op]:
    if not old or not new:
        return [Op(OpKind.DELETE, old), Op(OpKind.INSERT, new)]
    # Only the middle needs tokenising and diffing; the shared ends are equal as they are.
    start, end = _shared_ends(old, new)
    middle_ops = _unit_diff(tokens(old[start:len(old) - end]), tokens(new[start:len(new) - end]),
                            semantic=True)
    return [Op(OpKind.EQUAL, old[:start]), *middle_ops, Op(OpKind.EQUAL, old[len(old) - end:])]


def is_balanced(text: str) -> bool:
    """True when ``text`` opens no Markdown emphasis, code span or link it does not close."""
    return (text.count("*") % 2 == 0 and text.count("`") % 2 == 0 and text.count("~") % 2 == 0
            and text.count("[") == text.count("]"))


class _Run:
    """One changed stretch: the old and new text between two equal stretches."""

    def __init__(self) -> None:
        self.old, self.new = "", ""
        self.had_old = self.had_new = False

    def add(self, op: Op) -> None:
        if op.kind is OpKind.DELETE:
            self.old, self.had_old = self.old + op.text, True
        else:
            self.new, self.had_new = self.new + op.text, True

    def balanced(self) -> bool:
        return (not self.had_old or is_balanced(self.old)) and (not self.had_new or is_balanced(self.new))

    def ops(self) -> list[Op]:
        return [Op(OpKind.DELETE, self.old), Op(OpKind.INSERT, self.new)]


def _segments(ops: Iterable[Op]) -> list[str | _Run]:
    """Equal text as strings, each stretch of changes between them as one run."""
    segments: list[str | _Run] = []
    for op in ops:
        if op.kind is OpKind.EQUAL:
            segments.append(op.text)
            continue
        if not segments or isinstance(segments[-1], str):
            segments.append(_Run())
        run = segments[-1]
        assert isinstance(run, _Run)
        run.add(op)
    return segments


def _first_token(text: str) -> str:
    found = _TOKEN.match(text)
    token = found.group(0) if found else text[:1]
    return "" if "\n" in token else token


def _last_token(text: str) -> str:
    found = tokens(text[-200:])
    token = found[-1] if found else ""
    return "" if "\n" in token else token


def _absorb(segments: list[str | _Run], at: int) -> None:
    """Grow run ``at`` into its equal neighbours, within the block, until its Markdown pairs close."""
    run = segments[at]
    assert isinstance(run, _Run)
    for _ in range(_MAX_ABSORBED_TOKENS):
        if run.balanced():
            return
        after = segments[at + 1] if at + 1 < len(segments) else ""
        before = segments[at - 1] if at > 0 else ""
        assert isinstance(after, str) and isinstance(before, str)
        if token := _first_token(after):
            run.old, run.new = run.old + token, run.new + token
            segments[at + 1] = after[len(token):]
        elif token := _last_token(before):
            run.old, run.new = token + run.old, token + run.new
            segments[at - 1] = before[: -len(token)]
        else:
            return


def _markup_balanced(ops: Sequence[Op]) -> list[Op]:
    """The same diff, with every change holding both halves of the Markdown pairs it touches."""
    segments = _segments(ops)
    result: list[Op] = []
    for at, segment in enumerate(segments):
        if isinstance(segment, _Run):
            _absorb(segments, at)
    for segment in segments:
        result.extend([Op(OpKind.EQUAL, segment)] if isinstance(segment, str) else segment.ops())
    return result


_MIRROR = {OpKind.EQUAL: OpKind.EQUAL, OpKind.INSERT: OpKind.DELETE, OpKind.DELETE: OpKind.INSERT}


def mirrored(ops: Sequence[Op]) -> tuple[Op, ...]:
    """The redline read backwards (new → old): inserts become deletes, deletes first in a run."""
    swapped = [Op(_MIRROR[op.kind], op.text) for op in ops]
    for at in range(len(swapped) - 1):
        if swapped[at].kind is OpKind.INSERT and swapped[at + 1].kind is OpKind.DELETE:
            swapped[at], swapped[at + 1] = swapped[at + 1], swapped[at]
    return tuple(swapped)


def diff_normalised(old: str, new: str) -> TextDiff:
    """Redline of two texts that are already normalised.

    The diff is always computed in one orientation, so comparing B with A is
    exactly comparing A with B read backwards.
    """
    if old == new:
        return TextDiff(_merged([Op(OpKind.EQUAL, old)]))
    if new < old:
        return TextDiff(mirrored(_oriented_diff(new, old)))
    return TextDiff(_oriented_diff(old, new))


def _oriented_diff(old: str, new: str) -> tuple[Op, ...]:
    ops: list[Op] = []
    for run in _changed_runs(_unit_diff(_blocks(old), _blocks(new), semantic=False)):
        ops.extend([run] if isinstance(run, Op) else _word_ops(*run))
    return _merged(_markup_balanced(ops))


def diff_text(old: str, new: str) -> TextDiff:
    """Word-level redline of Markdown ``old`` against ``new``, blind to re-wrapping."""
    return diff_normalised(normalise(old), normalise(new))
