"""Acceptance 1: the consultation window is enforced by the server for every write."""

from datetime import UTC, datetime, timedelta

import pytest

from consult.comments.models import ConsultationWindow, Endorsement
from consult.extensions import db
from consult.types import utcnow
from tests.comment_factories import clause_of
from tests.comments.helpers import comment_count, move_window, reloaded, thread_path

WRITES = ["post", "reply", "edit", "endorse"]


def attempt(client, write: str, revision, comment):
    key = clause_of(revision).key
    if write == "post":
        return client.post(thread_path(revision, key), data={"body": "Late", "language": "en"})
    if write == "reply":
        return client.post(f"/comments/{comment.id}/reply", data={"body": "Late", "language": "en"})
    if write == "edit":
        return client.post(
            f"/comments/{comment.id}/edit", data={"body": "Changed", "language": "en"}
        )
    return client.post(f"/comments/{comment.id}/endorse")


@pytest.fixture
def someone_elses(commentable, moderator, create_comment):
    return create_comment(moderator, commentable, body="Posted while open")


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("write", WRITES)
def test_every_write_is_refused_outside_the_window(
    client, auth, commentable, staff, volunteer, someone_elses, create_comment, write, when
):
    own = create_comment(volunteer, commentable, body="Mine")
    move_window(staff, commentable, when)
    auth.login("volunteer")
    response = attempt(client, write, commentable, own if write == "edit" else someone_elses)
    assert response.status_code == 403
    text = response.get_data(as_text=True)
    assert ("has not opened yet" if when == "before" else "closed on") in text
    assert comment_count() == 2
    assert reloaded(own).body == "Mine" and reloaded(own).edited_at is None
    assert db.session.get(Endorsement, (someone_elses.id, volunteer.id)) is None


@pytest.mark.parametrize("write", WRITES)
def test_writes_are_refused_once_the_window_is_removed(
    client, auth, commentable, volunteer, someone_elses, create_comment, write
):
    own = create_comment(volunteer, commentable, body="Mine")
    db.session.query(ConsultationWindow).delete()
    db.session.commit()
    auth.login("volunteer")
    response = attempt(client, write, commentable, own if write == "edit" else someone_elses)
    assert response.status_code == 403
    assert "not open for this revision" in response.get_data(as_text=True)
    assert comment_count() == 2 and reloaded(own).body == "Mine"
    assert reloaded(someone_elses).endorsement_count == 0


def test_post_without_window_is_forbidden_with_message(client, auth, published, volunteer):
    auth.login("volunteer")
    response = attempt(client, "post", published, None)
    assert response.status_code == 403
    assert "not open for this revision" in response.get_data(as_text=True)


def test_closed_thread_stays_readable_without_forms(
    client, auth, commentable, staff, volunteer, someone_elses
):
    move_window(staff, commentable, "after")
    auth.login("volunteer")
    html = client.get(thread_path(commentable, clause_of(commentable).key)).get_data(as_text=True)
    assert "Posted while open" in html
    assert "Add a comment" not in html and "Post reply" not in html and "Endorse" not in html
    assert "closed on" in html


def test_open_window_shows_the_forms(client, auth, commentable, volunteer, someone_elses):
    auth.login("volunteer")
    html = client.get(thread_path(commentable, clause_of(commentable).key)).get_data(as_text=True)
    assert "Add a comment" in html and "Post reply" in html and "Endorse" in html


def test_superseded_revision_takes_no_comments(
    client, auth, commentable, create_revision, volunteer
):
    create_revision(commentable.policy, summary="Second")
    auth.login("volunteer")
    response = attempt(client, "post", commentable, None)
    assert response.status_code == 403
    assert "newer revision" in response.get_data(as_text=True)


def test_a_revision_window_overrides_the_policy_window(
    client, auth, commentable, create_revision, open_window, volunteer
):
    create_revision(commentable.policy, summary="Second")
    open_window(commentable.policy, revision=commentable)
    auth.login("volunteer")
    assert attempt(client, "post", commentable, None).status_code == 302
    assert comment_count() == 1


def test_drafts_take_no_comments(client, auth, draft, open_window, volunteer):
    open_window(draft.policy)
    auth.login("volunteer")
    key = draft.clauses[1].key
    response = client.post(thread_path(draft, key), data={"body": "x", "language": "en"})
    assert response.status_code == 404


def test_staff_set_the_window_in_their_time_zone(client, auth, published):
    auth.login("staff")
    with client.session_transaction() as session:
        session["timezone"] = "Asia/Jakarta"
    response = client.post(
        "/policies/guidelines/consultation",
        data={"revision": "", "opens_at": "2030-03-01T09:00", "closes_at": "2030-04-01T17:30"},
    )
    assert response.status_code == 302
    window = db.session.query(ConsultationWindow).one()
    assert window.opens_at == datetime(2030, 3, 1, 2, 0, tzinfo=UTC)
    assert window.closes_at == datetime(2030, 4, 1, 10, 30, tzinfo=UTC)
    html = client.get("/policies/guidelines").get_data(as_text=True)
    assert "March 1, 2030, 9:00\u202fAM WIB" in html  # shown back in Jakarta time, named


def test_window_is_shown_in_the_readers_language(client, commentable):
    with client.session_transaction() as session:
        session["locale"] = "fr"
    html = client.get("/policies/guidelines").get_data(as_text=True)
    assert "2026" in html or str(utcnow().year + 1) in html
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    assert any(month in html for month in months)


def test_closing_before_opening_is_refused(client, auth, published):
    auth.login("staff")
    response = client.post(
        "/policies/guidelines/consultation",
        data={"revision": "", "opens_at": "2030-03-01T09:00", "closes_at": "2030-02-01T09:00"},
    )
    assert response.status_code == 422
    assert "after the opening time" in response.get_data(as_text=True)
    assert db.session.query(ConsultationWindow).count() == 0


def test_only_staff_set_the_window(client, auth, published, volunteer):
    auth.login("volunteer")
    response = client.post(
        "/policies/guidelines/consultation", data={"revision": "", "opens_at": "2020-03-01T09:00"}
    )
    assert response.status_code == 403
    assert db.session.query(ConsultationWindow).count() == 0


def test_window_opening_time_is_inclusive_and_closing_exclusive(commentable):
    window = db.session.query(ConsultationWindow).one()
    assert window.is_open(window.opens_at)
    assert not window.is_open(window.closes_at)
    assert not window.is_open(window.opens_at - timedelta(microseconds=1))


def test_staff_remove_a_revision_window_with_empty_times(
    client, auth, commentable, create_revision, open_window
):
    create_revision(commentable.policy, summary="Second")
    open_window(commentable.policy, revision=commentable)
    auth.login("staff")
    response = client.post("/policies/guidelines/consultation", data={"revision": "1"})
    assert response.status_code == 302
    rows = db.session.query(ConsultationWindow).all()
    assert [row.revision_id for row in rows] == [None]
