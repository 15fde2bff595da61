"""What every redline template needs: the comparison and the means to render it."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from flask import abort, request
from flask_babel import gettext as _
from markupsafe import Markup

import drafts
from consult.i18n import language_attributes
from consult.policies.models import Policy, Revision
from consult.policies.numbering import HeadingNumbers
from consult.redline.labels import change_labels, screen_reader_labels
from consult.redline.prefetch import comparison_texts
from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, Labels, redline_html
from consult.redline.services import HistoryEntry, compare_revisions
from consult.renderings import prefetch


@dataclass(frozen=True)
class ClauseLanguages:
    """The language each side of each compared clause is written in, for its lang and dir.

    The page around the clauses speaks the interface's language; a clause of a
    translated comparison may be in the translation's language on one side and,
    untranslated, in the source language on the other.
    """

    default: str
    old: Mapping[str, str] = field(default_factory=dict)
    new: Mapping[str, str] = field(default_factory=dict)

    def of(self, item: drafts.ClauseComparison, side: str = "new") -> str:
        """One side's language; an inline redline reads as the new text, when there is one."""
        if side == "old" or item.new is None:
            return self.old.get(item.key, self.default)
        return self.new.get(item.key, self.default)

    def attributes(self, item: drafts.ClauseComparison, side: str = "new") -> Markup:
        """The lang and dir attributes for that side's text."""
        return language_attributes(self.of(item, side))

    def inline_labels(self, item: drafts.ClauseComparison, labels: Labels) -> Labels:
        """`labels` for an inline redline whose deleted text is in another language than
        the text around it: each run then carries its own side's language."""
        old, new = self.of(item, "old"), self.of(item, "new")
        if item.old is None or item.new is None or old == new:
            return labels
        return replace(
            labels,
            inserted_attributes=str(language_attributes(new)),
            deleted_attributes=str(language_attributes(old)),
        )


class ChangeSteps:
    """Where each changed clause's "previous change" and "next change" links lead.

    A long comparison is read change by change; these links let a reader step
    through them without going back to the list at the top.
    """

    def __init__(self, comparison: drafts.Comparison) -> None:
        self._keys = [item.key for item in comparison.changed]
        self._at = {key: at for at, key in enumerate(self._keys)}

    def before(self, key: str) -> str | None:
        at = self._at.get(key, 0)
        return self._keys[at - 1] if at else None

    def after(self, key: str) -> str | None:
        at = self._at.get(key, len(self._keys)) + 1
        return self._keys[at] if at < len(self._keys) else None


class ComparedHeadings:
    """Numbers and headings of compared clauses as the policy shows them, each side under its
    own revision's numbering (consult.policies.numbering)."""

    def __init__(self, old: HeadingNumbers, new: HeadingNumbers) -> None:
        self.sides = {"old": old, "new": new}
        self._diffs: dict[str, drafts.TextDiff] = {}

    @classmethod
    def of(cls, style: str, comparison: drafts.Comparison) -> "ComparedHeadings":
        """Both sides read from the comparison's own clauses: no revision is loaded."""
        old = [item.old for item in comparison.clauses if item.old is not None]
        new = [item.new for item in comparison.clauses if item.new is not None]
        return cls(HeadingNumbers(style, old), HeadingNumbers(style, new))

    @staticmethod
    def _side(item: drafts.ClauseComparison, side: str) -> str:
        return "old" if side == "old" or item.new is None else "new"

    def number(self, item: drafts.ClauseComparison, side: str = "new") -> str:
        side = self._side(item, side)
        return self.sides[side].number(getattr(item, side))

    def heading(self, item: drafts.ClauseComparison, side: str = "new") -> str:
        side = self._side(item, side)
        return self.sides[side].heading(getattr(item, side))

    def renumbering(self, item: drafts.ClauseComparison) -> tuple[str, str] | None:
        """(was, now) when the clause's shown number changed; none when no number is shown
        (so only a clause Consult renumbered can have one)."""
        if item.old is None or item.new is None:
            return None
        was, now = self.number(item, "old"), self.number(item, "new")
        return (was, now) if was and now and was != now else None

    def shown(self, comparison: drafts.Comparison) -> drafts.Comparison:
        """The comparison without the number changes these headings do not show, so kinds,
        lists and counts say what the page shows: a heading's own number changed is a
        renumbering where it is shown and nothing where Consult's number is shown instead."""
        hidden = {}
        for item in comparison.clauses:
            unseen = self.unseen_changes(item)
            if unseen:
                hidden[item.key] = unseen
        return comparison.hiding(hidden)

    def unseen_changes(self, item: drafts.ClauseComparison) -> frozenset[drafts.ClauseChange]:
        unseen = set()
        if RELABELLED in item.changes and not self.heading_diff(item).changed:
            unseen.add(RELABELLED)
        if RENUMBERED in item.changes and self.renumbering(item) is None:
            unseen.add(RENUMBERED)
        return frozenset(unseen)

    def heading_diff(self, item: drafts.ClauseComparison) -> drafts.TextDiff:
        """The heading's redline without the numbers that are not shown."""
        if item.key not in self._diffs:
            self._diffs[item.key] = self._heading_diff(item)
        return self._diffs[item.key]

    def _heading_diff(self, item: drafts.ClauseComparison) -> drafts.TextDiff:
        if item.old is None or item.new is None:
            return item.heading
        old_text = self.sides["old"].heading(item.old, item.old.normalised_heading)
        new_text = self.sides["new"].heading(item.new, item.new.normalised_heading)
        if (old_text, new_text) == (item.old.normalised_heading, item.new.normalised_heading):
            return item.heading
        return drafts.diff_normalised(old_text, new_text)


