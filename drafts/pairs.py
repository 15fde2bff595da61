"""Markdown pairs kept whole in a redline: no change holds half of an emphasis, code span or link.

A change that opens a pair it does not close grows, token by token, into the equal text
around it (and, where that runs out, into the next or previous change) until its pairs close,
so the rendered redline never shows a bare asterisk or a link torn from its destination.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from drafts.ops import DELETE, EQUAL, INSERT, Op
from drafts.words import first_token, last_token

# How far a change may grow to take in the other half of a Markdown pair.
_MAX_ABSORBED_TOKENS = 64


def is_balanced(text: str) -> bool:
    """True when ``text`` opens no Markdown emphasis, code span or link it does not close.

    A link goes on past its text to the ")" of its destination ("](" is one token), so
    brackets and parentheses must each close in order: "a) b (c" closes one link and opens
    another, and is not balanced.
    """
    return (
        text.count("*") % 2 == 0
        and text.count("`") % 2 == 0
        and text.count("~") % 2 == 0
        and _nested(_BRACKETS.findall(text))
    )


_BRACKETS = re.compile(r"[][()]")
_CLOSING = {"]": "[", ")": "("}


def _nested(brackets: list[str]) -> bool:
    """True when every bracket and parenthesis closes one opened before it."""
    depth = {"[": 0, "(": 0}
    for bracket in brackets:
        opening = _CLOSING.get(bracket)
        if opening is None:
            depth[bracket] += 1
        elif depth[opening]:
            depth[opening] -= 1
        else:
            return False
    return not any(depth.values())


class _Run:
    """One changed stretch: the old and new text between two equal stretches."""

    def __init__(self) -> None:
        self.old, self.new = "", ""
        self.had_old = self.had_new = False

    def add(self, op: Op) -> None:
        if op.kind is DELETE:
            self.old, self.had_old = self.old + op.text, True
        else:
            self.new, self.had_new = self.new + op.text, True

    def take(self, other: _Run) -> None:
        """Join the change that follows this one (no equal text left between them)."""
        self.old, self.new = self.old + other.old, self.new + other.new
        self.had_old, self.had_new = self.had_old or other.had_old, self.had_new or other.had_new

    def balanced(self) -> bool:
        return (not self.had_old or is_balanced(self.old)) and (
            not self.had_new or is_balanced(self.new)
        )

    def ops(self) -> list[Op]:
        return [Op(DELETE, self.old), Op(INSERT, self.new)]


def _segments(ops: Iterable[Op]) -> list[str | _Run]:
    """Equal text as strings, each stretch of changes between them as one run: they alternate."""
    segments: list[str | _Run] = []
    for op in ops:
        if op.kind is EQUAL:
            if segments and isinstance(segments[-1], str):
                segments[-1] += op.text
            else:
                segments.append(op.text)
            continue
        if not segments or isinstance(segments[-1], str):
            segments.append(_Run())
        run = segments[-1]
        assert isinstance(run, _Run)
        run.add(op)
    return segments


def _absorb(segments: list[str | _Run], at: int) -> int:
    """Grow run ``at`` into its neighbours, within the block, until its Markdown pairs close.

    Where the equal text between it and the next or previous change is all taken, the two
    changes become one. Returns where the run now is.
    """
    run = segments[at]
    assert isinstance(run, _Run)
    for _ in range(_MAX_ABSORBED_TOKENS):
        if run.balanced():
            break
        after = segments[at + 1] if at + 1 < len(segments) else ""
        before = segments[at - 1] if at > 0 else ""
        assert isinstance(after, str) and isinstance(before, str)
        if token := first_token(after):
            run.old, run.new = run.old + token, run.new + token
            segments[at + 1] = after[len(token) :]
        elif not after and at + 2 < len(segments):
            run.take(_run_at(segments, at + 2))
            del segments[at + 1 : at + 3]
        elif token := last_token(before):
            run.old, run.new = token + run.old, token + run.new
            segments[at - 1] = before[: -len(token)]
        elif not before and at >= 2:
            previous = _run_at(segments, at - 2)
            previous.take(run)
            del segments[at - 1 : at + 1]
            run, at = previous, at - 2
        else:
            break
    return at


def _run_at(segments: list[str | _Run], at: int) -> _Run:
    run = segments[at]
    assert isinstance(run, _Run)
    return run


def markup_balanced(ops: Sequence[Op]) -> list[Op]:
    """The same diff, with every change holding both halves of the Markdown pairs it touches."""
    segments = _segments(ops)
    result: list[Op] = []
    at = 0
    while at < len(segments):
        if isinstance(segments[at], _Run):
            at = _absorb(segments, at)
        at += 1
    for segment in segments:
        result.extend([Op(EQUAL, segment)] if isinstance(segment, str) else segment.ops())
    return result
