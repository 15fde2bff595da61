"""The report and statistics pages run as many queries with thousands of comments as with a
hundred: every figure is a GROUP BY, responses and suggestions are capped in SQL, adopted
wordings and their authors' badges are one query."""

import pytest
import sqlalchemy as sa

from consult.accounts.models import Role
from consult.comments.models import Comment, CommentAdoption, Disposition
from consult.extensions import db
from consult.policies.models import Revision
from consult.types import utcnow
from tests.comment_factories import clause_of
from tests.comments.test_continuity import CHANGED
from tests.comments.test_queries import add_comments, queries_for

PATHS = [
    "/policies/guidelines/revisions/1/report",
    "/policies/guidelines/statistics",
]


def decide_some(staff) -> None:
    """Every fifth comment accepted with a response of its own and a suggested wording,
    every seventh declined with a shared response."""
    now = utcnow()
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id % 5 == 0)
        .values(
            disposition=Disposition.ACCEPTED,
            disposed_at=now,
            response="Thanks for comment " + sa.cast(Comment.id, sa.String),
            responder_id=staff.id,
            responder_role="staff",
            suggested_wording="We want a *better* place.",
        )
    )
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id % 7 == 0)
        .values(disposition=Disposition.DECLINED, disposed_at=now, response="No.")
    )
    db.session.commit()


def adopt_some(into: Revision) -> None:
    """Every tenth comment's wording (one with a suggested wording) adopted into `into` (once)."""
    clause = clause_of(into, "purpose")
    adopted = sa.exists().where(CommentAdoption.comment_id == Comment.id)
    columns = ["comment_id", "revision_id", "clause_id", "clause_hash", "adopted_at"]
    rows = sa.select(
        Comment.id,
        sa.literal(into.id),
        sa.literal(clause.id),
        sa.literal(clause.hash),
        sa.literal(utcnow(), CommentAdoption.adopted_at.type),
    ).where(Comment.id % 10 == 5, ~adopted)
    db.session.execute(sa.insert(CommentAdoption).from_select(columns, rows))
    db.session.commit()


@pytest.fixture
def authors(create_user):
    roles = [(Role.STAFF, Role.MODERATOR), (), (), ()]
    return [create_user(f"author{i}", display_name=f"Author {i}", roles=roles[i]) for i in range(4)]


@pytest.mark.parametrize("signed_in", [False, True])
def test_same_query_count_for_100_and_5000_comments(
    client, auth, count_queries, commentable, authors, staff, create_revision, signed_in
):
    following = create_revision(commentable.policy, CHANGED, summary="Calmer")
    if signed_in:
        auth.login("staff")
    add_comments(commentable, authors, 100)
    decide_some(staff)
    adopt_some(following)
    small = [queries_for(client, count_queries, path) for path in PATHS]
    add_comments(commentable, authors, 4900, start=100)
    decide_some(staff)
    adopt_some(following)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 5000
    large = [queries_for(client, count_queries, path) for path in PATHS]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentAdoption)) == 500
    report = client.get(PATHS[0]).text
    assert report.count("Adopted in revision 2") == 20
    assert "480 more adopted wordings in the comments" in report
    assert large == small
    assert max(large) < 20
