"""Staff drafting: create a policy, import, fork, edit, publish, delete."""

from typing import NoReturn

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_number, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from consult.drafting import editing
from consult.drafting.forms import (
    AddClauseForm,
    ClauseForm,
    ConfirmForm,
    HeadingNumbersForm,
    ImportForm,
    PolicyForm,
    PublishForm,
    StructureForm,
)
from consult.drafting.importing import ImportOptions, decode_markdown, import_document, parse
from consult.drafting.services import delete_draft, fork_draft, publish
from consult.errors import message_of
from consult.permissions import is_staff, staff_required
from consult.policies.errors import PolicyError, RevisionLocked, StaleEdit
from consult.policies.loading import clause_or_404, policy_or_404, policy_revision_or_404
from consult.policies.models import Clause, Policy, Revision
from consult.policies.services import create_policy, current_draft, set_heading_numbers
from consult.redline.presenter import redline_context

bp = Blueprint("drafting", __name__, template_folder="templates")


def load_draft(slug: str, number: int) -> Revision:
    """The draft to change; a published revision is refused (409), whatever the route."""
    _policy, revision = policy_revision_or_404(slug, number)
    if not revision.is_draft:
        refuse_published()
    return revision


def revision_page_context(policy: Policy, revision: Revision) -> dict:
    """What the policy page's staff actions need: the policy's open draft, for staff."""
    return {"draft": current_draft(policy) if is_staff() else None}


def refuse_published() -> NoReturn:
    # Also when it was published by someone else after this request loaded it as a
    # draft: the flush guard refuses, and the page must not be rendered from that state.
    abort(
        409,
        # Translators: Error when staff try to edit a published revision.
        _("This revision is published. Published text never changes: start a new draft instead."),
    )


def editor_url(revision: Revision, **anchor) -> str:
    return url_for(
        "drafting.edit_draft", slug=revision.policy.slug, number=revision.number, **anchor
    )


@bp.route("/policies/new", methods=["GET", "POST"])
@staff_required
def new_policy():
    form = PolicyForm()
    if form.validate_on_submit():
        try:
            policy = create_policy(
                current_user,
                form.slug.data,
                form.title.data,
                form.source_language.data.strip(),
                form.summary.data or "",
            )
        except PolicyError as error:
            form.slug.errors.append(message_of(error))
            return render_template("drafting/new_policy.html", form=form), 422
        # Translators: Confirmation after staff create a policy.
        flash(_("Policy created. Import a document or write the first draft."), "success")
        return redirect(url_for("drafting.import_revision", slug=policy.slug))
    return render_template("drafting/new_policy.html", form=form), 422 if form.errors else 200


@bp.route("/policies/<slug>/numbering", methods=["GET", "POST"])
@staff_required
def heading_numbers(slug: str):
    policy = policy_or_404(slug)
    form = HeadingNumbersForm(heading_numbers=policy.heading_numbers)
    if form.validate_on_submit():
        set_heading_numbers(current_user, policy, form.heading_numbers.data)
        # Translators: Confirmation after staff save the heading numbering setting.
        flash(_("Heading numbers saved."), "success")
        return redirect(url_for("policies.policy", slug=slug))
    status = 422 if form.errors else 200
    return render_template("drafting/heading_numbers.html", policy=policy, form=form), status


@bp.route("/policies/<slug>/import", methods=["GET", "POST"])
@staff_required
def import_revision(slug: str):
    policy = policy_or_404(slug)
    form = ImportForm()
    if form.validate_on_submit():
        options = ImportOptions(
            title=form.title.data or None,
            change_summary=form.change_summary.data or "",
            publish=form.publish.data,
        )
        try:
            text = decode_markdown(
                form.document.data.read(), current_app.config["MAX_IMPORT_BYTES"]
            )
            revision = import_document(current_user, policy, parse(text), options)
        except PolicyError as error:
            form.document.errors.append(message_of(error))
            return render_template("drafting/import.html", policy=policy, form=form), 422
        flash(
            # Translators: Confirmation after staff import a document; %(count)s is the number of clauses, %(number)s the new revision's number. The plural follows %(count)s.
            ngettext(
                "Imported %(count)s clause as revision %(number)s.",
                "Imported %(count)s clauses as revision %(number)s.",
                len(revision.clauses),
                count=format_number(len(revision.clauses)),
                number=revision.number,
            ),
            "success",
        )
        return redirect(url_for("policies.revision", slug=slug, number=revision.number))
    status = 422 if form.errors else 200
    return render_template("drafting/import.html", policy=policy, form=form), status


