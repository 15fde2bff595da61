"""Headings that carry their own numbers ("1.", "1.1", "I.", "a)", "一、", "١."), shown once.

Consult numbers every clause from the heading levels ("6", "6.1"). A document that numbers
its own headings would then show two numbers ("6.1 1. Correction"), so one of them is shown:
the document's (the heading as written, no outline number) or Consult's (the outline number,
the heading without its own). :func:`detect_numbering` finds the numbers a document's
headings carry; :func:`shown_headings` applies a policy's :class:`NumberingStyle` to them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafts.model import Clause

_CJK_NUMERALS = "〇零一二三四五六七八九十百千"
# Valid Roman numerals of one case, never empty.
_UPPER_ROMAN = r"(?:(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_LOWER_ROMAN = _UPPER_ROMAN.lower()
_ANY_ROMAN = f"(?:{_UPPER_ROMAN}|{_LOWER_ROMAN})"
# \d is any script's decimal digits: 1, ١ (Arabic-Indic), ۱ (Persian), १ (Devanagari), １.
_LABEL = re.compile(
    rf"""
    (?P<spaced>                              # a label a space separates from the heading
        \(\s*(?:\d+|{_ANY_ROMAN}|[a-zA-Z])\s*\)   # (1) (iv) (a)
      | \d+(?:\.\d+)+\.?                          # 1.1  1.1.
      | \d+[.)]                                   # 1.  1)  ١.
      | {_ANY_ROMAN}[.)]                          # IV.  ii)
      | [a-zA-Z][.)]                              # a)  B.
    )\s+(?=\S)
  | (?P<unspaced>                            # a label written straight before the heading
        [{_CJK_NUMERALS}\d]+[、．]                 # 一、  １．
      | [（(][{_CJK_NUMERALS}\d]+[）)]            # （一）
      | 第[{_CJK_NUMERALS}\d]+[条條章節节款]       # 第一条
    )\s*(?=\S)
    """,
    re.VERBOSE,
)


class NumberingStyle(enum.StrEnum):
    """Whose numbers a policy shows beside its headings."""

    # The document's at every level where every heading has one, Consult's elsewhere.
    AUTO = "auto"
    DOCUMENT = "document"
    CONSULT = "consult"


@dataclass(frozen=True)
class HeadingNumber:
    """The number a heading starts with (``label``, as written) and the heading after it."""

    label: str
    text: str


def heading_number(heading: str) -> HeadingNumber | None:
    """The number ``heading`` carries, if it starts with one and goes on after it."""
    found = _LABEL.match(heading.strip())
    if found is None:
        return None
    label = found.group("spaced") or found.group("unspaced")
    return HeadingNumber(label, heading.strip()[found.end() :])


def without_number(heading: str) -> str:
    """``heading`` without the number it starts with (unchanged when it has none)."""
    number = heading_number(heading)
    return number.text if number else heading


@dataclass(frozen=True)
class Numbering:
    """The numbers a document's headings carry: one per clause (None: none, or the preamble),
    and the levels at which every heading has one."""

    numbers: tuple[HeadingNumber | None, ...]
    numbered_levels: frozenset[int]

    def shows_document(self, level: int, style: NumberingStyle) -> bool:
        """Whether a heading at ``level`` is shown with the document's number (as written)."""
        if style is NumberingStyle.AUTO:
            return level in self.numbered_levels
        return style is NumberingStyle.DOCUMENT


def detect_numbering(clauses: Sequence[Clause]) -> Numbering:
    """Find the numbers the clauses' headings carry."""
    numbers = tuple(heading_number(c.heading) if c.level else None for c in clauses)
    levels = {clause.level for clause in clauses if clause.level}
    unnumbered = {c.level for c, number in zip(clauses, numbers) if c.level and number is None}
    return Numbering(numbers, frozenset(levels - unnumbered))


@dataclass(frozen=True)
class ShownHeading:
    """How one clause's heading is shown: ``number`` is Consult's outline number ("" when the
    document's own is shown, or for the preamble) and ``heading`` the heading text; ``own``
    is True when the heading keeps the number it was written with."""

    number: str
    heading: str
    own: bool


def shown_headings(clauses: Sequence[Clause], style: NumberingStyle) -> tuple[ShownHeading, ...]:
    """Each clause's number and heading as shown under ``style``: one number per heading."""
    numbering = detect_numbering(clauses)
    return tuple(
        _shown(clause, number, numbering.shows_document(clause.level, style))
        for clause, number in zip(clauses, numbering.numbers)
    )


def _shown(clause: Clause, number: HeadingNumber | None, own: bool) -> ShownHeading:
    if not clause.level:
        return ShownHeading("", clause.heading, False)
    if own:
        return ShownHeading("", clause.heading, True)
    return ShownHeading(clause.number, number.text if number else clause.heading, False)
