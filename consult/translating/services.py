"""Translations of a revision: who may write them, saving, reviewing, each clause's state."""

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from flask import g, has_request_context

import drafts
from consult.accounts.models import Role, User
from consult.audit.services import record
from consult.extensions import db
from consult.i18n import canonical_language
from consult.policies.errors import StaleEdit
from consult.policies.models import Clause, Policy, Revision
from consult.signals import is_writing_refused
from consult.translating.errors import NotAllowed, TranslationCode, TranslationError
from consult.translating.models import Translation
from consult.types import utcnow


def language_tag(raw: str) -> str:
    """The stored form of a language tag (`pt-br` → `pt-BR`)."""
    language = canonical_language(raw)
    if language is None:
        raise TranslationError(TranslationCode.LANGUAGE_UNKNOWN, language=raw)
    return language


def is_source_language(policy: Policy, language: str) -> bool:
    return language_tag(policy.source_language) == language


def holds_language(user: User | None, language: str) -> bool:
    """Translator roles are per language; an admin is not a translator by default."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.has_role(Role.TRANSLATOR)
        and language in user.languages
    )


def writing_refused(user: User) -> bool:
    """Whether moderation blocked `user` from writing (asked through the signal, so
    translating knows nothing of moderation); once per request, since a page asks for
    every comment it shows."""
    if not has_request_context():
        return is_writing_refused(user)
    answers = g.setdefault("translating_writing_refused", {})
    if user.id not in answers:
        answers[user.id] = is_writing_refused(user)
    return answers[user.id]


def can_translate(user: User | None, language: str) -> bool:
    return holds_language(user, language) and not writing_refused(user)


def require_not_blocked(user: User | None) -> None:
    if user is not None and writing_refused(user):
        raise NotAllowed(TranslationCode.BLOCKED)


def require_translator(user: User | None, language: str) -> None:
    if not holds_language(user, language):
        raise NotAllowed(TranslationCode.NOT_TRANSLATOR, language=language)
    require_not_blocked(user)


def require_translatable(revision: Revision, language: str) -> None:
    if not revision.is_published:
        raise TranslationError(TranslationCode.REVISION_NOT_PUBLISHED, revision=revision.number)
    if is_source_language(revision.policy, language):
        raise TranslationError(TranslationCode.SAME_AS_SOURCE, language=language)


@dataclass(frozen=True)
class ClauseStatus:
    clause: Clause
    translation: Translation | None
    state: drafts.TranslationState


def translations_of(revision: Revision, language: str) -> dict[int, Translation]:
    """Each clause's translation into `language`, by clause id (one query)."""
    rows = db.session.scalars(
        sa.select(Translation)
        .join(Clause, Translation.clause_id == Clause.id)
        .where(Clause.revision_id == revision.id, Translation.language == language)
        .options(
            sa.orm.selectinload(Translation.translator), sa.orm.selectinload(Translation.reviewer)
        )
    )
    return {row.clause_id: row for row in rows}


def clause_statuses(clauses: Sequence[Clause], language: str) -> dict[int, ClauseStatus]:
    """Each clause's state in `language`, by clause id: one query for clauses of any revisions."""
    rows = db.session.scalars(
        sa.select(Translation).where(
            Translation.clause_id.in_([clause.id for clause in clauses]),
            Translation.language == language,
        )
    )
    found = {row.clause_id: row for row in rows}
    return {clause.id: status_of(clause, found.get(clause.id)) for clause in clauses}


def status_of(clause: Clause, translation: Translation | None) -> ClauseStatus:
    pin = translation.pin if translation is not None else None
    return ClauseStatus(clause, translation, drafts.translation_state(clause.hash, pin))


def revision_statuses(revision: Revision, language: str) -> list[ClauseStatus]:
    found = translations_of(revision, language)
    return [status_of(clause, found.get(clause.id)) for clause in revision.clauses]


