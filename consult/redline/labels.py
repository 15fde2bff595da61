"""Readable names for the redline's codes."""

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import lazy_pgettext

from consult.i18n import page_language
from consult.redline.render import Labels

CHANGE_LABELS = {
    # Translators: Label of a clause in the redline: the clause is new in this revision. Agrees with "clause". Read by everyone comparing revisions.
    "added": lazy_pgettext("change type", "Added"),
    # Translators: Label of a clause in the redline: the clause was deleted. Agrees with "clause". Read by everyone comparing revisions.
    "removed": lazy_pgettext("change type", "Removed"),
    # Translators: Label of a clause in the redline: its text changed. Agrees with "clause". Read by everyone comparing revisions.
    "modified": lazy_pgettext("change type", "Modified"),
    # Translators: Label of a clause in the redline: its heading changed. Agrees with "clause". Read by everyone comparing revisions.
    "renamed": lazy_pgettext("change type", "Renamed"),
    # Translators: Label of a clause in the redline: it moved to another place. Agrees with "clause". Read by everyone comparing revisions.
    "moved": lazy_pgettext("change type", "Moved"),
    # Translators: Label of a clause in the redline: its number changed. Agrees with "clause". Read by everyone comparing revisions.
    "renumbered": lazy_pgettext("change type", "Renumbered"),
    # A heading's own number changed ("3. Scope" → "4. Scope"): to a reader, a renumbering.
    "relabelled": lazy_pgettext("change type", "Renumbered"),
    # Translators: Label of a clause in the redline: its text did not change. Agrees with "clause". Read by everyone comparing revisions.
    "unchanged": lazy_pgettext("change type", "Unchanged"),
}


def change_labels() -> Callable[[str], str]:
    """The label of each change code, every label translated once: a long comparison shows hundreds."""
    labels = {code: str(label) for code, label in CHANGE_LABELS.items()}
    return lambda code: labels.get(str(code), str(code))


def screen_reader_labels() -> Labels:
    return Labels(
        # Translators: Hidden text read by screen readers before inserted words in a redline; keep the colon.
        inserted=_("insertion:"),
        # Translators: Hidden text read by screen readers before deleted words in a redline; keep the colon.
        deleted=_("deletion:"),
        # Translators: Hidden text read by screen readers at the end of an inserted or deleted passage.
        end=_("(end)"),
        lang=page_language()["lang"],
    )
