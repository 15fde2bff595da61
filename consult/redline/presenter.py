"""What every redline template needs: the comparison and the means to render it."""
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

import drafts
from consult.i18n import language_attributes
from consult.policies.models import Policy, Revision
from consult.redline.labels import change_label, screen_reader_labels
from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, redline_html
from consult.redline.services import compare_revisions


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


def render_tools() -> dict:
    return {"redline": redline_html, "change_label": change_label, "labels": screen_reader_labels(),
            "shown": {"inline": INLINE, "old": OLD_SIDE, "new": NEW_SIDE}}


def redline_context(policy: Policy, old: Revision, new: Revision, mode: str) -> dict:
    return {**render_tools(), "policy": policy, "old": old, "new": new, "mode": mode,
            "comparison": compare_revisions(old, new),
            "clause_languages": ClauseLanguages(policy.source_language)}
