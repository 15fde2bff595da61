"""Acceptance 2: the policy page and a clause thread run as many queries with 5,000 comments
as with 10 — replies, endorsements, authors and flags included."""

import itertools
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.accounts.models import User
from consult.comments.models import Comment, CommentStatus, Endorsement, Flag
from consult.extensions import db
from consult.policies.models import Revision
from consult.types import utcnow
from tests.comment_factories import clause_of
from tests.comments.helpers import thread_path

LANGUAGES = ["en", "fr", "id", "ar", "de"]


def top_level_rows(revision: Revision, clause, authors: list[User], count: int, start: int):
    moment = utcnow() - timedelta(days=1)
    statuses = itertools.cycle(
        [CommentStatus.PUBLISHED] * 8 + [CommentStatus.HIDDEN, CommentStatus.DELETED]
    )
    return [
        dict(
            policy_id=revision.policy_id,
            revision_id=revision.id,
            clause_id=clause.id,
            clause_key=clause.key,
            author_id=authors[i % len(authors)].id,
            language=LANGUAGES[i % len(LANGUAGES)],
            body=f"Comment {start + i}",
            depth=0,
            status=next(statuses),
            created_at=moment + timedelta(seconds=start + i),
            endorsement_count=i % 7,
        )
        for i in range(count)
    ]


def add_comments(revision: Revision, authors: list[User], count: int, start: int = 0) -> None:
    """`count` comments on the revision's first clause: 80% top level, the rest replies two
    levels deep, each endorsed and flagged by some of `authors`."""
    clause = clause_of(revision, "purpose")
    top = top_level_rows(revision, clause, authors, count * 8 // 10, start)
    db.session.execute(sa.insert(Comment), top)
    ids = list(
        db.session.scalars(
            sa.select(Comment.id).where(
                Comment.revision_id == revision.id, Comment.body.in_([row["body"] for row in top])
            )
        )
    )
    replies = count - len(top)
    for depth in (1, 2):
        rows = top_level_rows(revision, clause, authors, replies // 2, start + 100_000 * depth)
        for row, parent in zip(rows, itertools.cycle(ids)):
            row.update(depth=depth, parent_id=parent)
        db.session.execute(sa.insert(Comment), rows)
        ids = list(
            db.session.scalars(
                sa.select(Comment.id).where(
                    Comment.revision_id == revision.id, Comment.depth == depth
                )
            )
        )
    mark_some(revision, authors)
    db.session.commit()


def mark_some(revision: Revision, authors: list[User]) -> None:
    taken = set(db.session.execute(sa.select(Endorsement.comment_id, Endorsement.user_id)))
    flagged = set(db.session.execute(sa.select(Flag.comment_id, Flag.user_id)))
    ids = db.session.scalars(sa.select(Comment.id).where(Comment.revision_id == revision.id))
    endorsements, flags = [], []
    for comment_id in ids:
        for user in authors[: comment_id % 3]:
            if (comment_id, user.id) not in taken:
                endorsements.append({"comment_id": comment_id, "user_id": user.id})
            if comment_id % 5 == 0 and (comment_id, user.id) not in flagged:
                flags.append({"comment_id": comment_id, "user_id": user.id, "reason": "Spam"})
    for model, rows in ((Endorsement, endorsements), (Flag, flags)):
        if rows:
            db.session.execute(sa.insert(model), rows)


@pytest.fixture
def two_revisions(commentable, create_revision, open_window):
    second = create_revision(
        commentable.policy,
        "# Guidelines\n\n## Purpose\n\nWe want a calm place.\n",
        summary="Calmer",
    )
    open_window(commentable.policy)
    return commentable, second


@pytest.fixture
def authors(create_user, moderator):
    return [create_user(f"author{i}", display_name=f"Author {i}") for i in range(4)]


def queries_for(client, count_queries, path: str) -> int:
    client.get(path)  # warm-up: one-time work (mapper configuration, caches) is not counted
    with count_queries() as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", ["newest", "oldest", "endorsed"])
def test_same_query_count_for_10_and_5000_comments(
    client, auth, count_queries, two_revisions, authors, sort
):
    first, second = two_revisions
    auth.login("author0")
    paths = [
        thread_path(second, "purpose", sort=sort),
        thread_path(second, "purpose", language="fr"),
        f"/policies/{second.policy.slug}",
        f"/policies/{second.policy.slug}/revisions/1",
    ]
    for revision in (first, second):
        add_comments(revision, authors, 10)
    small = [queries_for(client, count_queries, path) for path in paths]
    for revision in (first, second):
        add_comments(revision, authors, 4990, start=10)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 10_000
    large = [queries_for(client, count_queries, path) for path in paths]
    assert large == small
    # A thread also shows the earlier revisions' comments in full and the writers' role badges.
    assert max(large) < 30


def test_thread_page_is_paginated(client, two_revisions, authors, app):
    _first, second = two_revisions
    add_comments(second, authors, 200)
    html = client.get(thread_path(second, "purpose")).get_data(as_text=True)
    assert html.count('class="comment comment-depth-0') == app.config["ITEMS_PER_PAGE"]
    assert 'rel="next"' in html
