"""The name of each disposition, as pages show it."""

from flask_babel import lazy_pgettext

from consult.comments.models import Disposition

DISPOSITION_LABELS = {
    # Translators: Disposition of a comment (the staff's decision), shown as a badge to everyone: not decided yet. Agrees with "comment".
    Disposition.OPEN: lazy_pgettext("comment disposition", "Open"),
    # Translators: Disposition of a comment, shown as a badge: staff accepted it. Agrees with "comment".
    Disposition.ACCEPTED: lazy_pgettext("comment disposition", "Accepted"),
    # Translators: Disposition of a comment, shown as a badge: staff accepted part of it. Agrees with "comment".
    Disposition.PARTLY_ACCEPTED: lazy_pgettext("comment disposition", "Partly accepted"),
    # Translators: Disposition of a comment, shown as a badge: staff decided not to follow it. Neutral, not harsh. Agrees with "comment".
    Disposition.DECLINED: lazy_pgettext("comment disposition", "Declined"),
    # Translators: Disposition of a comment, shown as a badge: staff took note of it without a change to the text. Agrees with "comment".
    Disposition.NOTED: lazy_pgettext("comment disposition", "Noted"),
    # Translators: Disposition of a comment, shown as a badge: it repeats an earlier comment. Agrees with "comment". Read by volunteers (members of the public) and everyone reading the comments.
    Disposition.DUPLICATE: lazy_pgettext("comment disposition", "Duplicate"),
}


def disposition_label(disposition: Disposition | str | None) -> str:
    return str(DISPOSITION_LABELS[Disposition(disposition or Disposition.OPEN)])
