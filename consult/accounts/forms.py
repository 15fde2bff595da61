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

    message = _l("This field is missing from the form. Reload the page and try again.")

    def __call__(self, form: FlaskForm, field) -> None:
        if not field.raw_data:
            raise StopValidation(str(self.message))


OWN_NAME_HINT = _l("Shown next to your comments. Your username is used if you leave it empty.")


def display_name_field(description=OWN_NAME_HINT, autocomplete="name") -> StringField:
    return StringField(
        _l("Display name"),
        validators=[Present(), Length(max=80, message=TOO_LONG)],
        description=description,
        render_kw={"autocomplete": autocomplete},
    )


def new_password_fields(label, again_label) -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        label,
        validators=[InputRequired(_l("Choose a password."))],
        description=PASSWORD_HINT,
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        again_label,
        validators=[EqualTo("password", _l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class LoginForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[InputRequired(_l("Enter your username."))],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(_l("Enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )


class RegisterForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[InputRequired(_l("Choose a username."))],
        description=_l("Letters, digits, dots, hyphens or underscores; 3 to 40 characters."),
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    display_name = display_name_field()
    password, confirm = new_password_fields(_l("Password"), _l("Password again"))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[InputRequired(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = new_password_fields(_l("New password"), _l("New password again"))


class DisplayNameForm(FlaskForm):
    display_name = display_name_field()


class UserDisplayNameForm(FlaskForm):
    """An admin renaming someone."""

    display_name = display_name_field(
        _l("Shown next to their comments. Their username is used if you leave it empty."),
        autocomplete="off",  # not the admin's own name
    )


class GrantsForm(FlaskForm):
    translator = BooleanField(ROLE_LABELS[Role.TRANSLATOR])
    staff = BooleanField(ROLE_LABELS[Role.STAFF])
    moderator = BooleanField(ROLE_LABELS[Role.MODERATOR])
    admin = BooleanField(ROLE_LABELS[Role.ADMIN])
    languages = StringField(
        _l("Languages"),
        validators=[Length(max=500, message=TOO_LONG)],
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