@bp.post("/policies/<slug>/drafts")
@staff_required
def fork(slug: str):
    policy = policy_or_404(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        revision = fork_draft(current_user, policy)
    except PolicyError as error:
        return render_template("error.html", code=409, message=message_of(error)), 409
    # Translators: Confirmation after staff start a new draft.
    flash(_("New draft started from the latest revision."), "success")
    return redirect(editor_url(revision))


@bp.get("/policies/<slug>/revisions/<int:number>/edit")
@staff_required
def edit_draft(slug: str, number: int):
    return render_editor(load_draft(slug, number))


def render_editor(revision: Revision, error: str | None = None, status: int = 200):
    return render_template(
        "drafting/editor.html",
        revision=revision,
        policy=revision.policy,
        form=StructureForm(structure_version=revision.structure_version),
        add_form=AddClauseForm(structure_version=revision.structure_version),
        error=error,
    ), status


@bp.route("/policies/<slug>/revisions/<int:number>/clauses/<key>/edit", methods=["GET", "POST"])
@staff_required
def edit_clause(slug: str, number: int, key: str):
    revision = load_draft(slug, number)
    clause = clause_or_404(revision, key)
    form = ClauseForm(obj=clause)
    if not form.validate_on_submit():
        return clause_form(revision, clause, form)
    text = editing.ClauseText(form.heading.data or "", form.level.data, form.body.data or "")
    try:
        editing.edit_clause(current_user, revision, key, form.version.data, text)
    except RevisionLocked:
        refuse_published()
    except StaleEdit:
        return render_template(
            "drafting/conflict.html",
            revision=revision,
            clause=clause_or_404(revision, key),
            mine=text,
            form=form,
        ), 409
    except PolicyError as error:
        form.heading.errors.append(message_of(error))
        return clause_form(revision, clause, form)
    # Translators: Confirmation after staff save a clause.
    flash(_("Clause saved."), "success")
    return redirect(editor_url(revision, _anchor=f"clause-{key}"))


def clause_form(revision: Revision, clause: Clause, form: ClauseForm):
    """The clause form again: 422 with its errors after a refused save (400 when the hidden
    version, which no person types, is missing or not a number)."""
    if form.version.errors:
        abort(400)
    page = render_template("drafting/clause.html", revision=revision, clause=clause, form=form)
    return page, 422 if form.errors else 200


@bp.post("/policies/<slug>/revisions/<int:number>/clauses")
@staff_required
def add_clause(slug: str, number: int):
    revision = load_draft(slug, number)
    form = AddClauseForm()
    if not form.validate_on_submit():
        # Translators: Form error when staff add an empty clause.
        return render_editor(revision, _("Please fill in the new clause."), 422)
    text = editing.ClauseText(form.heading.data or "", form.level.data, form.body.data or "")
    return structural_edit(
        revision,
        lambda: editing.add_clause(
            current_user, revision, form.structure_version.data, form.after.data or None, text
        ),
    )


@bp.post("/policies/<slug>/revisions/<int:number>/clauses/<key>/delete")
@staff_required
def delete_clause(slug: str, number: int, key: str):
    revision = load_draft(slug, number)
    form = StructureForm()
    if not form.validate_on_submit():
        abort(400)
    return structural_edit(
        revision,
        lambda: editing.delete_clause(current_user, revision, form.structure_version.data, key),
    )


@bp.post("/policies/<slug>/revisions/<int:number>/clauses/<key>/move")
@staff_required
def move_clause(slug: str, number: int, key: str):
    revision = load_draft(slug, number)
    form = StructureForm()
    offset = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if not form.validate_on_submit() or offset is None:
        abort(400)
    return structural_edit(
        revision,
        lambda: editing.move_clause(
            current_user, revision, form.structure_version.data, key, offset
        ),
    )


def structural_edit(revision: Revision, change):
    try:
        change()
    except RevisionLocked:
        refuse_published()
    except StaleEdit as error:
        return render_editor(revision, message_of(error), 409)
    except PolicyError as error:
        return render_editor(revision, message_of(error), 422)
    return redirect(editor_url(revision))


@bp.route("/policies/<slug>/revisions/<int:number>/publish", methods=["GET", "POST"])
@staff_required
def publish_draft(slug: str, number: int):
    revision = load_draft(slug, number)
    form = publish_form(revision)
    if form.validate_on_submit():
        try:
            publish(
                current_user,
                revision,
                form.change_summary.data,
                minor_keys=set(request.form.getlist("minor")),
            )
        except RevisionLocked:
            refuse_published()
        except PolicyError as error:
            form.change_summary.errors.append(message_of(error))
            return publish_page(revision, form, 422)
        # Translators: Confirmation after publishing; %(number)d is the revision number. Read by policy staff.
        flash(_("Revision %(number)d is published.", number=revision.number), "success")
        return redirect(url_for("policies.revision", slug=slug, number=number))
    return publish_page(revision, form, 422 if form.errors else 200)


def publish_form(revision: Revision) -> PublishForm:
    """Offered the summary typed at import; a submitted form keeps what was sent."""
    if request.method == "POST":
        return PublishForm()
    return PublishForm(change_summary=revision.proposed_summary or None)


def publish_page(revision: Revision, form: PublishForm, status: int):
    """The publish form, with the redline of the draft against its base revision."""
    base = revision.base_revision
    context = redline_context(revision.policy, base, revision, "inline") if base else {}
    return render_template(
        "drafting/publish.html", **{**context, "revision": revision, "form": form}
    ), status


@bp.post("/policies/<slug>/revisions/<int:number>/delete")
@staff_required
def delete_revision(slug: str, number: int):
    revision = load_draft(slug, number)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        delete_draft(current_user, revision)
    except PolicyError as error:
        return render_template("error.html", code=409, message=message_of(error)), 409
    # Translators: Confirmation after staff delete a draft.
    flash(_("Draft deleted."), "success")
    return redirect(
        url_for("policies.policy", slug=slug) if revision.number > 1 else url_for("policies.home")
    )
