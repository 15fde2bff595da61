"""Similar comments on the triage page: each comment says how many others are like it, the
groups are listed with their sizes, `?group=` shows one, and one action decides all of it."""

import re

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.models import Comment, Disposition
from consult.extensions import db
from tests.comments.test_queries import add_comments, queries_for
from tests.comments.test_triage_queries import decide_some
from tests.drafts.test_drafts_likeness import CAMPAIGN, OTHER

TRIAGE = "/policies/guidelines/triage"


@pytest.fixture
def campaign(commentable, create_user, create_comment):
    """Three copies of a campaign comment and one other comment."""
    people = [create_user(f"writer{i}") for i in range(4)]
    copies = [
        create_comment(person, commentable, body=f"{CAMPAIGN} {name}")
        for person, name in zip(people, ("Alice", "Bob", "Carol"))
    ]
    create_comment(people[3], commentable, body=OTHER)
    return copies


def shown(html: str) -> set[str]:
    return set(re.findall(r"(Alice|Bob|Carol)</p>", html)) | (
        {"other"} if "Care Team" in html else set()
    )


def test_each_copy_says_how_many_others_are_like_it(client, auth, campaign):
    auth.login("staff")
    html = client.get(TRIAGE).get_data(as_text=True)
    link = f'href="{TRIAGE}?group={campaign[0].id}">Similar to 2 other comments</a>'
    assert html.count(link) == 3
    assert "Groups of similar comments" in html
    assert f"Comment {campaign[0].id}: Please keep the river meadow" in html
    assert re.search(rf'group={campaign[0].id}"[^>]*>[^<]*</a> — 3 comments', html)
    select = html.split('id="filter-group"')[1].split("</select>")[0]
    assert f'<option value="{campaign[0].id}">Comment {campaign[0].id}: Please' in select
    assert "(3)</option>" in select


def test_the_group_filter_shows_the_group_and_defaults_to_all_of_it(client, auth, campaign):
    auth.login("staff")
    html = client.get(f"{TRIAGE}?group={campaign[0].id}").get_data(as_text=True)
    assert "3 comments match" in html and shown(html) == {"Alice", "Bob", "Carol"}
    assert re.search(r'<input checked[^>]* value="matching"', html)
    assert "These comments are near-identical:" in html
    assert "1 comment matches" in client.get(f"{TRIAGE}?group={campaign[0].id}&text=Bob").get_data(
        as_text=True
    )
    assert "0 comments match" in client.get(f"{TRIAGE}?group=999999").get_data(as_text=True)


def test_one_action_gives_the_whole_group_a_disposition(client, auth, campaign):
    auth.login("staff")
    response = client.post(
        f"{TRIAGE}?group={campaign[0].id}",
        data={
            "scope": "matching",
            "expected": "3",
            "disposition": "noted",
            "response": "Thank you: we read every copy of this letter.",
        },
    )
    assert response.status_code == 302 and f"group={campaign[0].id}" in response.location
    db.session.expire_all()
    rows = db.session.execute(sa.select(Comment.id, Comment.disposition, Comment.response)).all()
    noted = {i for i, disposition, _r in rows if disposition is Disposition.NOTED}
    assert noted == {copy.id for copy in campaign}
    audited = db.session.scalars(
        sa.select(AuditEvent.target_id).where(AuditEvent.action == "comment.disposition_set")
    )
    assert sorted(audited) == sorted(str(copy.id) for copy in campaign)


@pytest.mark.parametrize("who", ["volunteer", "moderator"])
def test_only_staff_see_or_decide_a_group(client, auth, campaign, volunteer, moderator, who):
    auth.login(who)
    path = f"{TRIAGE}?group={campaign[0].id}"
    assert client.get(path).status_code == 403
    response = client.post(
        path, data={"scope": "matching", "expected": "3", "disposition": "noted"}
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert set(db.session.scalars(sa.select(Comment.disposition))) == {Disposition.OPEN}


@pytest.fixture
def authors(create_user, moderator):
    return [create_user(f"author{i}", display_name=f"Author {i}") for i in range(4)]


def group_some() -> None:
    """Comments in groups of five, as after a campaign or two and a regroup."""
    ids = db.session.scalars(sa.select(Comment.id).where(Comment.parent_id.is_(None))).all()
    rows = [{"id": i, "similar_group_id": ids[n - n % 5]} for n, i in enumerate(ids)]
    db.session.execute(sa.update(Comment), rows)
    db.session.commit()


def test_same_query_count_with_groups_for_100_and_3000_comments(
    client,
    auth,
    count_queries,
    commentable,
    authors,
    staff,
):
    auth.login("staff")
    add_comments(commentable, authors, 100)
    decide_some(staff)
    group_some()
    first = db.session.scalar(sa.select(sa.func.min(Comment.id)))
    paths = [TRIAGE, f"{TRIAGE}?group={first}", f"{TRIAGE}?group={first}&disposition=open"]
    small = [queries_for(client, count_queries, path) for path in paths]
    add_comments(commentable, authors, 2900, start=100)
    decide_some(staff)
    group_some()
    large = [queries_for(client, count_queries, path) for path in paths]
    assert large == small
    assert max(large) < 28
