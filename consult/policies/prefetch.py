"""The texts the reading page renders, for reading their stored renderings at once
(consult.renderings) and for storing them when a revision is published."""

from collections.abc import Iterable

from consult.policies.models import Clause
from consult.policies.numbering import HeadingNumbers
from consult.renderings import Wanted


def reading_texts(clauses: Iterable[Clause], headings: HeadingNumbers) -> list[Wanted]:
    """Every clause's body, and its heading as shown (numbered as the policy says)."""
    wanted = []
    for clause in clauses:
        wanted.append(Wanted(clause.body))
        if clause.heading:
            wanted.append(Wanted(headings.heading(clause), inline=True))
    return wanted
