"""A translated document whose headings do not line up with the source's exactly.

A translator may give a heading another level (a ``##`` made ``#``) and keep every heading in
its place: the clauses then pair by order once a person has seen the level differences. Or
the document has more or fewer headings (a section added, dropped or merged): a person pairs
each found heading with a source clause, starting from a guess made in order from the levels
and the bodies' lengths.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

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
        guess=guess_mapping(source, translated),
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


# Above this many (source × found) cells the guess pairs in order instead of aligning:
# the alignment's table grows with both counts.
MAX_ALIGNED_CELLS = 250_000


def guess_mapping(expected: Sequence[Clause], found: Sequence[Clause]) -> tuple[int | None, ...]:
    """For each found clause, the index of the source clause it most likely translates.

    Words cannot be compared across languages, so the guess aligns the two lists in order
    and scores each pair by what survives translation: the heading level, and the body's
    length (a translation is roughly as long as its source). None: skip it.
    """
    if len(expected) * len(found) > MAX_ALIGNED_CELLS:
        return tuple(i if i < len(expected) else None for i in range(len(found)))
    table = alignment_table(expected, found)
    return aligned_indices(table, expected, found)


def pair_score(source: Clause, translated: Clause) -> float:
    """Between 0 and 2: 1 for the same level, up to 1 as the bodies' lengths agree."""
    longest = max(len(source.body), len(translated.body))
    length = min(len(source.body), len(translated.body)) / longest if longest else 1.0
    return (source.level == translated.level) + length


def alignment_table(expected: Sequence[Clause], found: Sequence[Clause]) -> list[list[float]]:
    """best[i][j]: the best total score pairing expected[i:] with found[j:] in order."""
    best = [[0.0] * (len(found) + 1) for _ in range(len(expected) + 1)]
    for i in range(len(expected) - 1, -1, -1):
        for j in range(len(found) - 1, -1, -1):
            paired = pair_score(expected[i], found[j]) + best[i + 1][j + 1]
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    return best


def aligned_indices(
    best: list[list[float]], expected: Sequence[Clause], found: Sequence[Clause]
) -> tuple[int | None, ...]:
    guess: list[int | None] = [None] * len(found)
    i = j = 0
    while i < len(expected) and j < len(found):
        # Ties pair first: the earlier headings take the earlier clauses.
        if best[i][j] == pair_score(expected[i], found[j]) + best[i + 1][j + 1]:
            guess[j], i, j = i, i + 1, j + 1
        elif best[i][j] == best[i][j + 1]:
            j += 1
        else:
            i += 1
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
