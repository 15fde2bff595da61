"""The report's and the statistics page's content is kept between requests
(consult/comments/rendered.py): a warm page runs none of the aggregates, and anything it
shows — a new comment, a disposition, a response, a responder's new name, a publication,
the reader's language or role — makes the next page render afresh."""

import re

import pytest
import sqlalchemy as sa

from consult.accounts.models import Role, User, UserRole
from consult.comments.models import Comment, Disposition
from consult.comments.triage import Changes, Decision, apply
from consult.extensions import db
from tests.comment_factories import clause_of

REPORT = "/policies/guidelines/revisions/1/report"
STATISTICS = "/policies/guidelines/statistics"


@pytest.fixture
def commented(commentable, volunteer, create_comment):
    create_comment(volunteer, clause_of(commentable, "purpose"), "Say who decides.")
    db.session.commit()
    return commentable


def purpose_total(client) -> str:
    """The Purpose clause's number of comments in the report's overview table."""
    html = client.get(REPORT).get_data(as_text=True)
    return re.search(r"Purpose</bdi></a></th>\s*<td>(\d+)</td>", html).group(1)


def statistics_total(client) -> str:
    html = client.get(STATISTICS).get_data(as_text=True)
    row = re.search(r"Purpose</bdi>.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>(\d+)</td>", row)[-1]


def decide(staff, comment, disposition: Disposition, response: str = "") -> None:
    selection = sa.select(Comment.id).where(Comment.id == comment.id)
    changes = Changes(Decision(disposition), response=response or None)
    apply(staff, comment.revision.policy, selection, changes)
    db.session.commit()


def test_a_warm_page_runs_no_aggregate(client, commented, count_queries):
    for path in (REPORT, STATISTICS):
        client.get(path).get_data()
        with count_queries() as queries:
            assert client.get(path).status_code == 200
        assert not [q for q in queries if "count(" in q.lower()], path


def test_a_new_comment_shows_on_the_next_page(client, commented, volunteer, create_comment):
    assert purpose_total(client) == "1" and statistics_total(client) == "1"
    create_comment(volunteer, clause_of(commented, "purpose"), "Another one.")
    db.session.commit()
    assert purpose_total(client) == "2" and statistics_total(client) == "2"


def test_a_disposition_and_a_response_show_on_the_next_report(client, commented, staff):
    before = client.get(REPORT).get_data(as_text=True)
    assert "RESPONSE-8c1" not in before
    comment = db.session.scalars(sa.select(Comment)).one()
    decide(staff, comment, Disposition.DECLINED, "No, sorry RESPONSE-8c1.")
    html = client.get(REPORT).get_data(as_text=True)
    assert "RESPONSE-8c1" in html
    assert 'class="badge disposition-declined"' in html


def test_a_responders_new_name_shows(client, commented, staff):
    comment = db.session.scalars(sa.select(Comment)).one()
    decide(staff, comment, Disposition.NOTED, "Thank you.")
    assert "Sam Staff" in client.get(REPORT).get_data(as_text=True)
    db.session.get(User, staff.id).display_name = "Samira RENAMED-2f"
    db.session.commit()
    assert "RENAMED-2f" in client.get(REPORT).get_data(as_text=True)


def test_a_new_role_moves_every_counter(commented, volunteer):
    from consult.comments.generations import generation_of

    before = generation_of(commented.policy_id)
    db.session.add(UserRole(user_id=volunteer.id, role=Role.MODERATOR))
    db.session.commit()
    assert generation_of(commented.policy_id) > before


def test_a_new_revision_shows_on_the_report(client, commented, create_revision):
    assert "No later revision has been published yet." in client.get(REPORT).text
    create_revision(commented.policy)
    db.session.commit()
    html = client.get(REPORT).get_data(as_text=True)
    assert "No later revision has been published yet." not in html
    assert "/compare/1/2" in html or "revision 2" in html


def test_each_language_reads_its_own_page(client, commented):
    english = client.get(STATISTICS).get_data(as_text=True)
    client.post("/language", data={"locale": "fr"})
    french = client.get(STATISTICS, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Comments per day" in english
    assert "Comments per day" not in french
