"""Readable, translatable messages for the comment rules' codes."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.comments.errors import CommentCode
from consult.errors import Counted

MESSAGES = {
    # Translators: Form error when a volunteer submits an empty comment.
    CommentCode.BODY_REQUIRED: _l("Please write your comment."),
    CommentCode.TOO_LONG: Counted(
        "limit",
        # Translators: Form error when a comment, reason or note is too long; %(limit)s is the maximum number of characters. Read by volunteers, moderators and staff.
        lambda n, **details: ngettext(
            "That is too long: use at most %(limit)s character.",
            "That is too long: use at most %(limit)s characters.",
            n,
            **details,
        ),
    ),
    # Translators: Form error for an unknown comment language; %(language)s is what was sent. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language we know. Choose one from the list."
    ),
    # Translators: Error when someone tries to comment on a draft or unpublished revision. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.NOT_PUBLISHED: _l("Only published revisions take comments."),
    # Translators: Error when someone tries to comment while the consultation window is not open. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.WINDOW_NOT_SET: _l("Comments are not open for this revision."),
    # Translators: Error when commenting before the consultation opens; %(opens)s is a date and time. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.WINDOW_NOT_OPEN: _l(
        "The comment period has not opened yet. It opens on %(opens)s."
    ),
    # Translators: Error when commenting after the consultation closed; %(closes)s is a date and time. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.WINDOW_CLOSED: _l(
        "The comment period closed on %(closes)s. The comments stay readable."
    ),
    # Translators: Error when someone comments on an older revision after a newer one was published. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.SUPERSEDED: _l("A newer revision exists: please comment on the latest revision."),
    # Translators: Error shown to a person whose account a moderator blocked from posting; neutral and factual.
    CommentCode.BLOCKED: _l("Your account has been blocked from posting by a moderator."),
    CommentCode.DEPTH_LIMIT: Counted(
        "limit",
        # Translators: Error when someone replies too deep in a thread; %(limit)s is the maximum number of reply levels. Read by volunteers (members of the public).
        lambda n, **details: ngettext(
            "Replies can only go %(limit)s level deep. Reply to an earlier comment in this "
            "thread instead.",
            "Replies can only go %(limit)s levels deep. Reply to an earlier comment in this "
            "thread instead.",
            n,
            **details,
        ),
    ),
    # Translators: Error when someone replies to a comment that was removed. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.PARENT_UNAVAILABLE: _l("That comment was removed, so it cannot take replies."),
    # Translators: Error when someone other than the author tries to edit or delete a comment.
    CommentCode.NOT_AUTHOR: _l("Only the author can do that to a comment."),
    CommentCode.EDIT_WINDOW_OVER: Counted(
        "minutes",
        # Translators: Error when an author tries to edit a comment too late; %(minutes)s is the number of minutes allowed. Read by volunteers (members of the public).
        lambda n, **details: ngettext(
            "Comments can be edited for %(minutes)s minute after posting; that time is over.",
            "Comments can be edited for %(minutes)s minutes after posting; that time is over.",
            n,
            **details,
        ),
    ),
    # Translators: Error when someone acts on a comment that was removed. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.REMOVED: _l("That comment was removed."),
    # Translators: Error when a volunteer tries to endorse their own comment.
    CommentCode.OWN_COMMENT: _l("You cannot endorse your own comment."),
    # Translators: Message when a volunteer flags a comment they had already flagged.
    CommentCode.ALREADY_FLAGGED: _l(
        "You have already flagged this comment. A moderator will look at it."
    ),
    # Translators: Form error when a flag or moderation action is sent without a reason. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.REASON_REQUIRED: _l("Please give a reason."),
    # Translators: Message after staff save a form in which nothing changed.
    CommentCode.UNCHANGED: _l("Nothing changed."),
    # Translators: Form error on the consultation window form when the closing time is not after the opening time. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.WINDOW_ORDER: _l("The closing time must be after the opening time."),
    # Translators: Error when someone who is not staff of the policy tries a staff action.
    CommentCode.NOT_STAFF: _l("Only policy staff can do that."),
    # Translators: Form error in staff bulk triage when no comment is ticked.
    CommentCode.NOTHING_SELECTED: _l("Select at least one comment."),
    # Translators: Form error in staff bulk triage when there is nothing to apply.
    CommentCode.NO_CHANGE_CHOSEN: _l("Choose a disposition, an assignee or a response to apply."),
    CommentCode.SELECTION_CHANGED: Counted(
        "count",
        # Translators: Error in staff bulk triage when the filtered comments changed since the page was shown; %(count)s is how many match now, %(expected)s how many matched before. The plural follows %(count)s.
        lambda n, **details: ngettext(
            "The comments matching these filters changed: %(count)s comment matches now, not "
            "%(expected)s. Check the list and try again.",
            "The comments matching these filters changed: %(count)s comments match now, not "
            "%(expected)s. Check the list and try again.",
            n,
            **details,
        ),
    ),
    # Translators: Form error when the duplicate disposition is chosen without an earlier comment number. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.ORIGINAL_REQUIRED: _l("Give the number of the comment this one duplicates."),
    # Translators: Form error when the duplicate-of number is not an earlier comment of the same policy; %(original)s is the comment number given. Read by volunteers (members of the public) and everyone reading the comments.
    CommentCode.ORIGINAL_NOT_EARLIER: _l(
        "A duplicate repeats an earlier comment on the same policy: comment %(original)s is "
        "not one."
    ),
    # Translators: Form error when staff assign a comment to someone who is not policy staff.
    CommentCode.ASSIGNEE_NOT_STAFF: _l("Comments can only be assigned to policy staff."),
}
