"""Readable, translatable messages for the comment rules' codes."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.comments.errors import CommentCode
from consult.errors import Counted

MESSAGES = {
    CommentCode.BODY_REQUIRED: _l("Please write your comment."),
    CommentCode.TOO_LONG: Counted(
        "limit",
        lambda n, **details: ngettext(
            "That is too long: use at most %(limit)s character.",
            "That is too long: use at most %(limit)s characters.",
            n,
            **details,
        ),
    ),
    CommentCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language we know. Choose one from the list."
    ),
    CommentCode.NOT_PUBLISHED: _l("Only published revisions take comments."),
    CommentCode.WINDOW_NOT_SET: _l("Comments are not open for this revision."),
    CommentCode.WINDOW_NOT_OPEN: _l(
        "The comment period has not opened yet. It opens on %(opens)s."
    ),
    CommentCode.WINDOW_CLOSED: _l(
        "The comment period closed on %(closes)s. The comments stay readable."
    ),
    CommentCode.SUPERSEDED: _l("A newer revision exists: please comment on the latest revision."),
    CommentCode.BLOCKED: _l("Your account has been blocked from posting by a moderator."),
    CommentCode.DEPTH_LIMIT: Counted(
        "limit",
        lambda n, **details: ngettext(
            "Replies can only go %(limit)s level deep. Reply to an earlier comment in this "
            "thread instead.",
            "Replies can only go %(limit)s levels deep. Reply to an earlier comment in this "
            "thread instead.",
            n,
            **details,
        ),
    ),
    CommentCode.PARENT_UNAVAILABLE: _l("That comment was removed, so it cannot take replies."),
    CommentCode.NOT_AUTHOR: _l("Only the author can do that to a comment."),
    CommentCode.EDIT_WINDOW_OVER: Counted(
        "minutes",
        lambda n, **details: ngettext(
            "Comments can be edited for %(minutes)s minute after posting; that time is over.",
            "Comments can be edited for %(minutes)s minutes after posting; that time is over.",
            n,
            **details,
        ),
    ),
    CommentCode.REMOVED: _l("That comment was removed."),
    CommentCode.OWN_COMMENT: _l("You cannot endorse your own comment."),
    CommentCode.ALREADY_FLAGGED: _l(
        "You have already flagged this comment. A moderator will look at it."
    ),
    CommentCode.REASON_REQUIRED: _l("Please give a reason."),
    CommentCode.UNCHANGED: _l("Nothing changed."),
    CommentCode.WINDOW_ORDER: _l("The closing time must be after the opening time."),
    CommentCode.NOT_STAFF: _l("Only policy staff can do that."),
    CommentCode.NOTHING_SELECTED: _l("Select at least one comment."),
    CommentCode.NO_CHANGE_CHOSEN: _l("Choose a disposition, an assignee or a response to apply."),
    CommentCode.SELECTION_CHANGED: Counted(
        "count",
        lambda n, **details: ngettext(
            "The comments matching these filters changed: %(count)s comment matches now, not "
            "%(expected)s. Check the list and try again.",
            "The comments matching these filters changed: %(count)s comments match now, not "
            "%(expected)s. Check the list and try again.",
            n,
            **details,
        ),
    ),
    CommentCode.ORIGINAL_REQUIRED: _l("Give the number of the comment this one duplicates."),
    CommentCode.ORIGINAL_NOT_EARLIER: _l(
        "A duplicate repeats an earlier comment on the same policy: comment %(original)s is "
        "not one."
    ),
    CommentCode.ASSIGNEE_NOT_STAFF: _l("Comments can only be assigned to policy staff."),
}
