"""Clause numbers and headings as a policy shows them: one number per heading.

A heading that carries its own number ("1. Correction") is shown either as written, without
Consult's outline number, or with Consult's number and without its own — whichever the
policy chose (`Policy.heading_numbers`, see drafts.numbering). Every page that shows a clause
heading (reading, compare, history, translations) asks a `HeadingNumbers`, so they agree.
"""

from collections.abc import Iterable, Sequence
from typing import Protocol

import sqlalchemy as sa

import drafts
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision


class Headed(Protocol):
    """A clause row or clause value: what showing its heading needs."""

    key: str | None
    number: str
    heading: str


class HeadingNumbers:
    """How one revision's headings are shown, by clause key."""

    def __init__(self, style: str, clauses: Sequence[drafts.Clause]) -> None:
        shown = drafts.shown_headings(clauses, drafts.NumberingStyle(style))
        self._shown = {clause.key: item for clause, item in zip(clauses, shown)}
        self._written = {clause.key: clause.heading for clause in clauses}

    @classmethod
    def of(cls, revision: Revision) -> "HeadingNumbers":
        return cls(revision.policy.heading_numbers, [outline(c) for c in revision.clauses])

    def shown(self, clause: Headed, text: str | None = None) -> tuple[str, str]:
        """The number and the heading shown (one call where a page needs both)."""
        return self.number(clause), self.heading(clause, text)

    def number(self, clause: Headed) -> str:
        """The outline number shown before the heading ("" when the heading keeps its own)."""
        shown = self._shown.get(clause.key)
        return clause.number if shown is None else shown.number

    def keeps_own(self, clause: Headed) -> bool:
        shown = self._shown.get(clause.key)
        return shown is not None and shown.own

    def heading(self, clause: Headed, text: str | None = None) -> str:
        """The heading as shown: ``text`` (a translation's) or the clause's own, without the
        number it starts with wherever Consult's number is shown instead."""
        heading = clause.heading if text is None else text
        shown = self._shown.get(clause.key)
        if shown is None or shown.own:
            return heading
        if heading == self._written[clause.key]:
            return shown.heading  # already without its number
        return drafts.without_number(heading)


def outline(clause: Clause) -> drafts.Clause:
    """What numbering reads of a clause: its level, heading, key and number, not its text."""
    return drafts.Clause(clause.level, clause.heading, "", clause.key, clause.number)


def heading_numbers_by_revision(
    policy: Policy, revisions: Iterable[Revision]
) -> dict[int, HeadingNumbers]:
    """Each revision's `HeadingNumbers`, from one query reading headings only."""
    ids = {revision.id for revision in revisions}
    rows = db.session.execute(
        sa.select(Clause.revision_id, Clause.level, Clause.heading, Clause.key, Clause.number)
        .where(Clause.revision_id.in_(ids))
        .order_by(Clause.revision_id, Clause.position)
    )
    outlines: dict[int, list[drafts.Clause]] = {revision_id: [] for revision_id in ids}
    for revision_id, level, heading, key, number in rows:
        outlines[revision_id].append(drafts.Clause(level, heading, "", key, number))
    return {
        revision_id: HeadingNumbers(policy.heading_numbers, clauses)
        for revision_id, clauses in outlines.items()
    }
