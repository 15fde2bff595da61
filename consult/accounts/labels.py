"""The name of each role, as pages show it."""

from flask_babel import lazy_gettext as _l

from consult.accounts.models import Role

ROLE_LABELS = {
    # Translators: Role name shown as a badge and in role pickers: a member of the public who reads and comments.
    Role.VOLUNTEER: _l("Volunteer"),
    # Translators: Role name shown as a badge and in role pickers: a person who translates policies and comments.
    Role.TRANSLATOR: _l("Translator"),
    # Translators: Role name shown as a badge and in role pickers: the organisation's policy staff who draft and respond.
    Role.STAFF: _l("Staff"),
    # Translators: Role name shown as a badge and in role pickers: a person who reviews flagged comments.
    Role.MODERATOR: _l("Moderator"),
    # Translators: Role name shown as a badge and in role pickers: an administrator who manages accounts.
    Role.ADMIN: _l("Admin"),
}
