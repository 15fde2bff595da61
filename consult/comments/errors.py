"""Errors of the comment rules: a code for the rule broken, details for the message."""

from consult.errors import ConsultError, ErrorCode


class CommentCode(ErrorCode):
    BODY_REQUIRED = "body_required"
    TOO_LONG = "too_long"
    LANGUAGE_UNKNOWN = "language_unknown"
    NOT_PUBLISHED = "not_published"
    WINDOW_NOT_SET = "window_not_set"
    WINDOW_NOT_OPEN = "window_not_open"
    WINDOW_CLOSED = "window_closed"
    SUPERSEDED = "superseded"
    BLOCKED = "blocked"
    DEPTH_LIMIT = "depth_limit"
    PARENT_UNAVAILABLE = "parent_unavailable"
    NOT_AUTHOR = "not_author"
    EDIT_WINDOW_OVER = "edit_window_over"
    REMOVED = "removed"
    OWN_COMMENT = "own_comment"
    ALREADY_FLAGGED = "already_flagged"
    REASON_REQUIRED = "reason_required"
    UNCHANGED = "unchanged"
    WINDOW_ORDER = "window_order"
    NOT_STAFF = "not_staff"
    NOTHING_SELECTED = "nothing_selected"
    NO_CHANGE_CHOSEN = "no_change_chosen"
    SELECTION_CHANGED = "selection_changed"
    ORIGINAL_REQUIRED = "original_required"
    ORIGINAL_NOT_EARLIER = "original_not_earlier"
    ASSIGNEE_NOT_STAFF = "assignee_not_staff"


class CommentError(ConsultError):
    """A write refused because of the data (shown next to the form, 422)."""


class CommentForbidden(CommentError):
    """A write refused because of who or when (403): window closed, blocked, not yours."""

    status = 403
