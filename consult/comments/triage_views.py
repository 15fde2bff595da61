"""Staff triage pages: every comment of a policy, filtered, with changes for many at once;
and one comment's disposition, response, assignee and internal note."""

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from consult.accounts.models import User
from consult.accounts.redirects import local_path
from consult.audit.services import events_about
from consult.comments.errors import CommentCode, CommentError
from consult.comments.facets import page_details
from consult.comments.forms import BulkForm, TriageForm
from consult.comments.models import Comment, Disposition
from consult.comments.sieve import (
    SORTS,
    TriageFilters,
    conditions,
    matching_count,
    matching_ids,
    page_query,
    staff_accounts,
)
from consult.comments.tallies import tallies_of
from consult.comments.threads import FOR_DISPLAY
from consult.comments.triage import Changes, Decision, annotate, apply, triage_record
from consult.comments.views import bp, load_comment
from consult.errors import message_of
from consult.extensions import db
from consult.permissions import staff_required
from consult.policies.loading import policy_or_404
from consult.policies.models import Clause, Policy

TRIAGE = "/policies/<slug>/triage"


def choices_of(staff: list[User]) -> list[tuple[str, str]]:
    return [(str(user.id), user.display_name) for user in staff]


def fresh_form(filters: TriageFilters, staff: list[User]) -> BulkForm:
    form = BulkForm(formdata=None, assignees=choices_of(staff))
    if filters.group is not None:
        # Similar comments are read and decided as one: the whole group is the default.
        form.scope.data = "matching"
    return form


def render_triage(policy: Policy, filters: TriageFilters, staff: list[User], form=None, status=200):
    tallies = tallies_of(policy, filters, staff)
    page = db.paginate(
        page_query(policy, filters, FOR_DISPLAY),
        page=request.args.get("page", 1, type=int),
        per_page=current_app.config["ITEMS_PER_PAGE"],
        error_out=False,
        count=False,
    )
    page.total = tallies.matching
    form = form or fresh_form(filters, staff)
    # Translators: Label of the bulk change option for every filtered comment; %(num)d is the number of matching comments. Read by policy staff.
    matching = ngettext(
        "The %(num)d comment matching the filters",
        "All %(num)d comments matching the filters",
        page.total,
    )
    form.scope.choices = [form.scope.choices[0], SelectChoice("matching", matching)]
    form.expected.data = str(page.total)
    context = dict(
        policy=policy,
        filters=filters,
        facets=tallies.facets,
        page=page,
        details=page_details(list(page.items)),
        form=form,
        sorts=SORTS,
    )
    return render_template("comments/triage.html", **context), status


@bp.get(TRIAGE)
@staff_required
def triage(slug: str):
    policy = policy_or_404(slug)
    return render_triage(policy, TriageFilters.from_args(request.args), staff_accounts())


def ticked(policy: Policy) -> sa.Select:
    ids = [int(value) for value in request.form.getlist("comment") if value.isdigit()]
    every = TriageFilters(replies=True)
    return sa.select(Comment.id).where(Comment.id.in_(ids), *conditions(policy, every))


def selection_of(policy: Policy, filters: TriageFilters, form: BulkForm) -> sa.Select:
    """The ticked comments, or every one matching the filters if there are still as many as
    the page showed (a comment posted meanwhile is not changed unseen)."""
    if form.scope.data != "matching":
        return ticked(policy)
    count, expected = matching_count(policy, filters), form.expected.data
    if str(count) != expected:
        raise CommentError(CommentCode.SELECTION_CHANGED, count=count, expected=expected)
    return matching_ids(policy, filters)


def staff_member(value: str, staff: list[User]) -> User | None:
    """The account a form's assignee choice names (the choices are only staff); None for
    nobody."""
    return next((user for user in staff if str(user.id) == value), None)


def bulk_changes(form: BulkForm, staff: list[User]) -> Changes:
    decision = None
    if form.disposition.data:
        decision = Decision(Disposition(form.disposition.data), form.original.data)
    assignee = staff_member(form.assignee.data, staff)
    response = (form.response.data or "").strip() or None
    return Changes(decision, bool(form.assignee.data), assignee, response)


@bp.post(TRIAGE)
@staff_required
def triage_bulk(slug: str):
    policy = policy_or_404(slug)
    filters, staff = TriageFilters.from_args(request.args), staff_accounts()
    form = BulkForm(assignees=choices_of(staff))
    if form.validate_on_submit():
        try:
            made = apply(
                current_user, policy, selection_of(policy, filters, form), bulk_changes(form, staff)
            )
        except CommentError as error:
            form.form_errors.append(message_of(error))
            return render_triage(policy, filters, staff, form, error.status)
        # Translators: Confirmation after a staff bulk change; %(num)d is the number of comments changed.
        flash(ngettext("%(num)d change saved.", "%(num)d changes saved.", made), "success")
        return redirect(url_for("comments.triage", slug=policy.slug, **filters.query_args()))
    return render_triage(policy, filters, staff, form, 422)


def comment_form(comment: Comment, staff: list[User]) -> TriageForm:
    if request.method == "POST":
        return TriageForm(assignees=choices_of(staff))
    record = triage_record(comment)
    form = TriageForm(formdata=None, assignees=choices_of(staff))
    form.disposition.data = str(comment.disposition or Disposition.OPEN)
    form.original.data = comment.duplicate_of_id
    form.response.data = comment.response or ""
    form.assignee.data = str(record.assignee_id) if record and record.assignee_id else ""
    form.note.data = record.note if record else ""
    return form


def save_comment_triage(comment: Comment, form: TriageForm, staff: list[User]) -> int:
    revision_policy = comment.revision.policy
    changes = Changes(
        Decision(Disposition(form.disposition.data), form.original.data),
        assign=True,
        assignee=staff_member(form.assignee.data, staff),
        response=form.response.data or "",
    )
    selection = sa.select(Comment.id).where(Comment.id == comment.id)
    made = apply(current_user, revision_policy, selection, changes)
    return made + annotate(current_user, comment, form.note.data)


@bp.route("/comments/<int:comment_id>/triage", methods=["GET", "POST"])
@staff_required
def triage_comment(comment_id: int):
    comment, revision = load_comment(comment_id)
    staff = staff_accounts()
    form = comment_form(comment, staff)
    if form.validate_on_submit():
        try:
            made = save_comment_triage(comment, form, staff)
        except CommentError as error:
            form.form_errors.append(message_of(error))
        else:
            # Translators: Short confirmation after staff save a comment's triage.
            flash(_("Saved.") if made else _("Nothing changed."), "success" if made else "info")
            back = local_path(request.args.get("next"))
            return redirect(back or url_for("comments.triage_comment", comment_id=comment_id))
    page = render_template(
        "comments/triage_comment.html",
        comment=comment,
        revision=revision,
        policy=revision.policy,
        clause=db.session.get(Clause, comment.clause_id),
        form=form,
        events=events_about(comment),
    )
    return page, 422 if form.errors or form.form_errors else 200
