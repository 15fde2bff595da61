"""The one exception of the accounts area, and its codes."""

from typing import Any

from consult.accounts.labels import ROLE_LABELS
from consult.errors import ConsultError, ErrorCode
from consult.permissions import Role


class AccountCode(ErrorCode):
    USERNAME_INVALID = "username_invalid"
    USERNAME_TAKEN = "username_taken"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_TOO_LONG = "password_too_long"
    PASSWORD_TOO_WEAK = "password_too_weak"
    PASSWORD_WRONG = "password_wrong"
    DISPLAY_NAME_TOO_LONG = "display_name_too_long"
    DISPLAY_NAME_RESERVED = "display_name_reserved"
    LANGUAGE_UNKNOWN = "language_unknown"
    LANGUAGES_NEED_TRANSLATOR = "languages_need_translator"
    TRANSLATOR_NEEDS_LANGUAGES = "translator_needs_languages"
    OWN_ADMIN_ROLE = "own_admin_role"


class AccountError(ConsultError):
    """A rule about accounts was broken; `code` says which."""

    def message_details(self) -> dict[str, Any]:
        # A role in the details is named in the reader's language.
        details = super().message_details()
        return {
            name: str(ROLE_LABELS[value]) if isinstance(value, Role) else value
            for name, value in details.items()
        }
