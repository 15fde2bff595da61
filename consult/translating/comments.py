"""Human translations of comments into the policy's source language, so staff and every reader
can follow a comment written in any language."""

from collections.abc import Callable

import sqlalchemy as sa
from flask import g

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.models import Comment, CommentStatus
from consult.extensions import db
from consult.policies.models import Policy
from consult.translating.errors import NotAllowed, TranslationCode, TranslationError
from consult.translating.models import CommentTranslation
from consult.translating.services import (
    can_translate,
    holds_language,
    language_tag,
    require_not_blocked,
)
from consult.types import utcnow


def comment_language(comment: Comment) -> str | None:
    try:
        return language_tag(comment.language)
    except TranslationError:
        return None


def target_language(comment: Comment) -> str:
    """Comments are translated into the language the policy is written in."""
    return language_tag(db.session.get(Policy, comment.policy_id).source_language)


def translatable_by(
    user: User | None, comment: Comment, check: Callable[[User | None, str], bool]
) -> bool:
    language = comment_language(comment)
    return (
        comment.status is CommentStatus.PUBLISHED
        and language is not None
        and language != target_language(comment)
        and check(user, language)
    )


def may_translate(user: User | None, comment: Comment) -> bool:
    """A translator of the comment's language who may write, for a visible comment not
    already in the target."""
    return translatable_by(user, comment, can_translate)


def require_may_translate(user: User | None, comment: Comment) -> None:
    if not translatable_by(user, comment, holds_language):
        raise NotAllowed(TranslationCode.NOT_TRANSLATOR, language=comment.language)
    require_not_blocked(user)


def translations_for_revision(revision_id: int) -> dict[int, CommentTranslation]:
    rows = db.session.scalars(
        sa.select(CommentTranslation)
        .join(Comment, CommentTranslation.comment_id == Comment.id)
        .where(Comment.revision_id == revision_id)
        .options(sa.orm.selectinload(CommentTranslation.translator))
    )
    return {row.comment_id: row for row in rows}


def translation_of(comment: Comment) -> CommentTranslation | None:
    """One query per revision and request, however many comments a page shows."""
    cache = g.setdefault("comment_translations", {})
    if comment.revision_id not in cache:
        cache[comment.revision_id] = translations_for_revision(comment.revision_id)
    return cache[comment.revision_id].get(comment.id)


def find_translation(comment: Comment) -> CommentTranslation | None:
    return db.session.scalar(
        sa.select(CommentTranslation).where(
            CommentTranslation.comment_id == comment.id,
            CommentTranslation.language == target_language(comment),
        )
    )


def save_comment_translation(actor: User, comment: Comment, body: str) -> CommentTranslation:
    require_may_translate(actor, comment)
    if not body.strip():
        raise TranslationError(TranslationCode.TRANSLATION_EMPTY)
    translation = find_translation(comment) or CommentTranslation(
        comment_id=comment.id, language=target_language(comment)
    )
    translation.body = body.replace("\r\n", "\n").strip()
    translation.translator, translation.updated_at = actor, utcnow()
    db.session.add(translation)
    db.session.flush()
    record(
        actor,
        "comment.translated",
        comment,
        f"comment {comment.id} → {translation.language}",
        language=translation.language,
    )
    return translation
