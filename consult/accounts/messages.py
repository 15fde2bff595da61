"""Words for roles and for broken account rules, shared by the pages and the command line."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from consult.accounts.models import Role, User
from consult.accounts.services import MIN_PASSWORD_LENGTH, AccountError, granted_roles

ROLE_LABELS = {
    Role.VOLUNTEER: _l("Volunteer"),
    Role.TRANSLATOR: _l("Translator"),
    Role.STAFF: _l("Staff"),
    Role.MODERATOR: _l("Moderator"),
    Role.ADMIN: _l("Admin"),
}

# Roles that speak for the platform, highest first: the badges next to a writer's name.
BADGE_ROLES = (Role.ADMIN, Role.STAFF, Role.MODERATOR, Role.TRANSLATOR)


def badge_roles(user: User | None) -> list[tuple[str, str]]:
    """(role, translated label) of each badge `user` carries; none for a volunteer."""
    held = granted_roles().get(user.id, frozenset()) if user is not None else frozenset()
    return [(role.value, str(ROLE_LABELS[role])) for role in BADGE_ROLES if role in held]


# For each AccountError code: the form field it belongs to, and what it tells the person.
ACCOUNT_ERRORS = {
    "username_invalid": (
        "username",
        _l(
            "Use 3 to 40 characters: letters, digits, dots, hyphens or underscores, "
            "starting and ending with a letter or digit."
        ),
    ),
    "username_taken": ("username", _l("That username is already taken.")),
    "password_too_short": ("password", _l("The password needs at least %(minimum)d characters.")),
    "language_unknown": ("languages", _l("“%(language)s” is not a language tag we know.")),
    "languages_need_translator": (
        "languages",
        _l("Only translators have languages: tick Translator or clear the languages."),
    ),
    "translator_needs_languages": ("languages", _l("A translator needs at least one language.")),
    "own_admin_role": ("admin", _l("You cannot remove your own admin role; another admin can.")),
}

PASSWORD_HINT = _l("At least %(minimum)d characters.", minimum=MIN_PASSWORD_LENGTH)


def error_field(error: AccountError) -> str:
    return ACCOUNT_ERRORS[error.code][0]


def error_text(error: AccountError) -> str:
    return str(ACCOUNT_ERRORS[error.code][1]) % error.details


def error_text_outside_request(error: AccountError) -> str:
    # Outside a request there is no one to ask for a language: use the site's.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return error_text(error)
