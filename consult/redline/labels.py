"""Readable names for the redline's codes."""
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
    "unchanged": _l("Unchanged"),
}


def change_label(code: str) -> str:
    return str(CHANGE_LABELS.get(str(code), code))


def screen_reader_labels() -> Labels:
    return Labels(inserted=_("insertion:"), deleted=_("deletion:"), end=_("(end)"),
                  lang=page_language()["lang"])
