"""The texts a compare page renders, for reading their stored renderings at once
(consult.renderings) and for storing them when a revision is published."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

import drafts
from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, redline_source
from consult.renderings import Wanted

if TYPE_CHECKING:  # the presenter lists these texts for its pages: it imports this module
    from consult.redline.presenter import ComparedHeadings


LAYOUTS = ("inline", "side")


def comparison_texts(
    comparison: drafts.Comparison, numbering: "ComparedHeadings", layouts=LAYOUTS
) -> list[Wanted]:
    """Each clause's heading and body as the layouts (inline, side by side) show them."""
    return [
        wanted for item in comparison.clauses for wanted in clause_texts(item, numbering, layouts)
    ]


def clause_texts(
    item: drafts.ClauseComparison, numbering: "ComparedHeadings", layouts
) -> Iterator[Wanted]:
    clause = item.new or item.old
    assert clause is not None
    if clause.heading:
        yield Wanted(numbering.heading(item), inline=True)
    if item.old is not None and item.old.heading and "moved" in item.changes:
        yield Wanted(numbering.heading(item, "old"), inline=True)
    if item.kind is drafts.ClauseKind.UNCHANGED:
        yield Wanted(clause.body)
        return
    if item.old is not None and item.new is not None and item.heading.changed:
        ops = numbering.heading_diff(item).ops
        yield Wanted(redline_source(ops, INLINE, inline=True), inline=True)
    side = "side" in layouts and item.old is not None and item.new is not None
    kinds = (INLINE,) * (not side or "inline" in layouts) + (OLD_SIDE, NEW_SIDE) * side
    for shown in kinds:
        yield Wanted(redline_source(item.body.ops, shown))
