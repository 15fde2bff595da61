"""Translating a revision's title."""

from flask import flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from consult.errors import message_of
from consult.policies.errors import PolicyError
from consult.policies.loading import policy_revision_or_404
from consult.translating.forms import TitleForm
from consult.translating.titles import find_title, save_title
from consult.translating.views import (
    BASE,
    bp,
    load_language,
    require_language_writer,
    workspace_url,
)


@bp.route(BASE + "/<language>/title", methods=["GET", "POST"])
@login_required
def edit_title(slug: str, number: int, language: str):
    policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    require_language_writer(language)
    existing = find_title(revision, language)
    form = TitleForm(obj=existing)
    if form.validate_on_submit():
        try:
            save_title(current_user, revision, language, form.title.data)
        except PolicyError as error:
            form.title.errors.append(message_of(error))
        else:
            # Translators: Confirmation after a translator saves a policy title.
            flash(_("Title saved."), "success")
            return redirect(workspace_url(revision, language))
    current = existing is not None and existing.is_current_for(revision.title)
    return render_template(
        "translating/title.html",
        policy=policy,
        revision=revision,
        language=language,
        form=form,
        existing=existing,
        current=current,
    ), 422 if form.errors else 200
