"""Errors of the translation workflow: a code for the rule broken, details for the message."""

from consult.policies.errors import PolicyError


class TranslationError(PolicyError):
    """A translation cannot be saved, reviewed or imported; `code` says why."""


class NotAllowed(TranslationError):
    """The rule broken is about who acts (views answer 403)."""
