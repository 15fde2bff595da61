"""The report and statistics pages run as many queries with thousands of comments as with a
hundred: every figure is a GROUP BY, responses and suggestions are capped in SQL."""

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment, Disposition
from consult.extensions import db
from consult.types import utcnow
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


@pytest.fixture
def authors(create_user):
    return [create_user(f"author{i}", display_name=f"Author {i}") for i in range(4)]


@pytest.mark.parametrize("signed_in", [False, True])
def test_same_query_count_for_100_and_5000_comments(
    client, auth, count_queries, commentable, authors, staff, create_revision, signed_in
):
    create_revision(commentable.policy, CHANGED, summary="Calmer")
    if signed_in:
        auth.login("staff")
    add_comments(commentable, authors, 100)
    decide_some(staff)
    small = [queries_for(client, count_queries, path) for path in PATHS]
    add_comments(commentable, authors, 4900, start=100)
    decide_some(staff)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 5000
    large = [queries_for(client, count_queries, path) for path in PATHS]
    assert large == small
    assert max(large) < 20