def progress_of(statuses: Sequence[ClauseStatus]) -> drafts.Progress:
    return drafts.progress(status.state for status in statuses)


def next_needing_work(statuses: Sequence[ClauseStatus], after: str | None = None) -> str | None:
    return drafts.next_needing_work(
        [s.clause.key for s in statuses], [s.state for s in statuses], after
    )


def languages_of(revision: Revision) -> list[str]:
    """Languages with at least one translation in this revision, sorted by tag."""
    return list(
        db.session.scalars(
            sa.select(Translation.language)
            .join(Clause, Translation.clause_id == Clause.id)
            .where(Clause.revision_id == revision.id)
            .distinct()
            .order_by(Translation.language)
        )
    )


def find_translation(clause: Clause, language: str) -> Translation | None:
    return db.session.scalar(
        sa.select(Translation).where(
            Translation.clause_id == clause.id, Translation.language == language
        )
    )


def unchanged(translation: Translation, clause: Clause, heading: str, body: str) -> bool:
    """Same words, already pinned to the clause as it is: saving again changes nothing."""
    same_words = drafts.clause_hash(heading, body) == drafts.clause_hash(
        translation.heading, translation.body
    )
    return same_words and translation.source_hash == clause.hash


def pin_to(translation: Translation, clause: Clause) -> None:
    translation.source_hash = clause.hash
    translation.source_heading, translation.source_body = clause.heading, clause.body


def apply_text(
    actor: User | None, translation: Translation, clause: Clause, heading: str, body: str
) -> None:
    translation.heading = " ".join(heading.split()) if clause.level else ""
    translation.body = body.replace("\r\n", "\n").strip("\n")
    pin_to(translation, clause)
    translation.translator = actor
    translation.translated_at = utcnow()
    translation.reviewer, translation.reviewed_at = None, None


def write(
    actor: User | None,
    clause: Clause,
    language: str,
    heading: str,
    body: str,
    existing: Translation | None,
) -> Translation | None:
    """Store one clause's translation; None when nothing changed."""
    if existing is not None and unchanged(existing, clause, heading, body):
        return None
    translation = existing or Translation(clause=clause, language=language)
    apply_text(actor, translation, clause, heading, body)
    db.session.add(translation)
    return translation


def save_translation(
    actor: User, clause: Clause, language: str, heading: str, body: str, seen_version: int
) -> Translation | None:
    """Save a translation made from the clause as it is now; refused if someone else saved
    it since the form was loaded (`seen_version`, 0 for a new one)."""
    require_translator(actor, language)
    require_translatable(clause.revision, language)
    if not body.strip() and not heading.strip():
        raise TranslationError(TranslationCode.TRANSLATION_EMPTY)
    existing = find_translation(clause, language)
    if (existing.version if existing else 0) != seen_version:
        raise StaleEdit(TranslationCode.STALE, clause=clause.key, seen=seen_version)
    translation = write(actor, clause, language, heading, body, existing)
    if translation is not None:
        db.session.flush()
        record(
            actor,
            "translation.saved",
            clause.revision,
            label(clause, language),
            clause=clause.key,
            language=language,
        )
    return translation


def review_translation(actor: User, translation: Translation) -> Translation:
    """A second translator of the language confirms a current translation."""
    require_translator(actor, translation.language)
    if translation.translator_id == actor.id:
        raise NotAllowed(TranslationCode.SELF_REVIEW)
    if translation.source_hash != translation.clause.hash:
        raise TranslationError(TranslationCode.REVIEW_OUTDATED)
    translation.reviewer, translation.reviewed_at = actor, utcnow()
    db.session.flush()
    record(
        actor,
        "translation.reviewed",
        translation.clause.revision,
        label(translation.clause, translation.language),
        clause=translation.clause.key,
        language=translation.language,
    )
    return translation


def label(clause: Clause, language: str) -> str:
    revision = clause.revision
    return f"{revision.policy.slug} #{revision.number} {clause.number or clause.key} [{language}]"
