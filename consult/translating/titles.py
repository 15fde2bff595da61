"""A revision's title in other languages: current while the source title reads the same."""

import sqlalchemy as sa

from consult.accounts.models import User
from consult.audit.services import record
from consult.extensions import db
from consult.policies.models import Revision
from consult.translating.errors import TranslationCode, TranslationError
from consult.translating.models import TitleTranslation
from consult.translating.services import require_translatable, require_translator
from consult.types import utcnow


def find_title(revision: Revision, language: str) -> TitleTranslation | None:
    return db.session.scalar(
        sa.select(TitleTranslation).where(
            TitleTranslation.revision_id == revision.id, TitleTranslation.language == language
        )
    )


def current_title(revision: Revision, language: str) -> TitleTranslation | None:
    found = find_title(revision, language)
    return found if found is not None and found.is_current_for(revision.title) else None


def write_title(
    actor: User | None, revision: Revision, language: str, title: str
) -> TitleTranslation | None:
    """Store the title; None when it was already there and current."""
    title = " ".join(title.split())[:300]
    found = find_title(revision, language)
    if found is not None and found.title == title and found.is_current_for(revision.title):
        return None
    found = found or TitleTranslation(revision_id=revision.id, language=language)
    found.title, found.source_title = title, revision.title
    found.translator, found.translated_at = actor, utcnow()
    db.session.add(found)
    return found


def save_title(
    actor: User, revision: Revision, language: str, title: str
) -> TitleTranslation | None:
    require_translator(actor, language)
    require_translatable(revision, language)
    if not title.strip():
        raise TranslationError(TranslationCode.TRANSLATION_EMPTY)
    saved = write_title(actor, revision, language, title)
    db.session.flush()
    if saved is not None:
        record(
            actor,
            "translation.title_saved",
            revision,
            f"{revision.policy.slug} #{revision.number} [{language}]",
            language=language,
        )
    return saved


def carry_over_titles(base: Revision, revision: Revision) -> None:
    rows = db.session.scalars(
        sa.select(TitleTranslation).where(TitleTranslation.revision_id == base.id)
    )
    db.session.add_all(
        [
            TitleTranslation(
                revision_id=revision.id,
                language=row.language,
                title=row.title,
                source_title=row.source_title,
                translator_id=row.translator_id,
                translated_at=row.translated_at,
            )
            for row in rows
        ]
    )
