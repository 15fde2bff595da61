"""The triage page runs the same number of queries for a hundred comments as for thousands:
every count is an aggregate in SQL, and the page's details are one query each."""

import re

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment, CommentTriage, Disposition
from consult.extensions import db
from tests.comments.test_queries import add_comments, queries_for

PATHS = [
    "/policies/guidelines/triage",
    "/policies/guidelines/triage?language=fr&disposition=accepted&sort=clause",
    "/policies/guidelines/triage?replies=yes&flagged=yes&text=Comment&assignee=none",
]


def decide_some(staff) -> None:
    """A fifth of the comments dispositioned (some assigned), as after a round of triage."""
    ids = db.session.scalars(sa.select(Comment.id).where(Comment.id % 5 == 0)).all()
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id.in_(ids))
        .values(disposition=Disposition.ACCEPTED, response="Thanks")
    )
    known = set(db.session.scalars(sa.select(CommentTriage.comment_id)))
    rows = [{"comment_id": i, "assignee_id": staff.id, "note": "n"} for i in ids if i not in known]
    if rows:
        db.session.execute(sa.insert(CommentTriage), rows)
    db.session.commit()


@pytest.fixture
def authors(create_user, moderator):
    return [create_user(f"author{i}", display_name=f"Author {i}") for i in range(4)]


def test_same_query_count_for_100_and_5000_comments(
    client, auth, count_queries, commentable, authors, staff
):
    auth.login("staff")
    add_comments(commentable, authors, 100)
    decide_some(staff)
    small = [queries_for(client, count_queries, path) for path in PATHS]
    add_comments(commentable, authors, 4900, start=100)
    decide_some(staff)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 5000
    large = [queries_for(client, count_queries, path) for path in PATHS]
    assert large == small
    assert max(large) < 25


def test_a_warm_page_keeps_its_counts_until_something_they_count_changes(
    client, auth, count_queries, commentable, authors, staff, create_comment
):
    auth.login("staff")
    add_comments(commentable, authors, 30)
    path = PATHS[0]
    client.get(
        f"{path}?language=yo"
    )  # one-time work, on counts of their own (no comment in Yoruba)

    def counted() -> tuple[int, str]:
        with count_queries() as queries:
            page = client.get(path).get_data(as_text=True)
        return len(queries), re.search(r"All (\d+) comments matching", page).group(1)

    (cold, total), (warm, again) = counted(), counted()
    assert warm < cold and total == again  # kept, the same
    create_comment(authors[0], commentable, body="One more")
    assert counted() == (cold, str(int(total) + 1))
