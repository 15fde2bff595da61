"""Forms for writing, flagging and the consultation window."""

from functools import lru_cache

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from consult.i18n import canonical_language, language_name


def language_choices() -> list[tuple[str, str]]:
    return list(named_languages(tuple(current_app.config["COMMENT_LANGUAGES"])))


@lru_cache(maxsize=8)
def named_languages(tags: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each language Babel knows, named in itself (the same for every reader), sorted by name."""
    known = [tag for tag in tags if canonical_language(tag)]
    return tuple(
        sorted(((tag, language_name(tag)) for tag in known), key=lambda c: c[1].casefold())
    )


def interface_language() -> str:
    return str(get_locale()).replace("_", "-")


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Your comment"),
        validators=[DataRequired()],
        description=_l("Markdown: *emphasis*, **bold**, [links](https://…), lists and quotes."),
    )
    language = SelectField(_l("Language of your comment"))
    suggested_wording = TextAreaField(
        _l("Suggested wording (optional)"),
        description=_l(
            "Propose replacement text for the whole clause; it is shown as a redline against the clause."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = language_choices()
        if self.language.data is None:
            self.language.data = interface_language()
        limit = current_app.config["COMMENT_MAX_LENGTH"]
        self.body.validators = [DataRequired(), Length(max=limit)]
        if self.suggested_wording is not None:
            self.suggested_wording.validators = [Optional(), Length(max=limit)]


class ReplyForm(CommentForm):
    suggested_wording = None


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=1000)])


class ConfirmForm(FlaskForm):
    """A bare CSRF-protected POST (delete, endorse)."""


class WindowForm(FlaskForm):
    revision = SelectField(_l("Applies to"), default="")
    opens_at = DateTimeLocalField(
        _l("Opens"),
        validators=[Optional()],
        description=_l("In your time zone. Leave empty to keep comments closed."),
    )
    closes_at = DateTimeLocalField(
        _l("Closes"),
        validators=[Optional()],
        description=_l("In your time zone. Leave empty for no closing date."),
    )
