"""A translated document whose headings do not line up with the source's exactly.

A translator may give a heading another level (a ``##`` made ``#``) and keep every heading in
its place: the clauses then pair by order once a person has seen the level differences. Or
the document has more or fewer headings (a section added, dropped or merged): a person pairs
each found heading with a source clause, starting from a guess made from the levels in order.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from drafts.model import Clause
from drafts.staleness import Outline, StructureError, StructureErrorCode, outline

Pairs = tuple[tuple[Clause, Clause], ...]


class StructureFit(enum.StrEnum):
    """How a translated document's headings meet the source's."""

    EXACT = "exact"
    LEVELS_DIFFER = "levels_differ"
    COUNTS_DIFFER = "counts_differ"


@dataclass(frozen=True)
class LevelDifference:
    """Heading ``position`` (from 0) is in its place but at another level."""

    position: int
    expected: Outline
    found: Outline


@dataclass(frozen=True)
class StructureReport:
    """What a person sees before importing: both outlines, the level differences when the
    counts match, and for each found heading the source index guessed for it (None: skip)."""

    fit: StructureFit
    expected: tuple[Outline, ...]
    found: tuple[Outline, ...]
    level_differences: tuple[LevelDifference, ...]
    guess: tuple[int | None, ...]


def structure_report(source: Sequence[Clause], translated: Sequence[Clause]) -> StructureReport:
    expected, found = outline(source), outline(translated)
    differences = level_differences(expected, found)
    return StructureReport(
        fit=fit_of(expected, found, differences),
        expected=expected,
        found=found,
        level_differences=differences,
        guess=guess_mapping([o.level for o in expected], [o.level for o in found]),
    )


def fit_of(
    expected: Sequence[Outline], found: Sequence[Outline], differences: Sequence[LevelDifference]
) -> StructureFit:
    if len(expected) != len(found):
        return StructureFit.COUNTS_DIFFER
    return StructureFit.LEVELS_DIFFER if differences else StructureFit.EXACT


def level_differences(
    expected: Sequence[Outline], found: Sequence[Outline]
) -> tuple[LevelDifference, ...]:
    """Headings in the same place at another level; none when the counts differ (then no
    heading is known to be in its place)."""
    if len(expected) != len(found):
        return ()
    return tuple(
        LevelDifference(position, want, got)
        for position, (want, got) in enumerate(zip(expected, found))
        if want.level != got.level
    )


def guess_mapping(expected: Sequence[int], found: Sequence[int]) -> tuple[int | None, ...]:
    """For each found level, the index of the source clause it most likely translates.

    The longest run of matching levels in order pairs first; between two such runs the
    leftover headings pair in order, and what is left over after that is skipped (found)
    or left untranslated (source).
    """
    guess: list[int | None] = [None] * len(found)
    matcher = SequenceMatcher(None, list(expected), list(found), autojunk=False)
    for _tag, source_start, source_end, found_start, found_end in matcher.get_opcodes():
        for offset in range(min(source_end - source_start, found_end - found_start)):
            guess[found_start + offset] = source_start + offset
    return tuple(guess)


def pairs_by_order(source: Sequence[Clause], translated: Sequence[Clause]) -> Pairs:
    """Pairs in order whatever the levels; the counts must match."""
    if len(source) != len(translated):
        raise StructureError(
            StructureErrorCode.MISMATCH,
            expected=outline(source),
            found=outline(translated),
            position=min(len(source), len(translated)),
        )
    return tuple(zip(source, translated))


def pairs_by_mapping(
    source: Sequence[Clause], translated: Sequence[Clause], mapping: Sequence[int | None]
) -> Pairs:
    """Pairs a person chose: ``mapping[i]`` is the source index for found heading ``i``, or
    None to skip it. Each source clause takes one heading at most; pairs in source order."""
    if len(mapping) != len(translated):
        raise StructureError(StructureErrorCode.MAPPING_INVALID, position=len(mapping))
    chosen: dict[int, int] = {}
    for position, index in enumerate(mapping):
        if index is None:
            continue
        if not 0 <= index < len(source):
            raise StructureError(StructureErrorCode.MAPPING_INVALID, position=position)
        if index in chosen:
            raise StructureError(
                StructureErrorCode.MAPPING_REPEATED, position=position, first=chosen[index]
            )
        chosen[index] = position
    return tuple((source[index], translated[chosen[index]]) for index in sorted(chosen))
