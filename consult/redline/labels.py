"""Readable names for the redline's codes."""

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import lazy_pgettext

from consult.i18n import page_language
from consult.redline.render import Labels

CHANGE_LABELS = {
    "added": lazy_pgettext("change type", "Added"),
    "removed": lazy_pgettext("change type", "Removed"),
    "modified": lazy_pgettext("change type", "Modified"),
    "renamed": lazy_pgettext("change type", "Renamed"),
    "moved": lazy_pgettext("change type", "Moved"),
    "renumbered": lazy_pgettext("change type", "Renumbered"),
    "unchanged": lazy_pgettext("change type", "Unchanged"),
}


def change_labels() -> Callable[[str], str]:
    """The label of each change code, every label translated once: a long comparison shows hundreds."""
    labels = {code: str(label) for code, label in CHANGE_LABELS.items()}
    return lambda code: labels.get(str(code), str(code))


def screen_reader_labels() -> Labels:
    return Labels(
        inserted=_("insertion:"),
        deleted=_("deletion:"),
        end=_("(end)"),
        lang=page_language()["lang"],
    )
