"""The moderators' queue and their actions on comments and accounts."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from consult.accounts.models import Role, User
from consult.comments.errors import CommentError
from consult.comments.models import Comment
from consult.comments.presenter import thread_url
from consult.errors import message_of
from consult.extensions import db
from consult.moderation.blocks import block, is_blocked, may_moderate, unblock
from consult.moderation.errors import MESSAGES, ModerationCode
from consult.moderation.forms import ModerationForm
from consult.moderation.services import (
    dismiss_flags,
    flags_by_comment,
    hide,
    places_of,
    queue,
    restore,
    versions_of,
)
from consult.permissions import role_required
from consult.policies.models import Clause, Revision

bp = Blueprint("moderation", __name__, template_folder="templates")
moderator_required = role_required(Role.MODERATOR)
COMMENT_ACTIONS = {
    # Translators: Confirmation after a moderator hides a comment.
    "hide": (hide, _l("The comment is hidden.")),
    # Translators: Confirmation after a moderator restores a hidden comment.
    "restore": (restore, _l("The comment is visible again.")),
    # Translators: Confirmation after a moderator dismisses the flags on a comment.
    "dismiss": (dismiss_flags, _l("The flags are dismissed.")),
}
ACCOUNT_ACTIONS = {
    # Translators: Confirmation after a moderator blocks an account; %(name)s is the person's display name.
    "block": (block, _l("%(name)s can no longer post.")),
    # Translators: Confirmation after a moderator unblocks an account; %(name)s is the person's display name.
    "unblock": (unblock, _l("%(name)s can post again.")),
}


def refused(error: CommentError, form: ModerationForm, comment: Comment):
    """Who may act is a 403; the state of the comment (already hidden …) a 409 on the page."""
    if error.code is ModerationCode.ADMIN_PROTECTED:
        abort(403, message_of(error))
    form.form_errors.append(message_of(error))
    return comment_page(comment, form, 409)


def load_comment(comment_id: int) -> Comment:
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        abort(404)
    return comment


@bp.get("/moderation")
@moderator_required
def queue_page():
    include_hidden = request.args.get("show") == "hidden"
    page = queue(
        request.args.get("page", 1, type=int), current_app.config["ITEMS_PER_PAGE"], include_hidden
    )
    comments = list(page.items)
    return render_template(
        "moderation/queue.html",
        page=page,
        include_hidden=include_hidden,
        flags=flags_by_comment(comments),
        places=places_of(comments),
        thread_url=thread_url,
        form=ModerationForm(),
    )


def comment_page(
    comment: Comment, form: ModerationForm, status: int = 200, account_error: str | None = None
):
    revision = db.session.get(Revision, comment.revision_id)
    author = db.session.get(User, comment.author_id) if comment.author_id else None
    page = render_template(
        "moderation/comment.html",
        comment=comment,
        revision=revision,
        policy=revision.policy,
        clause=db.session.get(Clause, comment.clause_id),
        versions=versions_of(comment),
        flags=flags_by_comment([comment])[comment.id],
        form=form,
        author=author,
        author_blocked=author is not None and is_blocked(author),
        may_act=may_moderate(current_user, author),
        protected_message=MESSAGES[ModerationCode.ADMIN_PROTECTED],
        account_error=account_error,
        thread=thread_url(
            revision.policy.slug,
            revision.number,
            comment.clause_key,
            _anchor=f"comment-{comment.id}",
        ),
    )
    return page, status


@bp.get("/moderation/comments/<int:comment_id>")
@moderator_required
def comment(comment_id: int):
    return comment_page(load_comment(comment_id), ModerationForm(formdata=None))


@bp.post("/moderation/comments/<int:comment_id>/<any(hide, restore, dismiss):action>")
@moderator_required
def act(comment_id: int, action: str):
    target = load_comment(comment_id)
    form = ModerationForm()
    if not form.validate_on_submit():
        return comment_page(target, form, 422)
    service, done = COMMENT_ACTIONS[action]
    try:
        service(current_user, target, form.reason.data)
    except CommentError as error:
        return refused(error, form, target)
    flash(str(done), "success")
    return redirect(url_for("moderation.comment", comment_id=target.id))


def reason_missing(back: int | None):
    """The comment page the account form was sent from, showing what is missing; without
    one (a request no page of ours makes) the plain refusal."""
    message = _("Please give a reason.")
    comment = db.session.get(Comment, back) if back else None
    if comment is None:
        abort(422, message)
    return comment_page(comment, ModerationForm(formdata=None), 422, account_error=message)


@bp.post("/moderation/users/<int:user_id>/<any(block, unblock):action>")
@moderator_required
def account(user_id: int, action: str):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        # Translators: Error for a moderator trying to block their own account.
        abort(403, _("You cannot block your own account."))
    form = ModerationForm()
    back = request.form.get("comment", type=int)
    if not form.validate_on_submit():
        return reason_missing(back)
    service, done = ACCOUNT_ACTIONS[action]
    try:
        service(current_user, user, form.reason.data)
    except CommentError as error:
        abort(403, message_of(error))
    flash(str(done) % {"name": user.display_name}, "success")
    return redirect(
        url_for("moderation.comment", comment_id=back) if back else url_for("moderation.queue_page")
    )
