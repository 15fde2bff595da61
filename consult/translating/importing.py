"""A whole translated Markdown document in, one translation per clause out — or nothing."""

from dataclasses import dataclass

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.drafting.importing import parse
from consult.extensions import db
from consult.policies.models import Revision
from consult.translating.errors import TranslationError
from consult.translating.services import (
    require_not_blocked,
    require_translatable,
    translations_of,
    write,
)
from consult.translating.titles import write_title


@dataclass(frozen=True)
class TranslationImport:
    revision: Revision
    language: str
    saved: int
    unchanged: int


def matched_pairs(revision: Revision, document: drafts.Document) -> tuple:
    """Source clause rows paired with the document's clauses; refused before anything is stored."""
    source = [drafts.Clause(c.level, c.heading, c.body, c.key, c.number) for c in revision.clauses]
    try:
        pairs = drafts.match_structure(source, document.clauses)
    except drafts.StructureError as error:
        raise TranslationError(error.code, **error.details) from None
    return tuple(zip(revision.clauses, (translated for _source, translated in pairs)))


def import_translation(
    actor: User | None, revision: Revision, language: str, text: str
) -> TranslationImport:
    """Translations of every clause from `text`; a clause whose words are already there and
    current is left as it is, so re-importing a file keeps its reviews."""
    require_not_blocked(actor)
    require_translatable(revision, language)
    document = parse(text)
    existing = translations_of(revision, language)
    saved = [
        write(actor, clause, language, translated.heading, translated.body, existing.get(clause.id))
        for clause, translated in matched_pairs(revision, document)
    ]
    if document.title and revision.title:
        write_title(actor, revision, language, document.title)
    db.session.flush()
    count = sum(1 for item in saved if item is not None)
    record(
        actor,
        "translation.imported",
        revision,
        f"{revision.policy.slug} #{revision.number} [{language}]",
        language=language,
        saved=count,
        clauses=len(saved),
    )
    return TranslationImport(revision, language, count, len(saved) - count)
