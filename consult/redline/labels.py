"""Readable names for the redline's codes."""

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.i18n import page_language
from consult.redline.render import Labels

CHANGE_LABELS = {
    "added": _l("Added"),
    "removed": _l("Removed"),
    "modified": _l("Modified"),
    "renamed": _l("Renamed"),
    "moved": _l("Moved"),
    "renumbered": _l("Renumbered"),
    # A heading's own number changed ("3. Scope" → "4. Scope"): to a reader, a renumbering.
    "relabelled": _l("Renumbered"),
    "unchanged": _l("Unchanged"),
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
