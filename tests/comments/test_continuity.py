"""Conversations survive revisions: a clause's thread follows its key, earlier comments show
in full on the latest thread and take replies there, and an old thread leads to the latest."""

import re

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment, Endorsement
from consult.extensions import db
from tests.comment_factories import clause_of
from tests.comments.helpers import move_window, thread_path

CHANGED = """# Community Guidelines

Welcome to the guidelines.

## Purpose

We want a *calm* and friendly place where caste is never held against anyone.

## Behaviour

### Expected

Be kind.

### Unacceptable

Do not harass anyone.

## Reporting

Write to the team.
"""

WITHOUT_REPORTING = CHANGED.split("## Reporting")[0]


@pytest.fixture
def first_comment(commentable, volunteer, create_comment):
    return create_comment(
        volunteer,
        commentable,
        body="Please name *caste* among the grounds.",
        suggested_wording="We want a friendly place for every caste.",
    )


@pytest.fixture
def second(commentable, first_comment, create_revision, open_window):
    """Revision 2 changes the clause the first comment is about; its consultation is open."""
    revision = create_revision(commentable.policy, CHANGED, summary="Caste")
    open_window(commentable.policy)
    return revision


def test_earlier_comments_show_in_full_on_the_latest_thread(client, second, first_comment):
    html = client.get(thread_path(second, "purpose")).get_data(as_text=True)
    earlier = html.split('class="comments-history"')[1]
    assert "Please name <em>caste</em> among the grounds." in earlier  # Markdown rendered
    suggestion = earlier.split('class="comment-suggestion"')[1].split("</section>")[0]
    # A redline against the clause of revision 1, not of revision 2.
    assert "for every caste<span" in suggestion and "calm" not in suggestion
    assert "/policies/guidelines/compare/1/2#change-purpose" in earlier
    assert f'id="comment-{first_comment.id}"' in earlier


def test_the_group_heading_pluralises_on_the_count(
    client, commentable, volunteer, moderator, create_comment, create_revision, open_window
):
    create_comment(volunteer, commentable, body="One")
    create_comment(moderator, commentable, body="Two")
    second = create_revision(commentable.policy, CHANGED, summary="Second")
    open_window(commentable.policy)
    create_comment(volunteer, second, body="Three")
    third = create_revision(commentable.policy, CHANGED.replace("Be kind.", "Be kind!"))
    open_window(commentable.policy)
    html = client.get(thread_path(third, "purpose")).get_data(as_text=True)
    assert "2 comments on revision 1" in html and "1 comment on revision 2" in html
    assert "2 comment on revision 1" not in html and "1 comments on revision 2" not in html


def test_a_volunteer_replies_on_the_latest_revision_to_a_comment_on_revision_1(
    client, auth, second, first_comment, volunteer
):
    auth.login("volunteer")
    latest = thread_path(second, "purpose")
    html = client.get(latest).get_data(as_text=True)
    assert f'action="/comments/{first_comment.id}/reply"' in html
    response = client.post(
        f"/comments/{first_comment.id}/reply",
        data={"body": "Revision 2 says it now, *thank you*.", "language": "en", "next": latest},
    )
    assert response.status_code == 302
    reply = db.session.scalar(sa.select(Comment).where(Comment.parent_id == first_comment.id))
    assert response.location.endswith(f"{latest}#comment-{reply.id}")
    # The reply joins the conversation it answers, which belongs to revision 1.
    assert reply.revision_id == first_comment.revision_id
    html = client.get(latest).get_data(as_text=True)
    earlier = html.split('class="comments-history"')[1]
    assert "Revision 2 says it now, <em>thank you</em>." in earlier


def test_an_earlier_comment_takes_endorsements_while_the_latest_is_open(
    client, auth, second, first_comment, moderator
):
    auth.login("moderator")
    assert client.post(f"/comments/{first_comment.id}/endorse").status_code == 302
    assert db.session.get(Endorsement, (first_comment.id, moderator.id)) is not None


def test_no_reply_to_an_earlier_comment_once_the_latest_is_closed(
    client, auth, staff, second, first_comment, volunteer
):
    move_window(staff, second, "after")
    auth.login("volunteer")
    html = client.get(thread_path(second, "purpose")).get_data(as_text=True)
    assert f'action="/comments/{first_comment.id}/reply"' not in html
    response = client.post(
        f"/comments/{first_comment.id}/reply", data={"body": "Late", "language": "en"}
    )
    assert response.status_code == 403 and "closed on" in response.get_data(as_text=True)


def test_an_old_thread_leads_to_the_latest_and_still_takes_replies(
    client, auth, commentable, second, first_comment, volunteer
):
    auth.login("volunteer")
    html = client.get(thread_path(commentable, "purpose")).get_data(as_text=True)
    assert 'href="/policies/guidelines/revisions/2/clauses/purpose/comments"' in html
    assert "conversation continues there" in html
    assert "/policies/guidelines/compare/1/2#change-purpose" in html
    assert "Add a comment" not in html  # new comments go on the latest revision
    assert f'action="/comments/{first_comment.id}/reply"' in html
    posted = client.post(thread_path(commentable, "purpose"), data={"body": "x", "language": "en"})
    assert posted.status_code == 403


def test_an_old_thread_is_no_dead_end_for_anonymous_readers(client, commentable, second):
    html = client.get(thread_path(commentable, "reporting")).get_data(as_text=True)
    assert 'href="/policies/guidelines/revisions/2/clauses/reporting/comments"' in html
    assert "/compare/1/2" not in html.split('class="comment-later"')[1].split("</p>")[0]


def test_staff_respond_on_an_old_thread(client, auth, commentable, second, first_comment):
    auth.login("staff")
    html = client.get(thread_path(commentable, "purpose")).get_data(as_text=True)
    assert f'href="/comments/{first_comment.id}/triage"' in html


def test_a_removed_clause_closes_its_conversation(
    client, auth, commentable, volunteer, moderator, create_comment, create_revision, open_window
):
    comment = create_comment(moderator, clause_of(commentable, "reporting"), body="Which team?")
    create_revision(commentable.policy, WITHOUT_REPORTING, summary="No reporting")
    open_window(commentable.policy)
    auth.login("volunteer")
    html = client.get(thread_path(commentable, "reporting")).get_data(as_text=True)
    assert "This clause is not in revision 2" in html
    assert re.search(r'href="/policies/guidelines/compare/1/2#change-reporting"', html)
    assert f'action="/comments/{comment.id}/reply"' not in html
    response = client.post(f"/comments/{comment.id}/reply", data={"body": "x", "language": "en"})
    assert response.status_code == 403
