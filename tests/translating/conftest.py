"""Translators and translations for the translation tests."""

import pytest
import sqlalchemy as sa

from consult.accounts.models import Role
from consult.extensions import db
from consult.policies.models import Clause, Revision
from consult.translating.models import Translation
from consult.translating.services import revision_statuses, save_translation


@pytest.fixture
def create_translator(create_user):
    def create(username: str, *languages: str):
        return create_user(
            username, roles=(Role.TRANSLATOR,), languages=languages, display_name=username.title()
        )

    return create


@pytest.fixture
def greta(create_translator):
    """Translates German."""
    return create_translator("greta", "de")


@pytest.fixture
def dieter(create_translator):
    """Translates German too: Greta's reviewer."""
    return create_translator("dieter", "de")


@pytest.fixture
def translate(app):
    def save(
        user, revision: Revision, key: str, body: str, heading: str = "", language: str = "de"
    ):
        clause = clause_of(revision, key)
        existing = db.session.scalar(
            sa.select(Translation).where(
                Translation.clause_id == clause.id, Translation.language == language
            )
        )
        translation = save_translation(
            user,
            clause,
            language,
            heading or f"[{language}] {clause.heading}",
            body,
            existing.version if existing else 0,
        )
        db.session.commit()
        return translation

    return save


def clause_of(revision: Revision, key: str) -> Clause:
    return next(clause for clause in revision.clauses if clause.key == key)


def states(revision: Revision, language: str) -> dict[str, str]:
    db.session.expire_all()
    revision = db.session.get(Revision, revision.id)
    return {
        status.clause.key: str(status.state) for status in revision_statuses(revision, language)
    }


def translation_count() -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Translation))
