"""The name of each role, as pages show it."""

from flask_babel import lazy_gettext as _l

from consult.accounts.models import Role

ROLE_LABELS = {
    Role.VOLUNTEER: _l("Volunteer"),
    Role.TRANSLATOR: _l("Translator"),
    Role.STAFF: _l("Staff"),
    Role.MODERATOR: _l("Moderator"),
    Role.ADMIN: _l("Admin"),
}
