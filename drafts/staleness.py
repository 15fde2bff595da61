"""Translations against their source: which are current, which outdated, how far along a language is.

A translation is pinned to the hash of the normalised source text it was made
from (:func:`drafts.text.clause_hash`). Comparing that pin with the clause's
hash today is the whole rule: re-wrapping never changes the hash, so it never
outdates a translation, and reverting a clause to the text a translation was
made from makes the translation current again.

A translated document matches its source by structure alone (the headings'
count, order and levels): headings are in another language, so their words
cannot be compared.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafts.errors import DraftsError
from drafts.model import Clause


class TranslationState(enum.StrEnum):
    """Where one clause stands in one language."""

    MISSING = "missing"
    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"
    OUTDATED = "outdated"

    @property
    def is_current(self) -> bool:
        return self in (TranslationState.UNREVIEWED, TranslationState.REVIEWED)

    @property
    def needs_work(self) -> bool:
        """Missing and outdated clauses are a translator's to-do list."""
        return self in (TranslationState.MISSING, TranslationState.OUTDATED)


@dataclass(frozen=True)
class Pin:
    """What a stored translation says about itself: the source hash it was made from, and
    whether a second translator reviewed it."""

    source_hash: str
    reviewed: bool = False


def translation_state(clause_hash: str, pin: Pin | None) -> TranslationState:
    """The state of a clause's translation; an outdated translation is outdated even if reviewed."""
    if pin is None:
        return TranslationState.MISSING
    if pin.source_hash != clause_hash:
        return TranslationState.OUTDATED
    return TranslationState.REVIEWED if pin.reviewed else TranslationState.UNREVIEWED


@dataclass(frozen=True)
class Progress:
    """One language's figures for one revision. ``current`` counts unreviewed and reviewed
    clauses; ``reviewed`` is the part of ``current`` a second translator checked."""

    total: int
    current: int
    reviewed: int
    outdated: int
    missing: int

    @property
    def percent_ready(self) -> int:
        """Current clauses as a whole percentage, rounded down: 100 only when all are current."""
        return self.current * 100 // self.total if self.total else 0

    @property
    def percent_reviewed(self) -> int:
        return self.reviewed * 100 // self.total if self.total else 0

    @property
    def unreviewed(self) -> int:
        return self.current - self.reviewed


def progress(states: Iterable[TranslationState]) -> Progress:
    states = list(states)
    return Progress(
        total=len(states),
        current=sum(1 for state in states if state.is_current),
        reviewed=states.count(TranslationState.REVIEWED),
        outdated=states.count(TranslationState.OUTDATED),
        missing=states.count(TranslationState.MISSING),
    )


def next_needing_work(
    keys: Sequence[str], states: Sequence[TranslationState], after: str | None = None
) -> str | None:
    """The first missing or outdated clause after ``after`` (wrapping round), else None."""
    start = keys.index(after) + 1 if after in keys else 0
    order = list(range(start, len(keys))) + list(range(0, start))
    return next((keys[i] for i in order if states[i].needs_work and keys[i] != after), None)


class StructureErrorCode(enum.StrEnum):
    """Codes carried by :class:`StructureError`."""

    MISMATCH = "structure_mismatch"
    # Same headings in the same order, some at another level (drafts.structure pairs by order).
    LEVELS_DIFFER = "structure_levels_differ"
    # A person's pairing of found headings with source clauses names no clause, or one twice.
    MAPPING_INVALID = "structure_mapping_invalid"
    MAPPING_REPEATED = "structure_mapping_repeated"


@dataclass(frozen=True)
class Outline:
    """One heading as the structure check sees it (level 0 is the introduction)."""

    number: str
    level: int
    heading: str


class StructureError(DraftsError):
    """A translated document's headings do not line up with the source's.

    ``details``: ``expected`` and ``found`` (tuples of :class:`Outline`) and
    ``position``, the index of the first heading that differs. The code is
    ``LEVELS_DIFFER`` when only levels differ (the counts match), else ``MISMATCH``.
    """


def outline(clauses: Sequence[Clause]) -> tuple[Outline, ...]:
    return tuple(Outline(clause.number, clause.level, clause.heading) for clause in clauses)


def match_structure(
    source: Sequence[Clause], translated: Sequence[Clause]
) -> tuple[tuple[Clause, Clause], ...]:
    """Pairs (source clause, translated clause) when both have the same headings in the same
    order at the same levels; otherwise :class:`StructureError`."""
    levels = [clause.level for clause in source]
    found = [clause.level for clause in translated]
    if levels != found:
        position = next(
            (i for i, (a, b) in enumerate(zip(levels, found)) if a != b),
            min(len(levels), len(found)),
        )
        raise StructureError(
            StructureErrorCode.LEVELS_DIFFER
            if len(levels) == len(found)
            else StructureErrorCode.MISMATCH,
            expected=outline(source),
            found=outline(translated),
            position=position,
        )
    return tuple(zip(source, translated))
