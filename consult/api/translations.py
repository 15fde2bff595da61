"""JSON of a revision's translations: progress per language, and one language's clauses."""

from flask import abort, jsonify
from flask_login import current_user

from consult.api.views import bp, load_revision
from consult.errors import message_of
from consult.translating import presenter
from consult.translating.errors import TranslationError
from consult.translating.services import language_tag

TRANSLATIONS = "/policies/<slug>/revisions/<int:number>/translations"


@bp.get(TRANSLATIONS)
def translation_progress(slug: str, number: int):
    revision = load_revision(slug, number)
    return jsonify(presenter.progress_json(revision, current_user))


@bp.get(TRANSLATIONS + "/<language>")
def translation(slug: str, number: int, language: str):
    revision = load_revision(slug, number)
    try:
        language = language_tag(language)
    except TranslationError as error:
        abort(404, message_of(error))
    return jsonify(presenter.translation_json(revision, language))
