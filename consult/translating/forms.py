"""Forms of the translator workspace."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length


class TranslationForm(FlaskForm):
    # Translators: Label of the translated heading field, for translators.
    heading = StringField(_l("Translated heading"), validators=[Length(max=1000)])
    # Translators: Label of the translated clause text field, written in Markdown. Read by translators.
    body = TextAreaField(_l("Translated text (Markdown)"), validators=[Length(max=200_000)])
    version = HiddenField(validators=[InputRequired()])


class ReviewForm(FlaskForm):
    """A bare CSRF-protected POST: mark reviewed."""


class TranslationImportForm(FlaskForm):
    document = FileField(
        # Translators: Label of the file upload for a translated Markdown document. Read by translators.
        _l("Translated Markdown file"),
        validators=[FileRequired()],
        # Translators: Help text for the translated document upload. Read by translators.
        description=_l(
            "The whole revision in this language, with the same headings in the same order and at the same levels as the source."
        ),
    )


class TranslationConfirmForm(FlaskForm):
    """The second step of an import whose headings differ: the uploaded text comes back
    unchanged (sizes are checked as for an upload)."""

    document_text = HiddenField(validators=[InputRequired()])


class CommentTranslationForm(FlaskForm):
    body = TextAreaField(
        # Translators: Label of a comment's translation field, and heading of a shown translation. Read by translators.
        _l("Translation"),
        validators=[InputRequired(), Length(max=20_000)],
        # Translators: Help text for a comment's translation field; stresses human, faithful translation. Read by translators.
        description=_l(
            "A faithful human translation of the whole comment. It is shown beside the original, labelled as a translation."
        ),
    )


class TitleForm(FlaskForm):
    # Translators: Label of the translated policy title field. Read by translators.
    title = StringField(_l("Translated title"), validators=[InputRequired(), Length(max=300)])
