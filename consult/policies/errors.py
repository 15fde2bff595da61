"""Errors of the policy rules: a code for the rule broken, details for the message."""

from typing import Any

from flask_babel import gettext as _

from consult.errors import ConsultError, ErrorCode


class PolicyCode(ErrorCode):
    SLUG_INVALID = "slug_invalid"
    SLUG_TAKEN = "slug_taken"
    TITLE_REQUIRED = "title_required"
    LANGUAGE_UNKNOWN = "language_unknown"
    LANGUAGE_MISMATCH = "language_mismatch"
    REVISION_LOCKED = "revision_locked"
    DRAFT_EXISTS = "draft_exists"
    NOT_FOUND = "not_found"
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    NOT_TEXT = "not_text"
    SUMMARY_REQUIRED = "summary_required"
    NO_CLAUSES = "no_clauses"
    HEADING_REQUIRED = "heading_required"
    PREAMBLE_HAS_NO_HEADING = "preamble_has_no_heading"
    LEVEL_INVALID = "level_invalid"
    CANNOT_MOVE = "cannot_move"
    STALE = "stale"
    HEADING_NUMBERS_INVALID = "heading_numbers_invalid"


class PolicyError(ConsultError):
    """A policy rule broken (422 unless a subclass says otherwise)."""

    def message_details(self) -> dict[str, Any]:
        # A document error may point at a line of the file.
        details = super().message_details()
        line = self.details.get("line")
        # Translators: Added directly after an import error message to point at a line; %(line)s is a line number; keep the leading space and parentheses. Read by policy staff.
        details["where"] = _(" (line %(line)s)", line=line) if line else ""
        return details


class NotFound(PolicyError):
    code = PolicyCode.NOT_FOUND
    status = 404


class SlugTaken(PolicyError):
    code = PolicyCode.SLUG_TAKEN


class RevisionLocked(PolicyError):
    """The revision is published: its text never changes again."""

    code = PolicyCode.REVISION_LOCKED
    status = 409


class DraftExists(PolicyError):
    code = PolicyCode.DRAFT_EXISTS
    status = 409


class ImportRejected(PolicyError):
    """The uploaded document cannot become a revision; `code` says why."""


class InvalidEdit(PolicyError):
    """An edit that would leave the draft inconsistent; `code` says why."""


class StaleEdit(PolicyError):
    """Someone saved this clause or structure after the form was loaded."""

    code = PolicyCode.STALE
    status = 409
