"""Forms for writing, flagging and the consultation window."""

from datetime import datetime
from functools import lru_cache

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from consult.comments.labels import DISPOSITION_LABELS
from consult.comments.window_times import chosen_instant, settle, show
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
        # Translators: Label of the comment text box on a clause's comment thread, read by volunteers writing a comment.
        _l("Your comment"),
        validators=[DataRequired()],
        # Translators: Help text under comment and response boxes explaining Markdown; keep the Markdown symbols (*, **, [ ](…)) as they are, translate only the words. Read by volunteers (members of the public) and everyone reading the comments.
        description=_l("Markdown: *emphasis*, **bold**, [links](https://…), lists and quotes."),
    )
    # Translators: Label of the language picker for a new comment, read by volunteers.
    language = SelectField(_l("Language of your comment"))
    suggested_wording = TextAreaField(
        # Translators: Label of the optional field where a volunteer proposes new text for the clause.
        _l("Suggested wording (optional)"),
        # Translators: Help text under the suggested wording field, read by volunteers; "redline" is the marked-up comparison of texts.
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
    # Translators: Label of the field for the reason of a flag (by volunteers) or of a moderation action (by moderators).
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=1000)])


class ConfirmForm(FlaskForm):
    """A bare CSRF-protected POST (delete, endorse)."""


class WindowForm(FlaskForm):
    # Translators: Label of the choice, for staff, of which revisions a consultation window applies to.
    revision = SelectField(_l("Applies to"), default="")
    opens_at = DateTimeLocalField(
        # Translators: Label of the date and time field at which comments open, on the consultation window form for staff.
        _l("Opens"),
        validators=[Optional()],
        # Translators: Hint under the 'Opens' date field on the consultation window form, read by policy staff.
        description=_l("Leave empty to keep comments closed."),
    )
    closes_at = DateTimeLocalField(
        # Translators: Label of the date and time field at which comments close, on the consultation window form for staff.
        _l("Closes"),
        validators=[Optional()],
        # Translators: Hint under the 'Closes' date field on the consultation window form, read by policy staff.
        description=_l("Leave empty for no closing date."),
    )
    # Shown only when a time typed happens twice (the clocks go back): which instant it is.
    opens_at_choice = RadioField(choices=[], validate_choice=False)
    closes_at_choice = RadioField(choices=[], validate_choice=False)

    def validate_opens_at(self, field: DateTimeLocalField) -> None:
        settle(field, self.opens_at_choice)

    def validate_closes_at(self, field: DateTimeLocalField) -> None:
        settle(field, self.closes_at_choice)

    def instants(self) -> tuple[datetime | None, datetime | None]:
        """The opening and closing instants in UTC, once the form is valid."""
        return (
            chosen_instant(self.opens_at, self.opens_at_choice),
            chosen_instant(self.closes_at, self.closes_at_choice),
        )

    def show(self, opens_at: datetime | None, closes_at: datetime | None) -> None:
        show(self.opens_at, self.opens_at_choice, opens_at)
        show(self.closes_at, self.closes_at_choice, closes_at)


def disposition_choices() -> list[SelectChoice]:
    return [SelectChoice(d.value, label) for d, label in DISPOSITION_LABELS.items()]


def people_choices(people: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, name) for value, name in people]


class TriageForm(FlaskForm):
    """Staff's decision on one comment."""

    # Translators: Label of the disposition field (the staff's decision on a comment) and a filter in the triage list.
    disposition = SelectField(_l("Disposition"))
    original = IntegerField(
        # Translators: Label of the field where staff give the number of the earlier comment that a duplicate repeats.
        _l("Duplicate of comment number"),
        validators=[Optional(), NumberRange(min=1)],
        # Translators: Help text under the duplicate-of field for staff.
        description=_l("For a duplicate: the number of the earlier comment it repeats."),
    )
    response = TextAreaField(
        # Translators: Label of the field for the staff's public answer to a comment.
        _l("Public response"),
        # Translators: Help text under the public response field for staff; keep the Markdown symbols (*, **, [ ](…)) as they are.
        description=_l(
            "Shown under the comment with your name and role. Markdown: *emphasis*, "
            "**bold**, [links](https://…), lists and quotes. Leave empty for no response."
        ),
    )
    # The choices are people's names: content, for the pseudo-locale crawl too.
    assignee = SelectField(
        # Translators: Label of the assignee field and column in staff triage: the staff member in charge of a comment.
        _l("Assigned to"),
        # Translators: Help text under the assignee and internal note fields: these are not public.
        description=_l("Only staff see this."),
        render_kw={"data-content": ""},
    )
    # Translators: Label of a staff-only note field on a comment, never shown to the public.
    note = TextAreaField(_l("Internal note"), description=_l("Only staff see this."))

    def __init__(self, *args, assignees: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.disposition.choices = disposition_choices()
        self.assignee.choices = [SelectChoice("", _l("Nobody")), *people_choices(assignees)]
        limit = current_app.config["COMMENT_MAX_LENGTH"]
        self.response.validators = [Optional(), Length(max=limit)]
        self.note.validators = [Optional(), Length(max=limit)]


KEEP = ""


class BulkForm(FlaskForm):
    """One change for many comments: those ticked, or every one matching the filters."""

    scope = RadioField(
        # Translators: Label of the choice of comments that a bulk change applies to, in staff triage.
        _l("Apply to"),
        choices=[
            # Translators: Option of the bulk change: apply only to the comments ticked in the list. Read by policy staff.
            SelectChoice("selected", _l("The comments ticked below")),
            # Translators: Option of the bulk change: apply to every comment the current filters match. Read by policy staff.
            SelectChoice("matching", _l("Every comment matching the filters")),
        ],
        default="selected",
    )
    expected = HiddenField()
    disposition = SelectField(_l("Disposition"), default=KEEP)
    original = IntegerField(
        _l("Duplicate of comment number"), validators=[Optional(), NumberRange(min=1)]
    )
    # Translators: Label of the assignee field in the staff's bulk change form.
    assignee = SelectField(_l("Assign to"), default=KEEP, render_kw={"data-content": ""})
    response = TextAreaField(
        _l("Public response"),
        # Translators: Help text under the public response field of the bulk change form, for staff.
        description=_l("Leave empty to keep each comment's response."),
    )

    def __init__(self, *args, assignees: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # Translators: Option in the bulk change form's menus meaning leave this value unchanged. Read by policy staff.
        keep = SelectChoice(KEEP, _l("Keep as it is"))
        self.disposition.choices = [keep, *disposition_choices()]
        nobody = SelectChoice("none", _l("Nobody"))
        self.assignee.choices = [keep, nobody, *people_choices(assignees)]
        self.response.validators = [
            Optional(),
            Length(max=current_app.config["COMMENT_MAX_LENGTH"]),
        ]
