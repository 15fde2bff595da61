"""Sign-in, registration, own-account, display-name and role forms."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, StopValidation

from consult.accounts.errors import AccountError
from consult.accounts.labels import ROLE_LABELS
from consult.accounts.messages import PASSWORD_HINT, TOO_LONG, error_field, error_text
from consult.accounts.models import GRANTABLE_ROLES, Role, User

LANGUAGE_SEPARATORS = re.compile(r"[\s,]+")


class Present:
    """The field was sent, even empty: a form may leave it blank, but a request
    that leaves it out is not one of our forms."""

    # Translators: Form error when a field expected by the server is absent (usually an outdated page); tells the user to reload.
    message = _l("This field is missing from the form. Reload the page and try again.")

    def __call__(self, form: FlaskForm, field) -> None:
        if not field.raw_data:
            raise StopValidation(str(self.message))


# Translators: Help text under the display name field of the account form, read by the user about their own name.
OWN_NAME_HINT = _l("Shown next to your comments. Your username is used if you leave it empty.")


def display_name_field(description=OWN_NAME_HINT, autocomplete="name") -> StringField:
    return StringField(
        # Translators: Label of the display name field (the name shown next to a person's comments) and a column heading in the staff user list.
        _l("Display name"),
        validators=[Present(), Length(max=80, message=TOO_LONG)],
        description=description,
        render_kw={"autocomplete": autocomplete},
    )


def new_password_fields(label, again_label) -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        label,
        # Translators: Form error on registration when the password field is empty. Read by anyone registering, signing in or managing their own account.
        validators=[InputRequired(_l("Choose a password."))],
        description=PASSWORD_HINT,
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        again_label,
        # Translators: Form error when the password and its confirmation differ. Read by anyone registering, signing in or managing their own account.
        validators=[EqualTo("password", _l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class LoginForm(FlaskForm):
    username = StringField(
        # Translators: Label of the username field on sign-in and registration forms, and a column heading in user lists.
        _l("Username"),
        # Translators: Form error on the sign-in form when the username field is empty.
        validators=[InputRequired(_l("Enter your username."))],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        # Translators: Label of the password field on sign-in and registration forms, and a column heading in the demo's account table. Read by anyone registering, signing in or managing their own account.
        _l("Password"),
        # Translators: Form error on the sign-in form when the password field is empty. Read by anyone registering, signing in or managing their own account.
        validators=[InputRequired(_l("Enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )


class RegisterForm(FlaskForm):
    username = StringField(
        _l("Username"),
        # Translators: Form error on registration when the username field is empty.
        validators=[InputRequired(_l("Choose a username."))],
        # Translators: Help text under the username field on the registration form describing the allowed characters and length.
        description=_l("Letters, digits, dots, hyphens or underscores; 3 to 40 characters."),
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    display_name = display_name_field()
    password, confirm = new_password_fields(
        _l("Password"),
        # Translators: Label of the password confirmation field on the registration form. Read by anyone registering, signing in or managing their own account.
        _l("Password again"),
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        # Translators: Label of the field where a signed-in user types their current password before changing it.
        _l("Current password"),
        # Translators: Form error when the current password field is left empty on the change-password form. Read by anyone registering, signing in or managing their own account.
        validators=[InputRequired(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = new_password_fields(
        # Translators: Label of the new password field on the change-password form. Read by anyone registering, signing in or managing their own account.
        _l("New password"),
        # Translators: Label of the confirmation field for the new password on the change-password form. Read by anyone registering, signing in or managing their own account.
        _l("New password again"),
    )


class DisplayNameForm(FlaskForm):
    display_name = display_name_field()


class UserDisplayNameForm(FlaskForm):
    """An admin renaming someone."""

    display_name = display_name_field(
        # Translators: Help text under the display name field when an administrator edits another person's account; "their" refers to that person.
        _l("Shown next to their comments. Their username is used if you leave it empty."),
        autocomplete="off",  # not the admin's own name
    )


class GrantsForm(FlaskForm):
    translator = BooleanField(ROLE_LABELS[Role.TRANSLATOR])
    staff = BooleanField(ROLE_LABELS[Role.STAFF])
    moderator = BooleanField(ROLE_LABELS[Role.MODERATOR])
    admin = BooleanField(ROLE_LABELS[Role.ADMIN])
    languages = StringField(
        # Translators: Label of the field listing the languages a translator may translate, also a column heading in the admin's user list.
        _l("Languages"),
        validators=[Length(max=500, message=TOO_LONG)],
        # Translators: Help text for the translator languages field, read by administrators; keep the example tags (de, pt-BR, zh-Hant) unchanged.
        description=_l(
            "For translators: language tags separated by commas or spaces, "
            "such as de, pt-BR, zh-Hant."
        ),
    )

    @classmethod
    def for_user(cls, user: User, **options) -> "GrantsForm":
        """`options`: `formdata=None` for a form shown beside another one that was posted."""
        data = {role.value: role in user.roles for role in GRANTABLE_ROLES}
        data["languages"] = ", ".join(sorted(user.languages))
        return cls(data=data, **options)

    def selected_roles(self) -> set[Role]:
        return {role for role in GRANTABLE_ROLES if self[role.value].data}

    def language_tags(self) -> list[str]:
        return [tag for tag in LANGUAGE_SEPARATORS.split(self.languages.data or "") if tag]


def show_account_error(form: FlaskForm, error: AccountError) -> None:
    """Put a service's refusal next to the field it is about."""
    form[error_field(error)].errors.append(error_text(error))
