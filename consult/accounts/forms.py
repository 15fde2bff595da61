"""Sign-in, registration and role forms."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length

from consult.accounts.messages import PASSWORD_HINT, ROLE_LABELS, error_field, error_text
from consult.accounts.models import GRANTABLE_ROLES, Role, User
from consult.accounts.services import AccountError

LANGUAGE_SEPARATORS = re.compile(r"[\s,]+")
TOO_LONG = _l("Use at most %(max)d characters.")


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
    display_name = StringField(
        _l("Display name"),
        validators=[Length(max=80, message=TOO_LONG)],
        description=_l("Shown next to your comments. Your username is used if you leave it empty."),
        render_kw={"autocomplete": "name"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(_l("Choose a password."))],
        description=PASSWORD_HINT,
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Password again"),
        validators=[EqualTo("password", _l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
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
    def for_user(cls, user: User) -> "GrantsForm":
        data = {role.value: role in user.roles for role in GRANTABLE_ROLES}
        data["languages"] = ", ".join(sorted(user.languages))
        return cls(data=data)

    def selected_roles(self) -> set[Role]:
        return {role for role in GRANTABLE_ROLES if self[role.value].data}

    def language_tags(self) -> list[str]:
        return [tag for tag in LANGUAGE_SEPARATORS.split(self.languages.data or "") if tag]


def show_account_error(form: FlaskForm, error: AccountError) -> None:
    """Put a service's refusal next to the field it is about."""
    form[error_field(error)].errors.append(error_text(error))
