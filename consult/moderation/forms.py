"""Moderators' forms: every action carries a reason."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


class ModerationForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        validators=[DataRequired(), Length(max=1000)],
        # Translators: Help text under the moderation reason field. Read by moderators.
        description=_l("Recorded in the audit log; the author sees it on a hidden comment."),
    )
