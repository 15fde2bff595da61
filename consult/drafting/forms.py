"""Forms of the staff drafting workflow."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from consult.inputs import MAX_INT

LEVEL_CHOICES = [
    SelectChoice("0", _l("Introduction (no heading)")),
    SelectChoice("1", _l("Level 1 heading")),
    SelectChoice("2", _l("Level 2 heading")),
    SelectChoice("3", _l("Level 3 heading")),
    SelectChoice("4", _l("Level 4 heading")),
    SelectChoice("5", _l("Level 5 heading")),
    SelectChoice("6", _l("Level 6 heading")),
]


class PolicyForm(FlaskForm):
    slug = StringField(
        _l("Address (slug)"),
        validators=[DataRequired(), Length(max=80)],
        description=_l("Lower-case letters, digits and hyphens, e.g. code-of-conduct."),
    )
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    source_language = StringField(
        _l("Source language"),
        default="en",
        validators=[DataRequired(), Length(max=35)],
        description=_l("A BCP 47 tag such as en, fr or pt-BR."),
    )
    summary = TextAreaField(_l("Summary"), validators=[Length(max=5000)])


HEADING_NUMBER_CHOICES = [
    SelectChoice(
        "auto",
        _l(
            "Automatic: the document's at each level where every heading has one, Consult's elsewhere"
        ),
    ),
    SelectChoice("document", _l("The document's own numbers, as written in the headings")),
    SelectChoice("consult", _l("Consult's numbers (1, 2, 2.1…), without the headings' own")),
]


class HeadingNumbersForm(FlaskForm):
    heading_numbers = SelectField(
        _l("Heading numbers"),
        choices=HEADING_NUMBER_CHOICES,
        description=_l(
            "A heading that carries its own number (“1. Correction”) is shown with one number, the document's or Consult's, on every page."
        ),
    )


class ImportForm(FlaskForm):
    document = FileField(
        _l("Markdown file"),
        validators=[FileRequired()],
        description=_l(
            "Headings become clauses. YAML (---) or TOML (+++) front matter is understood."
        ),
    )
    title = StringField(
        _l("Revision title"),
        validators=[Optional(), Length(max=300)],
        description=_l("Leave empty to use the document's own title."),
    )
    change_summary = TextAreaField(
        _l("Change summary"),
        validators=[Length(max=5000)],
        description=_l("Kept with the draft and offered again when you publish it."),
    )
    publish = BooleanField(_l("Publish at once"))


class ClauseForm(FlaskForm):
    heading = StringField(_l("Heading"), validators=[Length(max=1000)])
    level = SelectField(
        lazy_pgettext("heading level", "Level"), choices=LEVEL_CHOICES, coerce=int, default=2
    )
    body = TextAreaField(_l("Text (Markdown)"), validators=[Length(max=200_000)])
    # The clause version the form was built on; only a tampered request gets it wrong.
    version = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0, max=MAX_INT)]
    )


class StructureForm(FlaskForm):
    """Any structural edit (add, delete, move) carries the structure version it was built on."""

    structure_version = IntegerField(validators=[InputRequired(), NumberRange(min=1)])


class AddClauseForm(ClauseForm, StructureForm):
    version = HiddenField(default="0")
    after = HiddenField()


class PublishForm(FlaskForm):
    change_summary = TextAreaField(
        _l("Change summary"),
        validators=[DataRequired(), Length(max=5000)],
        description=_l("What changed and why, for everyone who reads this revision."),
    )


class ConfirmForm(FlaskForm):
    """A bare CSRF-protected POST (fork, delete)."""
