"""The public comments API: visible comments only, with their disposition and response,
under pseudonyms, nothing internal; public filters; a cursor that reads every comment once."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment, CommentStatus, Disposition
from consult.comments.pseudonyms import author_pseudonym
from consult.comments.public import Cursor
from consult.comments.triage import Changes, Decision, apply
from consult.extensions import db
from tests.comments.conftest import NOTE, just
from tests.comments.test_queries import add_comments

API = "/api/v1/policies/guidelines/comments"
KEYS = {
    "id",
    "revision",
    "clause",
    "parent_id",
    "language",
    "author",
    "created",
    "edited",
    "body",
    "suggested_wording",
    "endorsements",
    "disposition",
    "duplicate_of",
    "addressed_in_revision",
    "response",
}


def listed(client, query: str = "") -> dict:
    response = client.get(API + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def ids(document: dict) -> list[int]:
    return [item["id"] for item in document["comments"]]


@pytest.mark.parametrize("who", [None, "volunteer", "staff"])
def test_visible_comments_with_outcome_and_nothing_internal(
    client, auth, discussion, volunteer, staff, who
):
    comments, (answered, reply, hidden, deleted) = discussion
    if who:
        auth.login(who)
    response = client.get(API)
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    document = response.get_json()
    assert ids(document) == [answered, reply] and document["next"] is None
    first, second = document["comments"]
    assert set(first) == KEYS
    assert first == {
        "id": answered,
        "revision": 1,
        "clause": {"key": "purpose", "number": "1"},
        "parent_id": None,
        "language": "en",
        "author": author_pseudonym(volunteer.id),
        "created": comments[answered].created_at.isoformat(),
        "edited": None,
        "body": "Name *caste*.",
        "suggested_wording": "Add it.",
        "endorsements": 1,
        "disposition": "accepted",
        "duplicate_of": None,
        "addressed_in_revision": None,
        "response": {
            "text": "We *agree*.",
            "at": comments[answered].responded_at.isoformat(),
            "role": "staff",
        },
    }
    assert second["parent_id"] == answered and second["author"] == author_pseudonym(staff.id)
    assert second["response"] is None and second["disposition"] == "open"
    text = response.get_data(as_text=True)
    for secret in (NOTE, "Val Volunteer", "Sam Staff", "Rude words", "Off topic"):
        assert secret not in text
    for word in ("assignee", "note", "flag", "hidden", "status"):
        assert word not in text


def test_pseudonyms_are_stable_distinct_and_keyed_by_the_secret(app, volunteer, staff):
    mine = author_pseudonym(volunteer.id)
    assert mine == author_pseudonym(volunteer.id) != author_pseudonym(staff.id)
    assert str(volunteer.id) not in mine.removeprefix("author-")[:2]
    assert author_pseudonym(None) is None
    app.config["SECRET_KEY"] = "another secret"
    assert author_pseudonym(volunteer.id) != mine


@pytest.fixture
def varied(commentable, create_revision, volunteer, staff, create_comment):
    """Comments in two languages, on two clauses and two revisions, some with a wording,
    some declined, posted on known days."""
    first = commentable
    made = {
        "fr": create_comment(volunteer, first, "Bonjour tout le monde", language="fr"),
        "wording": create_comment(volunteer, first, "Reword it", suggested_wording="Be nice."),
        "other clause": create_comment(volunteer, first.clauses[2], "About behaviour"),
    }
    second = create_revision(first.policy, summary="Second")
    made["second"] = create_comment(staff, second, "On the second revision")
    days = {"fr": 1, "wording": 2, "other clause": 3, "second": 4}
    for name, day in days.items():
        moment = datetime(2026, 11, day, 12, tzinfo=UTC)
        db.session.execute(
            sa.update(Comment).where(Comment.id == made[name].id).values(created_at=moment)
        )
    apply(staff, first.policy, just(made["fr"]), Changes(Decision(Disposition.DECLINED)))
    db.session.commit()
    return {name: comment.id for name, comment in made.items()}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["fr", "wording", "other clause", "second"]),
        ("?revision=2", ["second"]),
        ("?revision=1&language=fr", ["fr"]),
        ("?language=FR", ["fr"]),
        ("?language=en-us", []),
        ("?language=en", ["wording", "other clause", "second"]),
        ("?clause=behaviour", ["other clause"]),
        ("?disposition=declined", ["fr"]),
        ("?disposition=open", ["wording", "other clause", "second"]),
        ("?wording=yes", ["wording"]),
        ("?wording=no", ["fr", "other clause", "second"]),
        ("?since=2026-11-02&until=2026-11-03", ["wording", "other clause"]),
        ("?since=2026-11-04", ["second"]),
        ("?until=2026-11-01", ["fr"]),
        ("?q=BONJOUR", ["fr"]),
        ("?q=be%20nice", ["wording"]),
        ("?q=%25", []),
        ("?q=", ["fr", "wording", "other clause", "second"]),
    ],
)
def test_filters(client, varied, query, expected):
    assert ids(listed(client, query)) == [varied[name] for name in expected]


@pytest.mark.parametrize(
    "query",
    [
        "?disposition=maybe",
        "?since=yesterday",
        "?until=2026-13-01",
        "?revision=x",
        "?revision=99999999999",
        "?wording=perhaps",
        "?language=klingon-xx",
        "?limit=ten",
        "?limit=-1",
        "?cursor=not-a-cursor",
        "?cursor=" + Cursor(datetime(2026, 1, 1, tzinfo=UTC), 0).encode(),
        "?cursor=WzEsMl0",  # [1,2]
    ],
)
def test_unreadable_parameters_are_refused_in_json(client, varied, query):
    response = client.get(API + query)
    assert response.status_code == 400
    assert response.get_json()["error"]["status"] == 400


def test_the_cursor_reads_every_visible_comment_once(client, commentable, create_user):
    authors = [create_user(f"author{i}", display_name=f"Author {i}") for i in range(3)]
    add_comments(commentable, authors, 400)  # some hidden, some deleted, in three languages
    # Many comments share a creation time: the id breaks the tie.
    tied = datetime(2026, 11, 5, tzinfo=UTC)
    db.session.execute(sa.update(Comment).where(Comment.id % 3 == 0).values(created_at=tied))
    english = sa.select(Comment.id).where(Comment.language == "en")
    for status, chosen in ((CommentStatus.HIDDEN, 0), (CommentStatus.DELETED, 1)):
        picked = english.order_by(Comment.id).offset(chosen * 3).limit(3)
        db.session.execute(
            sa.update(Comment).where(Comment.id.in_(picked.scalar_subquery())).values(status=status)
        )
    db.session.commit()
    visible = db.session.scalars(
        english.where(Comment.status == CommentStatus.PUBLISHED).order_by(
            Comment.created_at, Comment.id
        )
    ).all()
    removed = db.session.scalars(english.where(Comment.status != CommentStatus.PUBLISHED)).all()
    assert len(visible) > 50 and removed
    seen, url, pages = [], API + "?limit=7&language=en", 0
    while url:
        document = client.get(url).get_json()
        seen += ids(document)
        url, pages = document["next"], pages + 1
        if url:
            assert parse_qs(urlsplit(url).query)["language"] == ["en"]
    assert seen == list(visible)
    assert pages == -(-len(visible) // 7)


def test_the_limit_is_bounded(client, commentable, create_user):
    add_comments(commentable, [create_user("author0")], 250)
    assert len(ids(listed(client, "?limit=1000"))) == 200
    assert len(ids(listed(client, "?limit=0"))) == 1
    assert len(ids(listed(client))) == 50


def test_a_policy_with_only_drafts_is_missing_for_all_but_staff(
    client, auth, create_policy, create_revision, volunteer
):
    create_revision(create_policy(slug="secret"), publish=False)
    assert client.get("/api/v1/policies/secret/comments").status_code == 404
    auth.login("volunteer")
    assert client.get("/api/v1/policies/secret/comments").status_code == 404
    auth.logout()
    auth.login("staff")
    response = client.get("/api/v1/policies/secret/comments")
    assert response.get_json() == {"policy": "secret", "comments": [], "next": None}


def test_a_page_costs_the_same_queries_whatever_its_length(
    client, count_queries, commentable, create_user
):
    add_comments(commentable, [create_user("author0")], 300)
    counts = []
    for limit in (5, 200):
        client.get(f"{API}?limit={limit}")  # warm-up: one-time work is not counted
        with count_queries() as queries:
            assert len(client.get(f"{API}?limit={limit}").get_json()["comments"]) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1] < 10
