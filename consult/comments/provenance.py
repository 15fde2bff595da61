"""Both ends of an adopted wording, as pages show them: under a comment the draft (or, once
published, the revision) that took its wording; under a clause the comment its wording came
from. A page asks once per comment or clause; the answers for the whole policy are read in
one query and kept on `g` for the request.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import g

from consult.accounts.models import User
from consult.comments.models import Comment, CommentAdoption, CommentStatus
from consult.extensions import db
from consult.policies.models import Clause, Revision, RevisionState


@dataclass(frozen=True)
class Adopted:
    """A revision that took a comment's wording."""

    number: int
    published: bool


@dataclass(frozen=True)
class Origin:
    """The comment a clause's wording came from; `author` is None when it cannot be named."""

    comment_id: int
    author: str | None


@dataclass(frozen=True)
class PolicyAdoptions:
    by_comment: dict[int, list[Adopted]]
    # (clause key, text hash) → the first revision that took that text, and from where.
    by_text: dict[tuple[str, str], tuple[int, Origin]]


def origin_of(status: CommentStatus, author: str | None, username: str | None) -> tuple:
    if status is not CommentStatus.PUBLISHED or username is None:
        return (None,)
    return (author or username,)


def policy_adoptions(policy_id: int) -> PolicyAdoptions:
    rows = db.session.execute(
        sa.select(
            CommentAdoption.comment_id,
            CommentAdoption.clause_hash,
            Clause.key,
            Revision.number,
            Revision.state,
            Comment.status,
            User.display_name,
            User.username,
        )
        .join(Comment, Comment.id == CommentAdoption.comment_id)
        .join(Revision, Revision.id == CommentAdoption.revision_id)
        .join(Clause, Clause.id == CommentAdoption.clause_id)
        .outerjoin(User, User.id == Comment.author_id)
        .where(Comment.policy_id == policy_id)
        .order_by(Revision.number, CommentAdoption.adopted_at, CommentAdoption.id)
    )
    found = PolicyAdoptions({}, {})
    for comment_id, text_hash, key, number, state, status, name, username in rows:
        adopted = Adopted(number, state == RevisionState.PUBLISHED)
        found.by_comment.setdefault(comment_id, []).append(adopted)
        origin = Origin(comment_id, *origin_of(status, name, username))
        found.by_text.setdefault((key, text_hash), (number, origin))
    return found


def adoptions_for(policy_id: int) -> PolicyAdoptions:
    cache = g.setdefault("policy_adoptions", {})
    if policy_id not in cache:
        cache[policy_id] = policy_adoptions(policy_id)
    return cache[policy_id]


def comment_adoptions(comment: Comment) -> list[Adopted]:
    """The revisions (drafts or published) that took the comment's wording, oldest first."""
    if not comment.suggested_wording:
        return []
    return adoptions_for(comment.policy_id).by_comment.get(comment.id, [])


def clause_origin(clause: Clause) -> Origin | None:
    """The comment the clause's wording came from: adopted into this clause, or into an
    earlier revision's clause of the same key, if it still reads exactly as adopted (a
    clause edited since shows no origin)."""
    revision = clause.revision
    adopted = adoptions_for(revision.policy_id).by_text.get((clause.key, clause.hash))
    if adopted is None or adopted[0] > revision.number:
        return None
    return adopted[1]


def provenance_helpers() -> dict:
    return {"comment_adoptions": comment_adoptions, "clause_origin": clause_origin}
