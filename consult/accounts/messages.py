"""Words for roles and for broken account rules, shared by the pages and the command line."""

from flask import current_app
from flask_babel import LazyString, force_locale, format_number, ngettext
from flask_babel import lazy_gettext as _l

from consult.accounts.errors import AccountCode, AccountError
from consult.accounts.passwords import MIN_PASSWORD_LENGTH
from consult.errors import Counted, message_of

TOO_LONG = Counted(
    "max",
    # Translators: Form error when a field's text is too long; %(max)s is the maximum number of characters. Read by anyone filling in an account form.
    lambda n, **details: ngettext(
        "Use at most %(max)s character.", "Use at most %(max)s characters.", n, **details
    ),
)

MESSAGES = {
    # Translators: Form error for an invalid username, read by a person registering; lists the allowed characters.
    AccountCode.USERNAME_INVALID: _l(
        "Use 3 to 40 characters: letters, digits, dots, hyphens or underscores, "
        "starting and ending with a letter or digit."
    ),
    # Translators: Form error on registration when the chosen username already exists.
    AccountCode.USERNAME_TAKEN: _l("That username is already taken."),
    AccountCode.PASSWORD_TOO_SHORT: Counted(
        "minimum",
        # Translators: Form error when a new password is too short; %(minimum)s is the minimum number of characters. Read by a person registering or changing their password.
        lambda n, **details: ngettext(
            "The password needs at least %(minimum)s character.",
            "The password needs at least %(minimum)s characters.",
            n,
            **details,
        ),
    ),
    AccountCode.PASSWORD_TOO_LONG: Counted(
        "maximum",
        # Translators: Form error when a new password is too long; %(maximum)s is the maximum number of characters. Read by a person registering or changing their password.
        lambda n, **details: ngettext(
            "The password can have at most %(maximum)s character.",
            "The password can have at most %(maximum)s characters.",
            n,
            **details,
        ),
    ),
    # Translators: Form error when a new password is too easy to guess; gives advice on a stronger password, keep the tone helpful. Read by anyone registering, signing in or managing their own account.
    AccountCode.PASSWORD_TOO_WEAK: _l(
        "That password is too easy to guess. Use a phrase of several uncommon words, "
        "and avoid your names, dates, repeats and keyboard patterns."
    ),
    # Translators: Form error on the change-password form when the current password typed is wrong. Read by anyone registering, signing in or managing their own account.
    AccountCode.PASSWORD_WRONG: _l("That is not your current password."),
    AccountCode.DISPLAY_NAME_TOO_LONG: TOO_LONG,
    # Translators: Form error when a display name imitates a role name; %(role)s is a role name such as "Moderator". Explains that role badges are reserved.
    AccountCode.DISPLAY_NAME_RESERVED: _l(
        "A display name cannot contain “%(role)s” or a look-alike: role names are shown "
        "only beside the people who hold the role."
    ),
    # Translators: Form error when a language tag is unknown; %(language)s is the tag the user typed, such as "xx".
    AccountCode.LANGUAGE_UNKNOWN: _l("“%(language)s” is not a language tag we know."),
    # Translators: Form error for administrators when languages are given to someone who is not a translator; "Translator" is the role checkbox's label.
    AccountCode.LANGUAGES_NEED_TRANSLATOR: _l(
        "Only translators have languages: tick Translator or clear the languages."
    ),
    # Translators: Form error for administrators when the Translator role is ticked without any language.
    AccountCode.TRANSLATOR_NEEDS_LANGUAGES: _l("A translator needs at least one language."),
    # Translators: Form error for an administrator who tries to remove their own admin role.
    AccountCode.OWN_ADMIN_ROLE: _l("You cannot remove your own admin role; another admin can."),
}

# The form field each code belongs to.
FIELDS = {
    AccountCode.USERNAME_INVALID: "username",
    AccountCode.USERNAME_TAKEN: "username",
    AccountCode.PASSWORD_TOO_SHORT: "password",
    AccountCode.PASSWORD_TOO_LONG: "password",
    AccountCode.PASSWORD_TOO_WEAK: "password",
    AccountCode.PASSWORD_WRONG: "current_password",
    AccountCode.DISPLAY_NAME_TOO_LONG: "display_name",
    AccountCode.DISPLAY_NAME_RESERVED: "display_name",
    AccountCode.LANGUAGE_UNKNOWN: "languages",
    AccountCode.LANGUAGES_NEED_TRANSLATOR: "languages",
    AccountCode.TRANSLATOR_NEEDS_LANGUAGES: "languages",
    AccountCode.OWN_ADMIN_ROLE: "admin",
}

PASSWORD_HINT = LazyString(
    # Translators: Hint under the password field on the registration and change-password forms; %(minimum)s is the minimum number of characters.
    lambda: ngettext(
        "At least %(minimum)s character, and hard to guess: several uncommon words work well.",
        "At least %(minimum)s characters, and hard to guess: several uncommon words work well.",
        MIN_PASSWORD_LENGTH,
        minimum=format_number(MIN_PASSWORD_LENGTH),
    )
)


def error_field(error: AccountError) -> str:
    return FIELDS[error.code]


def error_text(error: AccountError) -> str:
    return message_of(error)


def error_text_outside_request(error: AccountError) -> str:
    # Outside a request there is no one to ask for a language: use the site's.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return error_text(error)
