"""Preferences saved on the account, so that they apply on every device the person
signs in on: the interface language and the time zone."""

from flask import current_app, session
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from consult.accounts.models import User
from consult.extensions import db
from consult.i18n import interface_languages
from consult.zones import valid_zone, zone_choices


class PreferencesForm(FlaskForm):
    locale = SelectField(
        _l("Interface language"),
        # Translators: Hint under the interface language choice on the account page; the choice is saved with the account, not the browser.
        description=_l("Used on every device you sign in on."),
        # Autonyms and CLDR's zone names, not the catalog's words.
        render_kw={"data-content": ""},
    )
    timezone = SelectField(
        # Translators: Label of the time zone choice on the account page, read by every signed-in user.
        _l("Time zone"),
        # Translators: Hint under the time zone choice on the account page.
        description=_l("Dates and times are shown in this zone."),
        render_kw={"data-content": ""},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Translators: First choice of the interface language picker on the account page: use the language the browser asks for.
        self.locale.choices = [("", str(_l("Follow this browser")))] + interface_languages()
        self.timezone.choices = zone_choices()


def preferences_form(user: User) -> PreferencesForm:
    return PreferencesForm(data={"locale": user.locale or "", "timezone": user.timezone or ""})


def save_preferences(user: User, locale: str, timezone: str) -> None:
    """Store the choices; an empty one follows the browser again."""
    user.locale = locale if locale in current_app.config["LANGUAGES"] else None
    user.timezone = valid_zone(timezone)
    if user.locale:
        session["locale"] = user.locale
    db.session.flush()


def save_language(user: User | None, locale: str) -> None:
    """The interface language chosen from the picker: this browser's, and the account's
    when someone is signed in."""
    session["locale"] = locale
    if user is not None and user.locale != locale:
        user.locale = locale
        db.session.flush()
