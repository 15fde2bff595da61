"""A whole translated Markdown document in, one translation per clause out — or nothing.

Headings that match the source's exactly pair at once. When only levels differ, or the
counts differ, the document is first planned (nothing stored) so a person can see the
differences; importing then pairs by order, or by the person's choice for each heading.
"""

import enum
from collections.abc import Sequence
from dataclasses import dataclass

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.drafting.importing import parse
from consult.extensions import db
from consult.policies.models import Clause, Revision
from consult.translating.errors import TranslationError
from consult.translating.services import (
    require_not_blocked,
    require_translatable,
    translations_of,
    write,
)
from consult.translating.titles import write_title


class Matching(enum.StrEnum):
    """How the document's headings are paired with the source clauses."""

    EXACT = "exact"  # same headings, order and levels, or refused
    BY_ORDER = "by_order"  # same count and order; levels may differ
    MAPPED = "mapped"  # a person paired each heading (or skipped it)


@dataclass(frozen=True)
class TranslationImport:
    revision: Revision
    language: str
    saved: int
    unchanged: int
    untranslated: int = 0


@dataclass(frozen=True)
class ImportPlan:
    """A parsed document and how its headings meet the revision's; nothing stored yet."""

    document: drafts.Document
    report: drafts.StructureReport


def source_of(revision: Revision) -> list[drafts.Clause]:
    return [drafts.Clause(c.level, c.heading, c.body, c.key, c.number) for c in revision.clauses]


def plan_import(revision: Revision, language: str, text: str) -> ImportPlan:
    require_translatable(revision, language)
    document = parse(text)
    return ImportPlan(document, drafts.structure_report(source_of(revision), document.clauses))


def mapping_indices(revision: Revision, keys: Sequence[str]) -> list[int | None]:
    """Source indices for the clause keys a person chose ("" skips a heading; an unknown key
    becomes an index no clause has, which the pairing refuses)."""
    positions = {clause.key: index for index, clause in enumerate(revision.clauses)}
    return [positions.get(key, -1) if key else None for key in keys]


def domain_pairs(
    revision: Revision,
    document: drafts.Document,
    matching: Matching,
    mapping: Sequence[str],
) -> drafts.structure.Pairs:
    source = source_of(revision)
    if matching is Matching.MAPPED:
        return drafts.pairs_by_mapping(source, document.clauses, mapping_indices(revision, mapping))
    if matching is Matching.BY_ORDER:
        return drafts.pairs_by_order(source, document.clauses)
    return drafts.match_structure(source, document.clauses)


def matched_pairs(
    revision: Revision,
    document: drafts.Document,
    matching: Matching = Matching.EXACT,
    mapping: Sequence[str] = (),
) -> tuple[tuple[Clause, drafts.Clause], ...]:
    """Source clause rows paired with the document's clauses; refused before anything is stored."""
    try:
        pairs = domain_pairs(revision, document, matching, mapping)
    except drafts.StructureError as error:
        raise TranslationError(error.code, **error.details) from None
    rows = {clause.key: clause for clause in revision.clauses}
    return tuple((rows[source.key], translated) for source, translated in pairs)


def import_translation(
    actor: User | None,
    revision: Revision,
    language: str,
    text: str,
    matching: Matching = Matching.EXACT,
    mapping: Sequence[str] = (),
) -> TranslationImport:
    """Translations of the paired clauses from `text`; a clause whose words are already there
    and current is left as it is, so re-importing a file keeps its reviews. `mapping` (with
    Matching.MAPPED) holds a source clause key, or "" to skip, for each of the document's
    clauses; source clauses nobody chose stay as they are."""
    require_not_blocked(actor)
    require_translatable(revision, language)
    document = parse(text)
    existing = translations_of(revision, language)
    pairs = matched_pairs(revision, document, matching, mapping)
    saved = [
        write(actor, clause, language, translated.heading, translated.body, existing.get(clause.id))
        for clause, translated in pairs
    ]
    if document.title and revision.title:
        write_title(actor, revision, language, document.title)
    db.session.flush()
    result = TranslationImport(
        revision,
        language,
        saved=sum(1 for item in saved if item is not None),
        unchanged=sum(1 for item in saved if item is None),
        untranslated=len(revision.clauses) - len(pairs),
    )
    audit_import(actor, result, matching)
    return result


def audit_import(actor: User | None, result: TranslationImport, matching: Matching) -> None:
    revision = result.revision
    record(
        actor,
        "translation.imported",
        revision,
        f"{revision.policy.slug} #{revision.number} [{result.language}]",
        language=result.language,
        saved=result.saved,
        clauses=result.saved + result.unchanged,
        matching=str(matching),
        untranslated=result.untranslated,
    )
