"""Policies and the revisions people may read."""

import re
from dataclasses import dataclass

import sqlalchemy as sa

import drafts
from consult.accounts.models import User
from consult.audit.services import record
from consult.extensions import db
from consult.i18n import canonical_language
from consult.policies.errors import NotFound, PolicyCode, PolicyError, RevisionLocked, SlugTaken
from consult.policies.models import Clause, Policy, Revision, RevisionState

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Path segments the routes already use under /policies/.
RESERVED_SLUGS = frozenset({"new"})


def find_policy(slug: str) -> Policy | None:
    return db.session.scalar(sa.select(Policy).where(Policy.slug == slug))


def find_published_policy(slug: str) -> Policy | None:
    """The policy if it has a published revision, in one query: a policy with only drafts
    does not exist for the public."""
    published = sa.exists().where(
        Revision.policy_id == Policy.id, Revision.state == RevisionState.PUBLISHED
    )
    return db.session.scalar(sa.select(Policy).where(Policy.slug == slug, published))


def get_policy(slug: str, include_unpublished: bool = True) -> Policy:
    policy = find_policy(slug) if include_unpublished else find_published_policy(slug)
    if policy is None:
        raise NotFound(policy=slug)
    return policy


def check_new_policy(slug: str, title: str, source_language: str) -> None:
    if not SLUG_PATTERN.fullmatch(slug) or len(slug) > 80 or slug in RESERVED_SLUGS:
        raise PolicyError(PolicyCode.SLUG_INVALID)
    if not title.strip():
        raise PolicyError(PolicyCode.TITLE_REQUIRED)
    if canonical_language(source_language) is None:
        raise PolicyError(PolicyCode.LANGUAGE_UNKNOWN, language=source_language)
    if find_policy(slug) is not None:
        raise SlugTaken(slug=slug)


def create_policy(
    actor: User | None, slug: str, title: str, source_language: str, summary: str = ""
) -> Policy:
    slug = slug.strip().lower()
    check_new_policy(slug, title, source_language)
    policy = Policy(
        slug=slug,
        title=title.strip(),
        source_language=canonical_language(source_language),
        summary=summary.strip(),
        created_by_id=actor.id if actor else None,
    )
    db.session.add(policy)
    db.session.flush()
    record(actor, "policy.created", policy, slug)
    return policy


def set_heading_numbers(actor: User | None, policy: Policy, style: str) -> None:
    """Choose whose numbers the policy's headings show (a drafts.NumberingStyle value)."""
    try:
        chosen = drafts.NumberingStyle(style)
    except ValueError:
        raise PolicyError(PolicyCode.HEADING_NUMBERS_INVALID, value=style) from None
    if chosen.value == policy.heading_numbers:
        return
    before, policy.heading_numbers = policy.heading_numbers, chosen.value
    db.session.flush()
    record(actor, "policy.heading_numbers", policy, policy.slug, before=before, after=chosen.value)


def revisions_of(policy: Policy, include_drafts: bool) -> list[Revision]:
    query = sa.select(Revision).where(Revision.policy_id == policy.id)
    if not include_drafts:
        query = query.where(Revision.state == RevisionState.PUBLISHED)
    query = query.options(sa.orm.selectinload(Revision.publisher))
    return list(db.session.scalars(query.order_by(Revision.number.desc())))


def latest_revision(policy: Policy, published_only: bool = True) -> Revision | None:
    query = sa.select(Revision).where(Revision.policy_id == policy.id)
    if published_only:
        query = query.where(Revision.state == RevisionState.PUBLISHED)
    return db.session.scalar(query.order_by(Revision.number.desc()).limit(1))


def get_revision(policy: Policy, number: int, include_drafts: bool) -> Revision:
    revision = db.session.scalar(
        sa.select(Revision).where(Revision.policy_id == policy.id, Revision.number == number)
    )
    if revision is None or (revision.is_draft and not include_drafts):
        raise NotFound(policy=policy.slug, revision=number)
    return revision


def find_clause(revision: Revision, key: str) -> Clause | None:
    return db.session.scalar(
        sa.select(Clause).where(Clause.revision_id == revision.id, Clause.key == key)
    )


def get_clause(revision: Revision, key: str) -> Clause:
    clause = find_clause(revision, key)
    if clause is None:
        raise NotFound(revision=revision.number, clause=key)
    return clause


def clauses_of(revision: Revision) -> list[Clause]:
    return list(
        db.session.scalars(
            sa.select(Clause).where(Clause.revision_id == revision.id).order_by(Clause.position)
        )
    )


@dataclass(frozen=True)
class PolicyListing:
    policy: Policy
    latest: Revision | None


def policy_listings(include_drafts: bool) -> list[PolicyListing]:
    """Every policy a reader may see with its newest visible revision (two queries)."""
    latest = sa.select(Revision.policy_id, sa.func.max(Revision.number).label("number"))
    if not include_drafts:
        latest = latest.where(Revision.state == RevisionState.PUBLISHED)
    latest = latest.group_by(Revision.policy_id).subquery()
    rows = db.session.execute(
        sa.select(Policy, Revision)
        .outerjoin(latest, latest.c.policy_id == Policy.id)
        .outerjoin(
            Revision, sa.and_(Revision.policy_id == Policy.id, Revision.number == latest.c.number)
        )
        .order_by(Policy.title)
    )
    listings = [PolicyListing(policy, revision) for policy, revision in rows]
    return [item for item in listings if include_drafts or item.latest is not None]


def keys_ever_used(policy: Policy) -> set[str]:
    """Every clause key of the policy's history: a removed clause's key is never reused."""
    return set(
        db.session.scalars(
            sa.select(Clause.key).join(Revision).where(Revision.policy_id == policy.id).distinct()
        )
    )


def removed_clauses(policy: Policy, latest: Revision | None) -> list[drafts.Clause]:
    """The clauses of the policy's other revisions whose key `latest` does not hold.

    Most recent first, one per key and text: what a clause added back to `latest` (or to a
    revision after it) takes its key back from (see drafts.align).
    """
    query = sa.select(Clause).join(Revision).where(Revision.policy_id == policy.id)
    if latest is not None:
        held = sa.select(Clause.key).where(Clause.revision_id == latest.id)
        query = query.where(Clause.revision_id != latest.id, Clause.key.not_in(held))
    rows = db.session.scalars(query.order_by(Revision.number.desc(), Clause.position))
    versions: dict[tuple[str, str], Clause] = {}
    for row in rows:
        versions.setdefault((row.key, row.hash), row)
    return [as_domain(row) for row in versions.values()]


def require_draft(revision: Revision) -> None:
    if not revision.is_draft:
        raise RevisionLocked(revision=revision.number)


def current_draft(policy: Policy) -> Revision | None:
    return db.session.scalar(
        sa.select(Revision).where(
            Revision.policy_id == policy.id, Revision.state == RevisionState.DRAFT
        )
    )


def as_domain(clause: Clause) -> drafts.Clause:
    return drafts.Clause(
        level=clause.level,
        heading=clause.heading,
        body=clause.body,
        key=clause.key,
        number=clause.number,
        known_hash=clause.hash,
    )


def draft_content_hash(revision: Revision) -> str:
    """Published revisions store theirs; a draft's is computed on demand."""
    if revision.content_hash:
        return revision.content_hash
    clauses = [as_domain(c) for c in revision.clauses]
    return drafts.content_hash(revision.title, clauses, revision.hash_formula)
