"""Errors of the translation workflow: a code for the rule broken, details for the message."""

from typing import Any

from consult.errors import ErrorCode
from consult.policies.errors import PolicyError


class TranslationCode(ErrorCode):
    BLOCKED = "blocked"
    LANGUAGE_UNKNOWN = "language_unknown"
    NOT_TRANSLATOR = "not_translator"
    SELF_REVIEW = "self_review"
    REVIEW_OUTDATED = "review_outdated"
    REVISION_NOT_PUBLISHED = "revision_not_published"
    SAME_AS_SOURCE = "same_as_source"
    TRANSLATION_EMPTY = "translation_empty"
    STALE = "stale"


class TranslationError(PolicyError):
    """A translation cannot be saved, reviewed or imported; `code` says why."""

    def message_details(self) -> dict[str, Any]:
        # A structure mismatch counts headings from 0; people count from 1.
        details = super().message_details()
        details["position"] = self.details.get("position", 0) + 1
        if "first" in self.details:
            details["first"] = self.details["first"] + 1
        return details


class NotAllowed(TranslationError):
    """The rule broken is about who acts (views answer 403)."""

    status = 403
