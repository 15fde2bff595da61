"""Staff set a policy's consultation window (or one revision's own)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.comments.errors import CommentError
from consult.comments.forms import WindowForm
from consult.comments.views import bp
from consult.comments.window import clear_revision_window, set_window, stored_window
from consult.errors import message_of
from consult.permissions import staff_required
from consult.policies.loading import policy_or_404
from consult.policies.models import Policy, Revision
from consult.policies.services import revisions_of


def revision_choices(revisions: list[Revision]) -> list[tuple[str, str]]:
    # Translators: Option on the consultation window form: the window applies to the policy's latest published revision. Read by policy staff.
    choices = [("", _("The policy (its latest published revision)"))]
    return choices + [
        # Translators: Option on the consultation window form: the window applies to one revision; %(number)s is the revision number. Read by policy staff.
        (str(r.number), _("Revision %(number)s only", number=r.number))
        for r in revisions
    ]


def chosen_revision(form: WindowForm, revisions: list[Revision]) -> Revision | None:
    by_number = {str(r.number): r for r in revisions}
    return by_number.get(form.revision.data or "")


def save(policy: Policy, revision: Revision | None, form: WindowForm) -> None:
    opens_at, closes_at = form.instants()
    if revision is not None and opens_at is None and closes_at is None:
        # An empty window for one revision removes its override: the policy's applies again.
        clear_revision_window(current_user, policy, revision)
    else:
        set_window(current_user, policy, revision, opens_at, closes_at)


@bp.route("/policies/<slug>/consultation", methods=["GET", "POST"])
@staff_required
def window(slug: str):
    policy = policy_or_404(slug)
    revisions = revisions_of(policy, include_drafts=False)
    form = WindowForm()
    form.revision.choices = revision_choices(revisions)
    if form.validate_on_submit():
        try:
            save(policy, chosen_revision(form, revisions), form)
        except CommentError as error:
            form.form_errors.append(message_of(error))
        else:
            # Translators: Confirmation after staff save a consultation window.
            flash(_("The consultation window is saved."), "success")
            return redirect(url_for("policies.policy", slug=policy.slug))
    elif not form.is_submitted():
        current = stored_window(policy, None)
        form.show(current.opens_at if current else None, current.closes_at if current else None)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("comments/window.html", form=form, policy=policy), status
