"""Words for roles and for broken account rules, shared by the pages and the command line."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from consult.accounts.errors import AccountError
from consult.accounts.labels import ROLE_LABELS
from consult.accounts.models import Role
from consult.accounts.passwords import MIN_PASSWORD_LENGTH

TOO_LONG = _l("Use at most %(max)d characters.")

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
    "password_too_long": ("password", _l("The password can have at most %(maximum)d characters.")),
    "password_too_weak": (
        "password",
        _l(
            "That password is too easy to guess. Use a phrase of several uncommon words, "
            "and avoid your names, dates, repeats and keyboard patterns."
        ),
    ),
    "password_wrong": ("current_password", _l("That is not your current password.")),
    "display_name_too_long": ("display_name", TOO_LONG),
    "display_name_reserved": (
        "display_name",
        _l(
            "A display name cannot contain “%(role)s” or a look-alike: role names are shown "
            "only beside the people who hold the role."
        ),
    ),
    "language_unknown": ("languages", _l("“%(language)s” is not a language tag we know.")),
    "languages_need_translator": (
        "languages",
        _l("Only translators have languages: tick Translator or clear the languages."),
    ),
    "translator_needs_languages": ("languages", _l("A translator needs at least one language.")),
    "own_admin_role": ("admin", _l("You cannot remove your own admin role; another admin can.")),
}

PASSWORD_HINT = _l(
    "At least %(minimum)d characters, and hard to guess: several uncommon words work well.",
    minimum=MIN_PASSWORD_LENGTH,
)


def error_field(error: AccountError) -> str:
    return ACCOUNT_ERRORS[error.code][0]


def readable(value):
    return str(ROLE_LABELS[value]) if isinstance(value, Role) else value


def error_text(error: AccountError) -> str:
    details = {name: readable(value) for name, value in error.details.items()}
    return str(ACCOUNT_ERRORS[error.code][1]) % details


def error_text_outside_request(error: AccountError) -> str:
    # Outside a request there is no one to ask for a language: use the site's.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return error_text(error)
