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
    # Translators: Option of the heading level picker for the untitled opening part of a policy. Read by policy staff.
    SelectChoice("0", _l("Introduction (no heading)")),
    # Translators: Option of the heading level picker in the clause editor: top level. Read by policy staff.
    SelectChoice("1", _l("Level 1 heading")),
    # Translators: Option of the heading level picker in the clause editor. Read by policy staff.
    SelectChoice("2", _l("Level 2 heading")),
    # Translators: Option of the heading level picker in the clause editor. Read by policy staff.
    SelectChoice("3", _l("Level 3 heading")),
    # Translators: Option of the heading level picker in the clause editor. Read by policy staff.
    SelectChoice("4", _l("Level 4 heading")),
    # Translators: Option of the heading level picker in the clause editor. Read by policy staff.
    SelectChoice("5", _l("Level 5 heading")),
    # Translators: Option of the heading level picker in the clause editor: deepest level. Read by policy staff.
    SelectChoice("6", _l("Level 6 heading")),
]


class PolicyForm(FlaskForm):
    slug = StringField(
        # Translators: Label of the field for a policy's web address; "slug" is the technical word, which can be kept in parentheses. Read by policy staff.
        _l("Address (slug)"),
        validators=[DataRequired(), Length(max=80)],
        # Translators: Help text for the policy address field; keep the example "code-of-conduct". Read by policy staff.
        description=_l("Lower-case letters, digits and hyphens, e.g. code-of-conduct."),
    )
    # Translators: Label of the policy title field, for staff.
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    source_language = StringField(
        # Translators: Label of the field for the language a policy is written in. Read by policy staff.
        _l("Source language"),
        default="en",
        validators=[DataRequired(), Length(max=35)],
        # Translators: Help text for the source language field; keep "BCP 47" and the example tags. Read by policy staff.
        description=_l("A BCP 47 tag such as en, fr or pt-BR."),
    )
    # Translators: Heading of the summary of changes in the redline, and its download. Read by policy staff.
    summary = TextAreaField(_l("Summary"), validators=[Length(max=5000)])


HEADING_NUMBER_CHOICES = [
    SelectChoice(
        "auto",
        # Translators: Option of the heading numbering setting for staff; "the document's" means the document's own numbers.
        _l(
            "Automatic: the document's at each level where every heading has one, Consult's elsewhere"
        ),
    ),
    # Translators: Option of the heading numbering setting: use the numbers written in the headings. Read by policy staff.
    SelectChoice("document", _l("The document's own numbers, as written in the headings")),
    # Translators: Option of the heading numbering setting: Consult numbers the clauses itself; "Consult" is the product name. Read by policy staff.
    SelectChoice("consult", _l("Consult's numbers (1, 2, 2.1…), without the headings' own")),
]


class HeadingNumbersForm(FlaskForm):
    heading_numbers = SelectField(
        # Translators: Label, link and page title of the heading numbering setting of a policy, for staff.
        _l("Heading numbers"),
        choices=HEADING_NUMBER_CHOICES,
        # Translators: Help text of the heading numbering setting; the quoted example is a heading with its own number. Read by policy staff.
        description=_l(
            "A heading that carries its own number (“1. Correction”) is shown with one number, the document's or Consult's, on every page."
        ),
    )


class ImportForm(FlaskForm):
    document = FileField(
        # Translators: Label of the file upload for a Markdown document to import, for staff.
        _l("Markdown file"),
        validators=[FileRequired()],
        # Translators: Help text for the Markdown import; keep "YAML (---)" and "TOML (+++)". Read by policy staff.
        description=_l(
            "Headings become clauses. YAML (---) or TOML (+++) front matter is understood."
        ),
    )
    title = StringField(
        # Translators: Label of the optional title field when importing a revision. Read by policy staff.
        _l("Revision title"),
        validators=[Optional(), Length(max=300)],
        # Translators: Help text for the revision title field. Read by policy staff.
        description=_l("Leave empty to use the document's own title."),
    )
    change_summary = TextAreaField(
        # Translators: Label of the field describing what changed in a revision, and a column heading in the revision history. Read by policy staff.
        _l("Change summary"),
        validators=[Length(max=5000)],
        # Translators: Help text for the draft's change summary field. Read by policy staff.
        description=_l("Kept with the draft and offered again when you publish it."),
    )
    # Translators: Checkbox on the import form: publish the imported revision immediately. Read by policy staff.
    publish = BooleanField(_l("Publish at once"))


class ClauseForm(FlaskForm):
    # Translators: Label of a clause's heading field and a column heading. Read by policy staff.
    heading = StringField(_l("Heading"), validators=[Length(max=1000)])
    level = SelectField(
        # Translators: Label of the heading level picker in the clause editor (1 to 6, as in a document outline). Read by policy staff.
        lazy_pgettext("heading level", "Level"),
        choices=LEVEL_CHOICES,
        coerce=int,
        default=2,
    )
    # Translators: Label of the clause text field, written in Markdown. Read by policy staff.
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
        # Translators: Help text for the change summary when publishing a revision. Read by policy staff.
        description=_l("What changed and why, for everyone who reads this revision."),
    )


class ConfirmForm(FlaskForm):
    """A bare CSRF-protected POST (fork, delete)."""
