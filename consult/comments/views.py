"""Clause threads and writing comments: post, reply, edit, delete, endorse, flag."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from consult.accounts.redirects import local_path
from consult.comments.errors import CommentError
from consult.comments.flags import flag_comment, require_flaggable
from consult.comments.forms import CommentForm, ConfirmForm, ReasonForm, ReplyForm
from consult.comments.models import Comment, Endorsement, Flag
from consult.comments.presenter import thread_url
from consult.comments.services import (
    Draft,
    delete_comment,
    edit_comment,
    post_comment,
    reply,
    require_editable,
    require_may_join,
    require_may_write,
    toggle_endorsement,
)
from consult.comments.threads import (
    DEFAULT_SORT,
    SORTS,
    clause_overview,
    ids_marked_by,
    later_thread,
    replies_to,
    thread,
    thread_languages,
)
from consult.comments.window import WindowState, conversation_window, window_state
from consult.errors import message_of
from consult.extensions import db
from consult.hooks import page_context
from consult.i18n import canonical_language
from consult.policies.loading import clause_or_404, policy_revision_or_404
from consult.policies.models import Clause, Revision
from consult.policies.numbering import heading_numbers_by_revision
from consult.ratelimits import endorsing_limits, flagging_limits, posting_limits

bp = Blueprint("comments", __name__, template_folder="templates")
THREAD = "/policies/<slug>/revisions/<int:number>/clauses/<key>/comments"


def load_clause(slug: str, number: int, key: str) -> tuple[Revision, Clause]:
    _policy, revision = policy_revision_or_404(slug, number, published_only=True)
    return revision, clause_or_404(revision, key)


def load_comment(comment_id: int) -> tuple[Comment, Revision]:
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        abort(404)
    return comment, db.session.get(Revision, comment.revision_id)


def comment_url(comment: Comment, revision: Revision) -> str:
    return thread_url(
        revision.policy.slug, revision.number, comment.clause_key, _anchor=f"comment-{comment.id}"
    )


def refuse(error: CommentError, form) -> None:
    """403 for who/when refusals; otherwise the message goes with the form (422)."""
    if error.status == 403:
        abort(403, message_of(error))
    form.form_errors.append(message_of(error))


def writable_or_403(revision: Revision) -> None:
    # Checked before the form, so a closed window is a 403 whatever was posted.
    try:
        require_may_write(current_user, revision)
    except CommentError as error:
        abort(403, message_of(error))


def joinable_or_403(comment: Comment) -> None:
    try:
        require_may_join(current_user, comment)
    except CommentError as error:
        abort(403, message_of(error))


def back_to_page(comment: Comment, revision: Revision) -> str:
    """The thread page the reader wrote from (an inline form names it), at `comment`."""
    page = local_path(request.form.get("next"))
    return f"{page}#comment-{comment.id}" if page else comment_url(comment, revision)


def closed_reason(revision: Revision, window: WindowState | None = None) -> str | None:
    """Why the reader may not write on `revision` now, or None."""
    if not current_user.is_authenticated:
        return None
    try:
        require_may_write(current_user, revision, window)
    except CommentError as error:
        return message_of(error)
    return None


def conversation_closed(
    revision: Revision, key: str, window: WindowState | None = None, posting: str | None = None
) -> str | None:
    """Why the reader may not reply to or endorse the comments made on `revision` about
    clause `key`, or None: their conversation goes on while a later revision is open.
    `posting` is the reason the reader may not post on `revision` itself, when known."""
    target, state = conversation_window(revision, key, window)
    if target is revision and window is not None:
        return posting
    return closed_reason(target, state)


def draft_from(form) -> Draft:
    wording = form.suggested_wording.data if getattr(form, "suggested_wording", None) else ""
    return Draft(form.body.data or "", form.language.data or "", wording or "")


def render_thread(revision: Revision, clause: Clause, form, status: int = 200):
    sort = request.args.get("sort", DEFAULT_SORT)
    sort = sort if sort in SORTS else DEFAULT_SORT
    language = canonical_language(request.args.get("language"))
    page = request.args.get("page", 1, type=int)
    reader = current_user if current_user.is_authenticated else None
    window = window_state(revision)
    posting_closed = closed_reason(revision, window)
    overview = clause_overview(revision, clause.key)
    earlier = tuple(c for group in overview.earlier for c in group.comments)
    per_page = current_app.config["ITEMS_PER_PAGE"]
    context = dict(
        policy=revision.policy,
        revision=revision,
        clause=clause,
        headings=heading_numbers_by_revision(revision.policy, [revision])[revision.id],
        sort=sort,
        language=language,
        thread=thread(revision, clause.key, reader, sort, language, page, per_page, earlier),
        languages=thread_languages(revision, clause.key),
        window=window,
        overview=overview,
        later=later_thread(revision, clause),
        posting_closed=posting_closed,
        closed=conversation_closed(revision, clause.key, window, posting_closed),
        form=form if current_user.is_authenticated and posting_closed is None else None,
        reply_form=ReplyForm,
        confirm=ConfirmForm(),
        **page_context("thread", revision=revision, clause=clause),
    )
    return render_template("comments/thread.html", **context), status


@bp.get(THREAD)
def thread_page(slug: str, number: int, key: str):
    revision, clause = load_clause(slug, number, key)
    return render_thread(revision, clause, CommentForm(formdata=None))


@bp.post(THREAD)
@posting_limits
@login_required
def post(slug: str, number: int, key: str):
    revision, clause = load_clause(slug, number, key)
    form = CommentForm()
    if form.validate_on_submit():
        try:
            comment = post_comment(current_user, clause, draft_from(form))
        except CommentError as error:
            refuse(error, form)
        else:
            # Translators: Confirmation after a volunteer posts a comment.
            flash(_("Your comment is published."), "success")
            return redirect(comment_url(comment, revision))
    else:
        writable_or_403(revision)
    return render_thread(revision, clause, form, 422)


@bp.get("/comments/<int:comment_id>")
def show(comment_id: int):
    comment, revision = load_comment(comment_id)
    if not revision.is_published:
        abort(404)
    clause = db.session.get(Clause, comment.clause_id)
    replies = replies_to([comment])
    every_id = [comment.id] + [c.id for group in replies.values() for c in group]
    reader = current_user if current_user.is_authenticated else None
    return render_template(
        "comments/comment.html",
        comment=comment,
        revision=revision,
        policy=revision.policy,
        clause=clause,
        replies=replies,
        reply_form=ReplyForm,
        confirm=ConfirmForm(),
        closed=conversation_closed(revision, comment.clause_key),
        endorsed=ids_marked_by(reader, Endorsement, every_id),
        flagged=ids_marked_by(reader, Flag, every_id),
    )


@bp.route("/comments/<int:comment_id>/reply", methods=["GET", "POST"])
@posting_limits
@login_required
def reply_page(comment_id: int):
    parent, revision = load_comment(comment_id)
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            comment = reply(current_user, parent, draft_from(form))
        except CommentError as error:
            refuse(error, form)
        else:
            # Translators: Confirmation after a volunteer posts a reply.
            flash(_("Your reply is published."), "success")
            return redirect(back_to_page(comment, revision))
    else:
        joinable_or_403(parent)
    return compose("comments/reply.html", form, parent, revision)


def compose(template: str, form, comment: Comment, revision: Revision):
    page = render_template(
        template,
        form=form,
        comment=comment,
        revision=revision,
        policy=revision.policy,
        clause=db.session.get(Clause, comment.clause_id),
    )
    return page, 422 if form.errors or form.form_errors else 200


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@posting_limits
@login_required
def edit(comment_id: int):
    comment, revision = load_comment(comment_id)
    try:
        require_editable(current_user, comment)
    except CommentError as error:
        abort(403, message_of(error))
    form = CommentForm(obj=comment) if request.method == "GET" else CommentForm()
    if form.validate_on_submit():
        try:
            edit_comment(current_user, comment, draft_from(form))
        except CommentError as error:
            refuse(error, form)
        else:
            # Translators: Confirmation after a volunteer edits their comment.
            flash(_("Your comment is updated."), "success")
            return redirect(comment_url(comment, revision))
    return compose("comments/edit.html", form, comment, revision)


@bp.post("/comments/<int:comment_id>/delete")
@login_required
def delete(comment_id: int):
    comment, revision = load_comment(comment_id)
    if ConfirmForm().validate_on_submit():
        try:
            delete_comment(current_user, comment)
        except CommentError as error:
            abort(403, message_of(error))
        # Translators: Confirmation after a volunteer deletes their comment; a placeholder stays in the thread.
        flash(_("Your comment is deleted. The thread shows that a comment was here."), "info")
    return redirect(comment_url(comment, revision))


@bp.post("/comments/<int:comment_id>/endorse")
@endorsing_limits
@login_required
def endorse(comment_id: int):
    comment, revision = load_comment(comment_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        endorsed = toggle_endorsement(current_user, comment)
    except CommentError as error:
        abort(403, message_of(error))
    message = (
        # Translators: Confirmation after a volunteer endorses (supports) a comment.
        _("You endorse this comment.")
        if endorsed
        # Translators: Confirmation after a volunteer withdraws their endorsement of a comment.
        else _("Endorsement withdrawn.")
    )
    flash(message, "success")
    return redirect(back_to_page(comment, revision))


@bp.route("/comments/<int:comment_id>/flag", methods=["GET", "POST"])
@flagging_limits
@login_required
def flag(comment_id: int):
    comment, revision = load_comment(comment_id)
    try:
        require_flaggable(current_user, comment)
    except CommentError as error:
        abort(403, message_of(error))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            flag_comment(current_user, comment, form.reason.data)
        except CommentError as error:
            refuse(error, form)
        else:
            # Translators: Confirmation after a volunteer flags a comment to the moderators; thanks them.
            flash(_("Thank you. A moderator will look at this comment."), "success")
            return redirect(comment_url(comment, revision))
    return compose("comments/flag.html", form, comment, revision)
