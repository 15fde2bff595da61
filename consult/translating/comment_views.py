"""A translator attaches a translation to a comment."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from consult.comments.models import Comment
from consult.errors import message_of
from consult.extensions import db
from consult.policies.errors import PolicyError
from consult.translating.comments import (
    find_translation,
    require_may_translate,
    save_comment_translation,
    target_language,
)
from consult.translating.errors import NotAllowed
from consult.translating.forms import CommentTranslationForm
from consult.translating.views import bp


@bp.route("/translations/comments/<int:comment_id>", methods=["GET", "POST"])
@login_required
def translate_comment(comment_id: int):
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        abort(404)
    try:
        require_may_translate(current_user, comment)
    except NotAllowed as error:
        abort(403, message_of(error))
    existing = find_translation(comment)
    form = CommentTranslationForm(obj=existing)
    if form.validate_on_submit():
        try:
            save_comment_translation(current_user, comment, form.body.data)
        except PolicyError as error:
            form.body.errors.append(message_of(error))
        else:
            # Translators: Confirmation after a translator saves a comment's translation.
            flash(_("Translation saved beside the comment."), "success")
            return redirect(url_for("comments.show", comment_id=comment.id))
    return render_template(
        "translating/comment.html", comment=comment, form=form, target=target_language(comment)
    ), 422 if form.errors else 200
