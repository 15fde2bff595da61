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

from diff_match_patch import diff_match_patch

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
_TOKEN = re.compile(
    f"[{_UNSPACED}][{_TRAILING_MARKS}]*"
    f"|(?:(?![{_UNSPACED}])[{_WORD_CHARS}])+"
    r"|\n+|[^\S\n]+|[^\w\s]",
)
_BLOCK_SEPARATOR = "\n\n"


class OpKind(enum.StrEnum):
    """What a redline operation does to the old text."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Op(NamedTuple):
    """One run of text and what happened to it; unpacks as ``kind, text``."""

    kind: OpKind
    text: str


_DMP_KIND = {0: OpKind.EQUAL, 1: OpKind.INSERT, -1: OpKind.DELETE}


def tokens(text: str) -> list[str]:
    """Split ``text`` into words, single characters of unspaced scripts, spaces and marks.

    ``"".join(tokens(text)) == text`` for every text.
    """
    return _TOKEN.findall(text)


def is_word(token: str) -> bool:
    """True for a token a reader counts as a word (or a character of an unspaced script)."""
    return any(character.isalnum() for character in token)


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


class _Alphabet:
    """Gives each distinct unit (token or block) one character, as diff-match-patch wants."""

    def __init__(self) -> None:
        self.units: list[str] = []
        self.codes: dict[str, str] = {}

    def encode(self, units: Sequence[str]) -> str:
        return "".join(self._code(unit) for unit in units)

    def _code(self, unit: str) -> str:
        code = self.codes.get(unit)
        if code is None:
            # Skip the surrogate range so every code is a real character.
            index = len(self.units) + 1
            code = chr(index if index < 0xD800 else index + 0x800)
            self.codes[unit] = code
            self.units.append(unit)
        return code

    def decode(self, codes: str) -> str:
        return "".join(self.units[_index(code)] for code in codes)


def _index(code: str) -> int:
    value = ord(code)
    return (value if value < 0xD800 else value - 0x800) - 1


def _unit_diff(old_units: Sequence[str], new_units: Sequence[str], semantic: bool) -> list[Op]:
    alphabet = _Alphabet()
    old_codes, new_codes = alphabet.encode(old_units), alphabet.encode(new_units)
    matcher = diff_match_patch()
    # Only a fallback for pathological input: the result stays a valid diff.
    matcher.Diff_Timeout = 2.0
    diffs = matcher.diff_main(old_codes, new_codes, False)
    if semantic:
        matcher.diff_cleanupSemantic(diffs)
    return [Op(_DMP_KIND[kind], alphabet.decode(codes)) for kind, codes in diffs]


def _blocks(text: str) -> list[str]:
    """Paragraphs and other blocks, each but the last keeping the separator after it."""
    if not text:
        return []
    parts = text.split(_BLOCK_SEPARATOR)
    return [part + _BLOCK_SEPARATOR for part in parts[:-1]] + [parts[-1]]


def _changed_runs(block_ops: Sequence[Op]) -> Iterator[tuple[str, str] | Op]:
    """Equal blocks as they are; each run of changed blocks as its (old, new) text pair."""
    old, new = [], []
    for op in block_ops:
        if op.kind is OpKind.EQUAL:
            if old or new:
                yield "".join(old), "".join(new)
                old, new = [], []
            yield op
        else:
            (old if op.kind is OpKind.DELETE else new).append(op.text)
    if old or new:
        yield "".join(old), "".join(new)


def _word_ops(old: str, new: str) -> list[Op]:
    if not old or not new:
        return [Op(OpKind.DELETE, old), Op(OpKind.INSERT, new)]
    return _unit_diff(tokens(old), tokens(new), semantic=True)


def diff_normalised(old: str, new: str) -> TextDiff:
    """Redline of two texts that are already normalised."""
    if old == new:
        return TextDiff(_merged([Op(OpKind.EQUAL, old)]))
    ops: list[Op] = []
    for run in _changed_runs(_unit_diff(_blocks(old), _blocks(new), semantic=False)):
        ops.extend([run] if isinstance(run, Op) else _word_ops(*run))
    return TextDiff(_merged(ops))


def diff_text(old: str, new: str) -> TextDiff:
    """Word-level redline of Markdown ``old`` against ``new``, blind to re-wrapping."""
    return diff_normalised(normalise(old), normalise(new))
