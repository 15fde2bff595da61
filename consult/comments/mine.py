"""A person's own comments, everywhere: what became of each, and whether its clause has
changed since (in a fixed number of queries per page)."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.accounts.models import User
from consult.comments.models import Comment, CommentStatus
from consult.comments.threads import FOR_DISPLAY
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState


@dataclass(frozen=True)
class OwnComment:
    """A comment with its policy, its clause as commented on, and the clause's hash in the
    policy's latest published revision (None when that revision no longer has it)."""

    comment: Comment
    policy: Policy
    clause: Clause
    latest_number: int
    latest_hash: str | None

    @property
    def superseded(self) -> bool:
        return self.latest_number != self.comment.revision.number

    @property
    def removed(self) -> bool:
        return self.superseded and self.latest_hash is None

    @property
    def changed(self) -> bool:
        return self.superseded and self.latest_hash not in (None, self.clause.hash)


def own_comments(user: User, page: int, per_page: int):
    """A page of `user`'s comments, newest first (deleted ones are gone)."""
    query = (
        sa.select(Comment)
        .where(Comment.author_id == user.id, Comment.status != CommentStatus.DELETED)
        .options(*FOR_DISPLAY)
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def with_places(comments: list[Comment]) -> list[OwnComment]:
    latest = (
        sa.select(Revision.policy_id, sa.func.max(Revision.number).label("number"))
        .where(Revision.state == RevisionState.PUBLISHED)
        .group_by(Revision.policy_id)
        .subquery()
    )
    latest_revision, latest_clause = aliased(Revision), aliased(Clause)
    rows = db.session.execute(
        sa.select(Comment.id, Policy, Clause, latest.c.number, latest_clause.hash)
        .join(Policy, Policy.id == Comment.policy_id)
        .join(Clause, Clause.id == Comment.clause_id)
        .join(latest, latest.c.policy_id == Comment.policy_id)
        .join(
            latest_revision,
            sa.and_(
                latest_revision.policy_id == Comment.policy_id,
                latest_revision.number == latest.c.number,
            ),
        )
        .outerjoin(
            latest_clause,
            sa.and_(
                latest_clause.revision_id == latest_revision.id,
                latest_clause.key == Comment.clause_key,
            ),
        )
        .where(Comment.id.in_([comment.id for comment in comments]))
    )
    places = {row[0]: row[1:] for row in rows}
    return [OwnComment(comment, *places[comment.id]) for comment in comments]
