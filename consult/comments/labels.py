"""The name of each disposition, as pages show it."""

from flask_babel import lazy_pgettext

from consult.comments.models import Disposition

DISPOSITION_LABELS = {
    Disposition.OPEN: lazy_pgettext("comment disposition", "Open"),
    Disposition.ACCEPTED: lazy_pgettext("comment disposition", "Accepted"),
    Disposition.PARTLY_ACCEPTED: lazy_pgettext("comment disposition", "Partly accepted"),
    Disposition.DECLINED: lazy_pgettext("comment disposition", "Declined"),
    Disposition.NOTED: lazy_pgettext("comment disposition", "Noted"),
    Disposition.DUPLICATE: lazy_pgettext("comment disposition", "Duplicate"),
}


def disposition_label(disposition: Disposition | str | None) -> str:
    return str(DISPOSITION_LABELS[Disposition(disposition or Disposition.OPEN)])