class HistoryHeadings:
    """`ComparedHeadings` for a clause's history: each change under its own pair of revisions."""

    def __init__(self, entries: Iterable[HistoryEntry], by_revision: Mapping[int, HeadingNumbers]):
        self.by_revision = by_revision
        self._by_change = {
            id(entry.change): ComparedHeadings(
                by_revision[entry.previous.id], by_revision[entry.revision.id]
            )
            for entry in entries
            if entry.change is not None and entry.previous is not None
        }

    def _of(self, item: drafts.ClauseComparison) -> ComparedHeadings:
        return self._by_change[id(item)]

    def number(self, item: drafts.ClauseComparison, side: str = "new") -> str:
        return self._of(item).number(item, side)

    def heading(self, item: drafts.ClauseComparison, side: str = "new") -> str:
        return self._of(item).heading(item, side)

    def renumbering(self, item: drafts.ClauseComparison) -> tuple[str, str] | None:
        return self._of(item).renumbering(item)

    def heading_diff(self, item: drafts.ClauseComparison) -> drafts.TextDiff:
        return self._of(item).heading_diff(item)


RELABELLED, RENUMBERED = drafts.ClauseChange.RELABELLED, drafts.ClauseChange.RENUMBERED


def shown_history(
    entries: Iterable[HistoryEntry], by_revision: Mapping[int, HeadingNumbers]
) -> tuple[list[HistoryEntry], HistoryHeadings]:
    """The entries with each change as its pair of revisions shows it (see
    ComparedHeadings.shown), and their headings."""
    shown = [
        replace(entry, change=_shown_change(entry, by_revision))
        if entry.change is not None and entry.previous is not None
        else entry
        for entry in entries
    ]
    return shown, HistoryHeadings(shown, by_revision)


def _shown_change(
    entry: HistoryEntry, by_revision: Mapping[int, HeadingNumbers]
) -> drafts.ClauseComparison:
    assert entry.change is not None and entry.previous is not None
    headings = ComparedHeadings(by_revision[entry.previous.id], by_revision[entry.revision.id])
    return headings.shown(drafts.Comparison((entry.change,))).clauses[0]


MODES = ("inline", "side")


def requested_mode() -> str:
    """The redline layout asked for (``?mode=``, inline by default); any other value is a 404,
    on every redline page alike."""
    mode = request.args.get("mode") or "inline"
    if mode not in MODES:
        # Translators: Error for an unknown redline layout; %(mode)s is the layout asked for; keep "inline" and "side" as they are (they are URL values). Read by everyone comparing revisions.
        abort(404, _("There is no “%(mode)s” layout: use inline or side.", mode=mode))
    return mode


def unchanged_open() -> bool:
    """Whether the reader asked to see every unchanged clause in full (``?unchanged=open``)."""
    return request.args.get("unchanged") == "open"


def render_tools() -> dict:
    return {
        "redline": redline_html,
        "change_label": change_labels(),
        "labels": screen_reader_labels(),
        "shown": {"inline": INLINE, "old": OLD_SIDE, "new": NEW_SIDE},
    }


def redline_context(policy: Policy, old: Revision, new: Revision, mode: str) -> dict:
    compared = compare_revisions(old, new)
    numbering = ComparedHeadings.of(policy.heading_numbers, compared)
    comparison = numbering.shown(compared)
    prefetch(comparison_texts(comparison, numbering, (mode,)))
    return {
        **render_tools(),
        "policy": policy,
        "old": old,
        "new": new,
        "mode": mode,
        "comparison": comparison,
        "numbering": numbering,
        "change_steps": ChangeSteps(comparison),
        "unchanged_open": unchanged_open(),
        "clause_languages": ClauseLanguages(policy.source_language),
    }
