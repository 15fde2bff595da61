"""Staff adopt a comment's suggested wording into the draft: one page shows what would
change (three texts when the clause changed since the comment) and takes the decision."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.validators import Length, Regexp

import drafts
from consult.comments.adoption import (
    ADOPTION_DISPOSITIONS,
    Plan,
    Request,
    adopt,
    plan_for,
    require_suggestion,
)
from consult.comments.errors import CommentError
from consult.comments.labels import DISPOSITION_LABELS
from consult.comments.models import Comment, Disposition
from consult.comments.views import bp, load_comment
from consult.errors import ConsultError, message_of
from consult.extensions import db
from consult.permissions import staff_required
from consult.redline.labels import screen_reader_labels
from consult.redline.render import INLINE, redline_html
from drafts import COMMENT_PROFILE


class AdoptForm(FlaskForm):
    disposition = SelectField(
        # Translators: Label of the disposition field on the page where staff adopt a comment's suggested wording.
        _l("Disposition of the comment"),
        default=Disposition.ACCEPTED.value,
        # Translators: Help text under the disposition field when adopting wording: the comment is marked Accepted unless staff choose another disposition.
        description=_l("Accepted unless you choose otherwise."),
    )
    # The draft and the clause text the page showed: the wording goes in only if they
    # are still what staff saw.
    draft = HiddenField(validators=[Regexp(r"^\d{0,9}$")])
    seen = HiddenField(validators=[Regexp(r"^[0-9a-f]{0,64}$"), Length(max=64)])
    confirm = BooleanField(
        # Translators: Label of the confirmation checkbox before staff replace a clause's draft text with a comment's suggestion.
        _l("Replace the draft's text with the suggestion, including the changes shown above")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.disposition.choices = [(d.value, DISPOSITION_LABELS[d]) for d in ADOPTION_DISPOSITIONS]

    def request(self) -> Request:
        return Request(
            Disposition(self.disposition.data),
            int(self.draft.data) if self.draft.data else None,
            self.seen.data or "",
            bool(self.confirm.data),
        )


def redline(old: str, new: str, reader_text: bool) -> Markup:
    """`new` against `old`; text a reader wrote renders under the comment profile."""
    diff = drafts.diff_text(old, new)
    profile = COMMENT_PROFILE if reader_text else drafts.CLAUSE_PROFILE
    return redline_html(diff.ops, screen_reader_labels(), INLINE, profile=profile)


def texts_of(plan: Plan) -> dict[str, Markup]:
    """The redlines the page shows; with a clause changed since the comment, all three texts."""
    if plan.current is None:
        return {}
    wording = plan.comment.suggested_wording or ""
    texts = {"suggestion": redline(plan.current.body, wording, reader_text=True)}
    if plan.changed_since:
        texts["since"] = redline(plan.commented.body, plan.current.body, reader_text=False)
    return texts


def fresh_form(plan: Plan, form: AdoptForm | None = None) -> AdoptForm:
    """The form as the page shows it now: its hidden fields name the state on the page."""
    form = form or AdoptForm(formdata=None)
    form.draft.data = str(plan.draft_number or "")
    form.seen.data = plan.current.hash if plan.current else ""
    form.confirm.data = False
    return form


def render_adopt(comment: Comment, form: AdoptForm | None = None, status: int = 200):
    plan = plan_for(comment)
    page = render_template(
        "comments/adopt.html",
        plan=plan,
        comment=comment,
        revision=comment.revision,
        policy=plan.policy,
        texts=texts_of(plan),
        form=fresh_form(plan, form),
    )
    return page, status


def adoptable_or_404(comment_id: int) -> Comment:
    comment, _revision = load_comment(comment_id)
    try:
        require_suggestion(comment)
    except CommentError as error:
        abort(404, message_of(error))
    return comment


@bp.get("/comments/<int:comment_id>/adopt")
@staff_required
def adopt_wording(comment_id: int):
    return render_adopt(adoptable_or_404(comment_id))


@bp.post("/comments/<int:comment_id>/adopt")
@staff_required
def adopt_wording_post(comment_id: int):
    comment = adoptable_or_404(comment_id)
    form = AdoptForm()
    if not form.validate_on_submit():
        return render_adopt(comment, form, 422)
    try:
        draft = adopt(current_user, comment, form.request())
    except ConsultError as error:
        db.session.rollback()  # the page shows the state as stored, not half a change
        form.form_errors.append(message_of(error))
        return render_adopt(comment, form, error.status)
    # Translators: Confirmation after staff adopt suggested wording; %(number)s is the draft's revision number.
    flash(_("The suggested wording is in draft %(number)s.", number=draft.number), "success")
    anchor = f"clause-{comment.clause_key}"
    return redirect(
        url_for("drafting.edit_draft", slug=draft.policy.slug, number=draft.number, _anchor=anchor)
    )
