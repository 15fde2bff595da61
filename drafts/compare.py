"""Compare two revisions clause by clause: what was added, removed, edited, renamed or moved.

Clauses are paired by key (see :func:`drafts.align.align`), so any two
revisions compare, not only neighbours. A paired clause is *moved* when it is
not in the longest run of pairs that kept their relative order: moving one
clause up marks that clause, not every clause it jumped over.
"""

from __future__ import annotations

import bisect
import enum
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from drafts.errors import DraftsError
from drafts.memo import memoised
from drafts.model import Clause
from drafts.numbering import without_number
from drafts.ops import Op, OpKind
from drafts.redline import TextDiff, diff_normalised


class ClauseKind(enum.StrEnum):
    """The one word that sums up what happened to a clause, most telling first."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    RENAMED = "renamed"
    MOVED = "moved"
    # Only the number the heading is written with changed ("3. Scope" → "4. Scope").
    RELABELLED = "relabelled"
    UNCHANGED = "unchanged"


class ClauseChange(enum.StrEnum):
    """Each thing that happened to a clause; a clause can be renamed, modified and moved at once."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    RENAMED = "renamed"
    MOVED = "moved"
    # The heading's own number changed, its words did not: not a new name.
    RELABELLED = "relabelled"
    # Consult's outline number changed (a clause came or went before it): the text did not.
    RENUMBERED = "renumbered"


# Each change that names a kind, most telling first (the order of ClauseKind).
_KIND_OF_CHANGE = tuple(
    (ClauseChange(kind.value), kind) for kind in ClauseKind if kind is not ClauseKind.UNCHANGED
)


class CompareErrorCode(enum.StrEnum):
    """Codes carried by :class:`CompareError`."""

    CLAUSE_WITHOUT_KEY = "clause_without_key"
    DUPLICATE_KEY = "duplicate_key"


class CompareError(DraftsError):
    """The clauses given to :func:`compare` cannot be paired."""


@dataclass(frozen=True)
class ClauseComparison:
    """One clause in both revisions (``old`` or ``new`` is ``None`` when added or removed).

    A clause whose text is unchanged (same hash) carries no diffs: its equal
    runs are made on first use, so comparing two long revisions only pays for
    the clauses that changed.
    """

    old: Clause | None
    new: Clause | None
    changes: frozenset[ClauseChange]
    diffs: tuple[TextDiff, TextDiff] | None = field(default=None, repr=False)

    @memoised
    def heading(self) -> TextDiff:
        return self.diffs[0] if self.diffs else _unchanged(self._clause.normalised_heading)

    @memoised
    def body(self) -> TextDiff:
        return self.diffs[1] if self.diffs else _unchanged(self._clause.shown_body)

    @property
    def _clause(self) -> Clause:
        clause = self.new or self.old
        assert clause is not None
        return clause

    @property
    def key(self) -> str:
        key = self._clause.key
        assert key is not None
        return key

    @memoised
    def kind(self) -> ClauseKind:
        for change, kind in _KIND_OF_CHANGE:
            if change in self.changes:
                return kind
        return ClauseKind.UNCHANGED

    @memoised
    def words_added(self) -> int:
        return self.heading.words_added + self.body.words_added if self.diffs else 0

    @memoised
    def words_removed(self) -> int:
        return self.heading.words_removed + self.body.words_removed if self.diffs else 0


@dataclass(frozen=True)
class ComparisonSummary:
    """How many clauses had each kind of change, and how many words came and went."""

    unchanged: int
    modified: int
    added: int
    removed: int
    moved: int
    renamed: int
    # Clauses whose number changed: the heading's own (relabelled) or Consult's (renumbered).
    renumbered: int
    words_added: int
    words_removed: int


@dataclass(frozen=True)
class Comparison:
    """Every clause of both revisions in reading order: the new order, removed ones where they were.

    ``departures`` marks the place each moved clause left: ``(index, key)``, its old place
    coming just before ``clauses[index]`` (``index == len(clauses)``: after the last one).
    """

    clauses: tuple[ClauseComparison, ...]
    departures: tuple[tuple[int, str], ...] = ()

    @memoised
    def departed_before(self) -> Mapping[str | None, tuple[ClauseComparison, ...]]:
        """The moved clauses whose old place comes just before a clause, by that clause's key (None: the end)."""
        moved = {item.key: item for item in self.clauses if ClauseChange.MOVED in item.changes}
        places: dict[str | None, list[ClauseComparison]] = {}
        for index, key in self.departures:
            following = self.clauses[index].key if index < len(self.clauses) else None
            places.setdefault(following, []).append(moved[key])
        return {following: tuple(items) for following, items in places.items()}

    @memoised
    def summary(self) -> ComparisonSummary:
        # Only clauses with a change need reading: most of a long policy has none.
        touched = [item for item in self.clauses if item.changes]
        counts = Counter(change for item in touched for change in item.changes)
        return ComparisonSummary(
            unchanged=len(self.clauses) - len(self.changed),
            modified=counts[ClauseChange.MODIFIED],
            added=counts[ClauseChange.ADDED],
            removed=counts[ClauseChange.REMOVED],
            moved=counts[ClauseChange.MOVED],
            renamed=counts[ClauseChange.RENAMED],
            renumbered=sum(1 for item in touched if item.changes & _NUMBER_CHANGES),
            # A change the reader is not shown (see hiding) adds no words either.
            words_added=sum(item.words_added for item in self.changed),
            words_removed=sum(item.words_removed for item in self.changed),
        )

    @memoised
    def changed(self) -> tuple[ClauseComparison, ...]:
        return tuple(
            item for item in self.clauses if item.changes and item.kind is not ClauseKind.UNCHANGED
        )

    def hiding(self, hidden: Mapping[str, frozenset[ClauseChange]]) -> Comparison:
        """This comparison as a reader sees it: each clause (by key) without the changes it
        does not show, e.g. a heading's own number when the policy shows Consult's."""
        if not hidden:
            return self
        clauses = tuple(
            replace(item, changes=item.changes - hidden[item.key]) if item.key in hidden else item
            for item in self.clauses
        )
        return Comparison(clauses, self.departures)


