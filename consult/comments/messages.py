"""Readable, translatable messages for the comment rules' codes."""

from datetime import datetime

from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.comments.errors import CommentError

MESSAGES = {
    "body_required": _l("Please write your comment."),
    "too_long": _l("That is too long: %(length)s characters, the limit is %(limit)s."),
    "language_unknown": _l("“%(language)s” is not a language we know. Choose one from the list."),
    "not_published": _l("Only published revisions take comments."),
    "window_not_set": _l("Comments are not open for this revision."),
    "window_not_open": _l("The comment period has not opened yet. It opens on %(opens)s."),
    "window_closed": _l("The comment period closed on %(closes)s. The comments stay readable."),
    "superseded": _l("A newer revision exists: please comment on the latest revision."),
    "blocked": _l("Your account has been blocked from posting by a moderator."),
    "depth_limit": _l(
        "Replies can only go %(limit)s levels deep. Reply to an earlier comment in this thread instead."
    ),
    "parent_unavailable": _l("That comment was removed, so it cannot take replies."),
    "parent_elsewhere": _l("A reply must be on the same clause as the comment it answers."),
    "not_author": _l("Only the author can do that to a comment."),
    "edit_window_over": _l(
        "Comments can be edited for %(minutes)s minutes after posting; that time is over."
    ),
    "removed": _l("That comment was removed."),
    "own_comment": _l("You cannot endorse your own comment."),
    "already_flagged": _l("You have already flagged this comment. A moderator will look at it."),
    "reason_required": _l("Please give a reason."),
    "unchanged": _l("Nothing changed."),
    "window_order": _l("The closing time must be after the opening time."),
}


def comment_error_message(error: CommentError) -> str:
    template = MESSAGES.get(error.code)
    if template is None:
        return _("That could not be done (%(code)s).", code=error.code)
    details = {
        name: format_datetime(value, "long") if isinstance(value, datetime) else value
        for name, value in error.details.items()
    }
    return str(template) % details if details else str(template)
