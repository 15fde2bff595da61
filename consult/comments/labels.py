"""The name of each disposition, as pages show it."""

from flask_babel import lazy_gettext as _l

from consult.comments.models import Disposition

DISPOSITION_LABELS = {
    Disposition.OPEN: _l("Open"),
    Disposition.ACCEPTED: _l("Accepted"),
    Disposition.PARTLY_ACCEPTED: _l("Partly accepted"),
    Disposition.DECLINED: _l("Declined"),
    Disposition.NOTED: _l("Noted"),
    Disposition.DUPLICATE: _l("Duplicate"),
}


def disposition_label(disposition: Disposition | str | None) -> str:
    return str(DISPOSITION_LABELS[Disposition(disposition or Disposition.OPEN)])
