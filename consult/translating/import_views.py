"""Importing a whole translated document: upload, then — when the headings differ from the
source's — a review of the differences or a pairing step, then the import.

Nothing is stored before the person confirms: the uploaded text travels back in a hidden
field of the (CSRF-protected) confirmation form, and is checked again as if uploaded anew.
"""

from flask import current_app, flash, redirect, render_template, request
from flask_babel import format_number, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required

from consult.drafting.importing import decode_markdown
from consult.errors import message_of
from consult.policies.errors import PolicyError
from consult.policies.loading import policy_revision_or_404
from consult.policies.models import Revision
from consult.translating.errors import TranslationError
from consult.translating.forms import TranslationConfirmForm, TranslationImportForm
from consult.translating.importing import (
    ImportPlan,
    Matching,
    TranslationImport,
    import_translation,
    plan_import,
)
from consult.translating.messages import error_lines
from consult.translating.views import (
    BASE,
    bp,
    load_language,
    require_language_writer,
    workspace_url,
)
from drafts import StructureErrorCode, StructureFit

MAPPING_FIELD = "heading-{}"


def writable_revision(slug: str, number: int, language: str) -> tuple[Revision, str]:
    _policy, revision = policy_revision_or_404(slug, number)
    language = load_language(revision, language)
    require_language_writer(language)
    return revision, language


@bp.route(BASE + "/<language>/import", methods=["GET", "POST"])
@login_required
def import_document(slug: str, number: int, language: str):
    revision, language = writable_revision(slug, number, language)
    form = TranslationImportForm()
    if not form.validate_on_submit():
        return upload_page(revision, language, form, status=422 if form.errors else 200)
    try:
        text = decode_markdown(form.document.data.read(), current_app.config["MAX_IMPORT_BYTES"])
        plan = plan_import(revision, language, text)
        if plan.report.fit is not StructureFit.EXACT:
            return review_page(revision, language, plan, TranslationConfirmForm(document_text=text))
        result = import_translation(current_user, revision, language, text)
    except PolicyError as error:
        return upload_page(revision, language, form, error, 422)
    return imported(result)


@bp.post(BASE + "/<language>/import/confirm")
@login_required
def import_confirm(slug: str, number: int, language: str):
    """The import a person confirmed after reviewing level differences or pairing headings."""
    revision, language = writable_revision(slug, number, language)
    form = TranslationConfirmForm()
    if not form.validate_on_submit():
        # Only a tampered or truncated request loses the hidden text.
        lost = [
            # Translators: Error when the document to import was lost before confirmation. Read by translators.
            _(
                "The document to import did not come back with your confirmation: choose the file again."
            )
        ]
        return upload_page(revision, language, TranslationImportForm(), lines=lost, status=422)
    text = form.document_text.data
    try:
        decode_markdown(text.encode("utf-8"), current_app.config["MAX_IMPORT_BYTES"])
        plan = plan_import(revision, language, text)
    except PolicyError as error:
        return upload_page(revision, language, TranslationImportForm(), error, 422)
    try:
        result = confirmed_import(revision, language, text, plan)
    except TranslationError as error:
        return review_page(revision, language, plan, form, error, 422)
    return imported(result)


def confirmed_import(
    revision: Revision, language: str, text: str, plan: ImportPlan
) -> TranslationImport:
    if plan.report.fit is not StructureFit.COUNTS_DIFFER:
        return import_translation(current_user, revision, language, text, Matching.BY_ORDER)
    keys = chosen_keys(len(plan.report.found))
    return import_translation(current_user, revision, language, text, Matching.MAPPED, keys)


def chosen_keys(count: int) -> list[str]:
    """The clause key chosen for each heading ("" to skip it); every heading needs a choice."""
    keys = [request.form.get(MAPPING_FIELD.format(position)) for position in range(count)]
    missing = next((position for position, key in enumerate(keys) if key is None), None)
    if missing is not None:
        raise TranslationError(StructureErrorCode.MAPPING_INVALID, position=missing)
    return [key or "" for key in keys]


def imported(result: TranslationImport):
    flash(
        " ".join(
            (
                # Translators: Confirmation after a translator imports a translated document; %(count)s is how many clauses got a new translation. Followed by the count of clauses already up to date.
                ngettext(
                    "%(count)s clause translated.",
                    "%(count)s clauses translated.",
                    result.saved,
                    count=format_number(result.saved),
                ),
                # Translators: Second sentence of the confirmation after a translator imports a translated document; %(count)s is how many clauses already had that translation.
                ngettext(
                    "%(count)s clause already up to date.",
                    "%(count)s clauses already up to date.",
                    result.unchanged,
                    count=format_number(result.unchanged),
                ),
            )
        ),
        "success",
    )
    return redirect(workspace_url(result.revision, result.language))


def upload_page(
    revision: Revision,
    language: str,
    form: TranslationImportForm,
    error: PolicyError | None = None,
    status: int = 200,
    lines: list[str] | None = None,
):
    """The upload form, with why the last file (or confirmation) was refused."""
    return render_template(
        "translating/import.html",
        policy=revision.policy,
        revision=revision,
        language=language,
        form=form,
        error_lines=error_lines(error) if error else (lines or []),
    ), status


def selected_keys(plan: ImportPlan, revision: Revision) -> list[str]:
    """What each heading's select shows: the person's last choice, else the guess."""
    keys = [clause.key for clause in revision.clauses]
    guessed = ["" if index is None else keys[index] for index in plan.report.guess]
    if request.method != "POST" or MAPPING_FIELD.format(0) not in request.form:
        return guessed
    return [
        request.form.get(MAPPING_FIELD.format(position), guess)
        for position, guess in enumerate(guessed)
    ]


def review_page(
    revision: Revision,
    language: str,
    plan: ImportPlan,
    form: TranslationConfirmForm,
    error: TranslationError | None = None,
    status: int = 200,
):
    return render_template(
        "translating/import_review.html",
        policy=revision.policy,
        revision=revision,
        language=language,
        form=form,
        report=plan.report,
        mapping_field=MAPPING_FIELD,
        selected=selected_keys(plan, revision),
        error=message_of(error) if error else None,
    ), status
