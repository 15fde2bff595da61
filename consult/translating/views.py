"""Translator workspace, progress, reading in a language and its JSON."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from consult.errors import message_of
from consult.permissions import is_staff
from consult.policies.errors import PolicyError, StaleEdit
from consult.policies.loading import clause_or_404, policy_revision_or_404
from consult.policies.models import Clause, Policy, Revision
from consult.policies.numbering import HeadingNumbers
from consult.policies.services import revisions_of
from consult.redline.presenter import (
    ChangeSteps,
    ComparedHeadings,
    render_tools,
    requested_mode,
    unchanged_open,
)
from consult.translating import presenter
from consult.translating.errors import NotAllowed, TranslationError
from consult.translating.forms import ReviewForm, TranslationForm
from consult.translating.reading import Reading, compare_in, reading_of, requested_language
from consult.translating.services import (
    can_translate,
    find_translation,
    language_tag,
    next_needing_work,
    require_translatable,
    require_translator,
    review_translation,
    revision_statuses,
    save_translation,
)
from consult.translating.titles import find_title

bp = Blueprint("translating", __name__, template_folder="templates")
BASE = "/policies/<slug>/revisions/<int:number>/translations"


def load_language(revision: Revision, raw: str) -> str:
    """A translatable language of a published revision, or 404."""
    try:
        language = language_tag(raw)
        require_translatable(revision, language)
    except TranslationError as error:
        abort(404, message_of(error))
    return language


def reading_for(revision: Revision) -> Reading:
    """The revision as read in `?lang=`, or else in the interface language when it is
    translated into it; an unknown tag is a 404."""
    asked = request.args.get("lang")
    try:
        return reading_of(revision, requested_language(revision, asked, str(get_locale())))
    except TranslationError as error:
        abort(404, message_of(error))


def revision_page_context(policy: Policy, revision: Revision) -> dict:
    return {"reading": reading_for(revision)}


def thread_page_context(revision: Revision, clause: Clause) -> dict:
    reading = reading_for(revision)
    return {"reading": reading, "clause_text": reading.text_for(clause)}


def require_language_writer(language: str) -> None:
    try:
        require_translator(current_user, language)
    except NotAllowed as error:
        abort(403, message_of(error))


def workspace_url(revision: Revision, language: str, **anchor) -> str:
    return url_for(
        "translating.workspace",
        slug=revision.policy.slug,
        number=revision.number,
        language=language,
        **anchor,
    )


def editor_url(revision: Revision, language: str, key: str) -> str:
    return url_for(
        "translating.edit",
        slug=revision.policy.slug,
        number=revision.number,
        language=language,
        key=key,
    )


@bp.get(BASE)
def dashboard(slug: str, number: int):
    policy, revision = policy_revision_or_404(slug, number)
    return render_template(
        "translating/dashboard.html",
        policy=policy,
        revision=revision,
        rows=presenter.dashboard_rows(revision, current_user),
    )


@bp.get(BASE + "/<language>")
def workspace(slug: str, number: int, language: str):
    policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    statuses = revision_statuses(revision, language)
    title = find_title(revision, language)
    return render_template(
        "translating/workspace.html",
        policy=policy,
        revision=revision,
        language=language,
        statuses=statuses,
        headings=HeadingNumbers.of(revision),
        progress=presenter.progress_of(statuses),
        next_key=next_needing_work(statuses),
        can_write=can_translate(current_user, language),
        title=title,
        title_current=title is not None and title.is_current_for(revision.title),
    )


@bp.get(BASE + "/<language>/next")
def next_clause(slug: str, number: int, language: str):
    """The next missing or outdated clause after `after`; the workspace when none is left."""
    _policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    key = next_needing_work(revision_statuses(revision, language), request.args.get("after"))
    if key is None:
        # Translators: Message when every clause of a revision is translated and current. Read by translators.
        flash(_("Every clause is translated and current in this language."), "success")
        return redirect(workspace_url(revision, language))
    return redirect(editor_url(revision, language, key))


@bp.route(BASE + "/<language>/clauses/<key>", methods=["GET", "POST"])
@login_required
def edit(slug: str, number: int, language: str, key: str):
    _policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    require_language_writer(language)
    clause = clause_or_404(revision, key)
    translation = find_translation(clause, language)
    form = TranslationForm(obj=translation, version=translation.version if translation else 0)
    if not form.validate_on_submit():
        return render_editor(revision, language, clause, form, 422 if form.errors else 200)
    return save(revision, language, clause, form)


def save(revision: Revision, language: str, clause: Clause, form: TranslationForm):
    try:
        save_translation(
            current_user,
            clause,
            language,
            form.heading.data or "",
            form.body.data or "",
            seen_version(form),
        )
    except StaleEdit as error:
        return render_editor(revision, language, clause, form, 409, message_of(error))
    except PolicyError as error:
        return render_editor(revision, language, clause, form, 422, message_of(error))
    # Translators: Confirmation after a translator saves a clause.
    flash(_("Translation saved."), "success")
    return redirect(
        url_for(
            "translating.next_clause",
            slug=revision.policy.slug,
            number=revision.number,
            language=language,
            after=clause.key,
        )
    )


def seen_version(form: TranslationForm) -> int:
    # A tampered version can only make the save stale, never crash it.
    value = str(form.version.data or "0")
    return int(value) if value.isdigit() else -1


def render_editor(
    revision: Revision,
    language: str,
    clause: Clause,
    form: TranslationForm,
    status: int,
    error: str | None = None,
):
    context = presenter.editor_context(revision, language, clause, current_user)
    return render_template(
        "translating/editor.html",
        form=form,
        error=error,
        review_form=ReviewForm(),
        **context,
        **render_tools(),
    ), status


@bp.post(BASE + "/<language>/clauses/<key>/review")
@login_required
def review(slug: str, number: int, language: str, key: str):
    _policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    require_language_writer(language)
    translation = find_translation(clause_or_404(revision, key), language)
    if translation is None or not ReviewForm().validate_on_submit():
        abort(404 if translation is None else 400)
    try:
        review_translation(current_user, translation)
    except NotAllowed as error:
        abort(403, message_of(error))
    except PolicyError as error:
        abort(409, message_of(error))
    # Translators: Confirmation after a translator marks a translation as reviewed.
    flash(_("Marked as reviewed."), "success")
    return redirect(editor_url(revision, language, key))


@bp.get("/policies/<slug>/compare/<int:old>/<int:new>/in/<language>")
def compare(slug: str, old: int, new: int, language: str):
    """The redline of a translation between two revisions, as its readers see them."""
    policy, old_revision = policy_revision_or_404(slug, old)
    _policy, new_revision = policy_revision_or_404(slug, new)
    try:
        compared, clause_languages = compare_in(old_revision, new_revision, language_tag(language))
    except TranslationError as error:
        abort(404, message_of(error))
    numbering = ComparedHeadings(HeadingNumbers.of(old_revision), HeadingNumbers.of(new_revision))
    comparison = numbering.shown(compared)
    mode = requested_mode()
    return render_template(
        "translating/compare.html",
        policy=policy,
        old=old_revision,
        new=new_revision,
        language=language_tag(language),
        mode=mode,
        comparison=comparison,
        numbering=numbering,
        change_steps=ChangeSteps(comparison),
        unchanged_open=unchanged_open(),
        clause_languages=clause_languages,
        revisions=revisions_of(policy, is_staff()),
        **render_tools(),
    )
