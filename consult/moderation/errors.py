"""Codes of the moderation rules, and their messages."""

from flask_babel import lazy_gettext as _l

from consult.errors import ErrorCode


class ModerationCode(ErrorCode):
    ADMIN_PROTECTED = "admin_protected"


MESSAGES = {
    # Translators: Error for a moderator acting on an administrator's comment or account.
    ModerationCode.ADMIN_PROTECTED: _l(
        "Only an administrator can hide an administrator's comment or block an administrator."
    ),
}
