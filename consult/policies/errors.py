"""Errors of the policy workflow: a code for the rule broken, details for the message."""

from typing import Any


class PolicyError(Exception):
    code = "policy_error"

    def __init__(self, code: str | None = None, **details: Any):
        self.code = code or self.code
        self.details = details
        super().__init__(self.code)


class NotFound(PolicyError):
    code = "not_found"


class SlugTaken(PolicyError):
    code = "slug_taken"


class RevisionLocked(PolicyError):
    """The revision is published: its text never changes again."""

    code = "revision_locked"


class DraftExists(PolicyError):
    code = "draft_exists"


class ImportRejected(PolicyError):
    """The uploaded document cannot become a revision; `code` says why."""


class InvalidEdit(PolicyError):
    """An edit that would leave the draft inconsistent; `code` says why."""


class StaleEdit(PolicyError):
    """Someone saved this clause or structure after the form was loaded."""

    code = "stale"