def _whole(kind: OpKind, normalised: str) -> TextDiff:
    return TextDiff((Op(kind, normalised),) if normalised else ())


def _unchanged(normalised: str) -> TextDiff:
    return _whole(OpKind.EQUAL, normalised)


def added(clause: Clause) -> ClauseComparison:
    diffs = (
        _whole(OpKind.INSERT, clause.normalised_heading),
        _whole(OpKind.INSERT, clause.shown_body),
    )
    return ClauseComparison(None, clause, frozenset({ClauseChange.ADDED}), diffs)


def removed(clause: Clause) -> ClauseComparison:
    diffs = (
        _whole(OpKind.DELETE, clause.normalised_heading),
        _whole(OpKind.DELETE, clause.shown_body),
    )
    return ClauseComparison(clause, None, frozenset({ClauseChange.REMOVED}), diffs)


_NO_CHANGES: frozenset[ClauseChange] = frozenset()
_ONLY_MOVED = frozenset({ClauseChange.MOVED})
_NUMBER_CHANGES = frozenset({ClauseChange.RELABELLED, ClauseChange.RENUMBERED})


def paired(old: Clause, new: Clause, moved: bool = False) -> ClauseComparison:
    """The comparison of one clause with its continuation (same key)."""
    if old.hash == new.hash and old.number == new.number:
        # Most clauses of a long policy: no diff and no change set to build.
        return ClauseComparison(old, new, _ONLY_MOVED if moved else _NO_CHANGES)
    changes = {ClauseChange.MOVED: moved, ClauseChange.RENUMBERED: old.number != new.number}
    diffs = None
    if old.hash != new.hash:
        diffs = (
            diff_normalised(old.normalised_heading, new.normalised_heading),
            diff_normalised(old.shown_body, new.shown_body),
        )
        changes[ClauseChange.MODIFIED] = diffs[1].changed
        changes[_heading_change(old, new)] = diffs[0].changed
    return ClauseComparison(
        old, new, frozenset(change for change, happened in changes.items() if happened), diffs
    )


def _heading_change(old: Clause, new: Clause) -> ClauseChange:
    """What a change to the heading is: RELABELLED when only its own number changed."""
    relabelled = without_number(old.normalised_heading) == without_number(new.normalised_heading)
    return ClauseChange.RELABELLED if relabelled else ClauseChange.RENAMED


def _keys(clauses: Sequence[Clause]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, clause in enumerate(clauses):
        if clause.key is None:
            raise CompareError(CompareErrorCode.CLAUSE_WITHOUT_KEY, index=index)
        if clause.key in positions:
            raise CompareError(CompareErrorCode.DUPLICATE_KEY, key=clause.key)
        positions[clause.key] = index
    return positions


def steady_positions(old_positions: Sequence[int]) -> set[int]:
    """Indexes into ``old_positions`` forming its longest increasing subsequence."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int | None] = []
    for index, position in enumerate(old_positions):
        slot = bisect.bisect_left(tails, position)
        previous.append(tail_at[slot - 1] if slot else None)
        if slot == len(tails):
            tails.append(position)
            tail_at.append(index)
        else:
            tails[slot], tail_at[slot] = position, index
    steady: set[int] = set()
    cursor = tail_at[-1] if tail_at else None
    while cursor is not None:
        steady.add(cursor)
        cursor = previous[cursor]
    return steady


def _anchors(new: Sequence[Clause], old_at: dict[str, int], moved: set[str]) -> list[int]:
    """For each new clause, the old position of the next clause that stayed in order."""
    anchors: list[int] = []
    anchor = len(old_at)
    for clause in reversed(new):
        if clause.key in old_at and clause.key not in moved:
            anchor = old_at[str(clause.key)]
        anchors.append(anchor)
    return anchors[::-1]


def compare(old: Sequence[Clause], new: Sequence[Clause]) -> Comparison:
    """Compare two revisions' clauses, paired by key; both must carry unique keys.

    Removed clauses are listed where they stood, before whatever was added in their place.
    """
    old_at, new_at = _keys(old), _keys(new)
    kept = [clause for clause in new if clause.key in old_at]
    steady = steady_positions([old_at[str(clause.key)] for clause in kept])
    moved = {str(clause.key) for index, clause in enumerate(kept) if index not in steady}
    items: list[ClauseComparison] = []
    departures: list[tuple[int, str]] = []
    next_old = 0
    for clause, anchor in zip(new, _anchors(new, old_at, moved)):
        if clause.key not in moved:
            _left_behind(old[next_old:anchor], new_at, moved, items, departures)
            next_old = max(next_old, anchor)
        if clause.key in old_at:
            items.append(paired(old[old_at[str(clause.key)]], clause, moved=clause.key in moved))
        else:
            items.append(added(clause))
    _left_behind(old[next_old:], new_at, moved, items, departures)
    return Comparison(tuple(items), tuple(departures))


def _left_behind(
    passed: Sequence[Clause],
    new_at: dict[str, int],
    moved: set[str],
    items: list[ClauseComparison],
    departures: list[tuple[int, str]],
) -> None:
    """Old clauses the reading order has gone past: the removed ones listed, the moved ones' places marked."""
    for gone in passed:
        if gone.key not in new_at:
            items.append(removed(gone))
        elif gone.key in moved:
            departures.append((len(items), str(gone.key)))
