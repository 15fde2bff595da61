"""Errors raised by the drafts library.

Errors carry a machine ``code`` and structured ``details``; turning them into
human, translated messages is the application's job.
"""

from __future__ import annotations

import enum
from typing import Any


class DocumentErrorCode(enum.StrEnum):
    """Codes carried by :class:`DocumentError`."""

    EMPTY = "empty"
    FRONT_MATTER_UNCLOSED = "front_matter_unclosed"
    FRONT_MATTER_YAML = "front_matter_yaml"
    FRONT_MATTER_TOML = "front_matter_toml"
    FRONT_MATTER_NOT_MAPPING = "front_matter_not_mapping"
    FRONT_MATTER_TOO_LARGE = "front_matter_too_large"
    FRONT_MATTER_TOO_DEEP = "front_matter_too_deep"
    FRONT_MATTER_ALIAS = "front_matter_alias"


class DraftsError(Exception):
    """Base error: ``code`` is a stable machine code, ``details`` its parameters."""

    code: str
    details: dict[str, Any]

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.details = details

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce replays ``args`` positionally and would lose the details.
        return (_rebuild_error, (type(self), self.code, self.details))

    def __str__(self) -> str:
        if not self.details:
            return str(self.code)
        return f"{self.code} {self.details!r}"


class DocumentError(DraftsError):
    """A Markdown source could not be turned into a document."""


def _rebuild_error(cls: type[DraftsError], code: str, details: dict[str, Any]) -> DraftsError:
    return cls(code, **details)
