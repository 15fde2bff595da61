"""A comparison as plain data (dicts, lists, strings) and back, to keep it across processes.

Only what computing a comparison produces is written: which clauses pair with which (by
key), their changes, the word diffs of the edited ones and the moved clauses' old places.
The clauses themselves are not: reading a comparison back takes both revisions' clauses,
so a stored comparison is only as large as its changes. Added and removed clauses carry no
stored diff either: their diff is the whole text, made again from the clause.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from drafts.compare import ClauseChange, ClauseComparison, Comparison, added, removed
from drafts.model import Clause
from drafts.ops import Op, OpKind
from drafts.redline import TextDiff

# What a stored comparison depends on besides the two revisions: the codec below and the
# rules of drafts.compare and drafts.redline. Bump it when a change to either changes any
# comparison; one stored under another version is never read.
COMPARISON_FORMAT = "consult-comparison 3"


def comparison_to_data(comparison: Comparison) -> dict[str, Any]:
    """``comparison`` as JSON-ready data (see :func:`comparison_from_data`)."""
    return {
        "clauses": [_item_to_data(item) for item in comparison.clauses],
        "departures": [[index, key] for index, key in comparison.departures],
    }


def _item_to_data(item: ClauseComparison) -> dict[str, Any]:
    paired = item.old is not None and item.new is not None
    return {
        "old": item.old.key if item.old is not None else None,
        "new": item.new.key if item.new is not None else None,
        "changes": sorted(item.changes),
        "diffs": [_diff_to_data(diff) for diff in item.diffs] if paired and item.diffs else None,
    }


def _diff_to_data(diff: TextDiff) -> list[list[str]]:
    return [[str(op.kind), op.text] for op in diff.ops]


def comparison_from_data(
    data: Mapping[str, Any], old: Sequence[Clause], new: Sequence[Clause]
) -> Comparison:
    """The comparison :func:`comparison_to_data` wrote, with the clauses of the two revisions
    it compared (the same clauses, found by key)."""
    old_by_key = {clause.key: clause for clause in old}
    new_by_key = {clause.key: clause for clause in new}
    clauses = tuple(_item_from_data(item, old_by_key, new_by_key) for item in data["clauses"])
    departures = tuple((int(index), str(key)) for index, key in data["departures"])
    return Comparison(clauses, departures)


def _item_from_data(
    item: Mapping[str, Any], old_by_key: Mapping[Any, Clause], new_by_key: Mapping[Any, Clause]
) -> ClauseComparison:
    if item["old"] is None:
        return added(new_by_key[item["new"]])
    if item["new"] is None:
        return removed(old_by_key[item["old"]])
    diffs = item["diffs"]
    return ClauseComparison(
        old_by_key[item["old"]],
        new_by_key[item["new"]],
        frozenset(ClauseChange(change) for change in item["changes"]),
        (_diff_from_data(diffs[0]), _diff_from_data(diffs[1])) if diffs else None,
    )


def _diff_from_data(ops: Sequence[Sequence[str]]) -> TextDiff:
    return TextDiff(tuple(Op(OpKind(kind), text) for kind, text in ops))
