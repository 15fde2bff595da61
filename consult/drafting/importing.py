"""Markdown documents in, draft (or published) revisions out."""

import datetime
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.drafting.services import new_draft, publish
from consult.i18n import canonical_language
from consult.policies.errors import ImportRejected, PolicyCode
from consult.policies.models import Policy, Revision
from consult.policies.services import (
    as_domain,
    clauses_of,
    create_policy,
    find_policy,
    keys_ever_used,
    latest_revision,
    removed_clauses,
)
from drafts import DocumentErrorCode


def decode_markdown(data: bytes, limit: int) -> str:
    """Text of an uploaded file; refuses what cannot be a document."""
    if len(data) > limit:
        raise ImportRejected(PolicyCode.TOO_LARGE, limit=limit, size=len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRejected(PolicyCode.NOT_UTF8, position=error.start) from None
    if not text.strip():
        raise ImportRejected(DocumentErrorCode.EMPTY)
    if "\x00" in text:
        raise ImportRejected(PolicyCode.NOT_TEXT)
    return text


def parse(text: str) -> drafts.Document:
    try:
        return drafts.parse_document(text)
    except drafts.DocumentError as error:
        raise ImportRejected(error.code, **error.details) from None


@dataclass(frozen=True)
class ImportOptions:
    title: str | None = None
    language: str | None = None
    change_summary: str = ""
    publish: bool = False


def front_matter_text(document: drafts.Document, name: str) -> str | None:
    value = document.front_matter.get(name)
    return (
        str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None
    )


# Front matter is kept with a revision as a record of what the file said, and
# loaded with it on every page that shows the revision: only its top-level
# scalars are kept, while their JSON fits in this many bytes.
STORED_FRONT_MATTER_BYTES = 4096


def stored_front_matter(front_matter: Mapping[Any, Any]) -> dict[str, Any]:
    """What `revisions.front_matter` keeps: the storable items, in order, while their JSON
    stays within STORED_FRONT_MATTER_BYTES."""
    kept: dict[str, Any] = {}
    size = len("{}")
    for key, value in storable_items(front_matter):
        entry = len(json.dumps({key: value})) - len("{}") + len(", ") * bool(kept)
        if size + entry <= STORED_FRONT_MATTER_BYTES:
            kept[key] = value
            size += entry
    return kept


def storable_items(front_matter: Mapping[Any, Any]) -> Iterator[tuple[str, Any]]:
    """Items with a string key and a JSON scalar value; dates and times as ISO 8601 text."""
    for key, value in front_matter.items():
        if isinstance(value, (datetime.date, datetime.time)):
            value = value.isoformat()
        if isinstance(key, str) and is_json_scalar(value):
            yield key, value


def is_json_scalar(value: Any) -> bool:
    # NaN and infinities are not JSON: PostgreSQL's json type refuses them.
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (str, int, bool))


def document_title(document: drafts.Document, options: ImportOptions, fallback: str) -> str:
    return (options.title or front_matter_text(document, "title") or document.title or fallback)[
        :300
    ]


def keyed_clauses(policy: Policy, document: drafts.Document) -> tuple[drafts.Clause, ...]:
    """The document's clauses with keys: matched to the latest revision's where possible,
    and a clause removed earlier and brought back takes its key back."""
    base = latest_revision(policy)
    old = [as_domain(c) for c in clauses_of(base)] if base else []
    return drafts.align(
        old,
        document.clauses,
        taken_keys=keys_ever_used(policy),
        removed=removed_clauses(policy, base),
    ).clauses


def check_language(policy: Policy, document: drafts.Document, options: ImportOptions) -> None:
    declared = options.language or front_matter_text(document, "language")
    if declared and canonical_language(declared) is None:
        raise ImportRejected(PolicyCode.LANGUAGE_UNKNOWN, language=declared)
    if declared and canonical_language(declared) != canonical_language(policy.source_language):
        raise ImportRejected(
            PolicyCode.LANGUAGE_MISMATCH, language=declared, expected=policy.source_language
        )


def import_document(
    actor: User | None,
    policy: Policy,
    document: drafts.Document,
    options: ImportOptions = ImportOptions(),
) -> Revision:
    check_language(policy, document, options)
    revision = new_draft(
        actor,
        policy,
        document_title(document, options, policy.title),
        keyed_clauses(policy, document),
        latest_revision(policy),
        stored_front_matter(document.front_matter),
    )
    revision.proposed_summary = options.change_summary.strip()
    record(
        actor,
        "revision.imported",
        revision,
        f"{policy.slug} #{revision.number}",
        clauses=len(revision.clauses),
    )
    if options.publish:
        publish(actor, revision, options.change_summary)
    return revision


def import_into(actor: User | None, slug: str, text: str, options: ImportOptions) -> Revision:
    """The CLI's import: creates the policy when the slug is new."""
    document = parse(text)
    policy = find_policy(slug)
    if policy is None:
        title = document_title(document, options, slug)
        language = options.language or front_matter_text(document, "language") or "en"
        policy = create_policy(actor, slug, title, language)
    return import_document(actor, policy, document, options)
