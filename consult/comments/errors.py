"""Errors of the comment rules: a code for the rule broken, details for the message."""

from typing import Any


class CommentError(Exception):
    """A write refused because of the data (shown next to the form, 422)."""

    status = 422

    def __init__(self, code: str, **details: Any):
        self.code = code
        self.details = details
        super().__init__(code)


class CommentForbidden(CommentError):
    """A write refused because of who or when (403): window closed, blocked, not yours."""

    status = 403
