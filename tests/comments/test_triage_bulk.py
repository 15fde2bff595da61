"""The triage page: filters with their counts and their state in the URL, and changes for
many comments at once that change exactly the selection."""

import re

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.flags import flag_comment
from consult.comments.models import Comment, CommentTriage, Disposition
from consult.extensions import db
from consult.moderation.services import hide
from tests.comment_factories import clause_of

TRIAGE = "/policies/guidelines/triage"


@pytest.fixture
def comments(commentable, volunteer, moderator, create_user, create_comment):
    """Six comments: three French (one suggesting a wording), two English, one German
    reply; one flagged, one hidden."""
    other = create_user("other", display_name="Otto Other")
    made = [
        create_comment(volunteer, commentable, body="Premier", language="fr"),
        create_comment(other, commentable, body="Deuxième", language="fr", suggested_wording="X"),
        create_comment(
            volunteer, clause_of(commentable, "reporting"), body="Troisième", language="fr"
        ),
        create_comment(other, commentable, body="First English", language="en"),
        create_comment(volunteer, clause_of(commentable, "reporting"), body="Second English"),
    ]
    made.append(
        create_comment(other, commentable, body="Eine Antwort", language="de", parent=made[0])
    )
    flag_comment(other, made[0], "Rude")
    hide(moderator, made[4], "Off topic")
    db.session.commit()
    return made


def dispositions() -> dict[str, Disposition]:
    db.session.expire_all()
    return dict(db.session.execute(sa.select(Comment.body, Comment.disposition)).all())


def audited(action: str) -> list[str]:
    return list(
        db.session.scalars(sa.select(AuditEvent.target_id).where(AuditEvent.action == action))
    )


def option(html: str, name: str, value: str) -> str:
    """The text of one filter's option, e.g. "Français (3)"."""
    select = html.split(f'id="filter-{name}"')[1].split("</select>")[0]
    return re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', select)[1]


def test_every_filter_shows_its_counts(client, auth, comments):
    auth.login("staff")
    html = client.get(TRIAGE).get_data(as_text=True)
    assert "5 comments match" in html  # replies only on request
    assert option(html, "language", "fr") == "français (3)"
    assert option(html, "language", "en") == "English (2)"
    assert option(html, "clause", "reporting").endswith("(2)")
    assert option(html, "disposition", "open") == "Open (5)"
    assert (
        option(html, "flagged", "yes") == "Yes (1)" and option(html, "hidden", "yes") == "Yes (1)"
    )
    assert option(html, "wording", "yes") == "Yes (1)"
    assert option(html, "revision", "1") == "Revision 1 (5)"
    assert option(html, "assignee", "none") == "Nobody (5)"


def test_a_facet_counts_under_the_other_filters_and_the_state_stays_in_the_url(
    client, auth, comments, app
):
    auth.login("staff")
    html = client.get(f"{TRIAGE}?language=fr&clause=purpose&replies=yes").get_data(as_text=True)
    assert "2 comments match" in html
    assert option(html, "language", "fr") == "français (2)"  # counted without its own filter
    assert option(html, "language", "de") == "Deutsch (1)"
    assert option(html, "clause", "reporting").endswith("(1)")
    assert 'value="fr" selected' in html.split('id="filter-language"')[1].split("</select>")[0]
    assert 'action="/policies/guidelines/triage?' in html and "language=fr" in html
    assert "Premier" in html and "First English" not in html and "Troisième" not in html


@pytest.mark.parametrize(
    "query, bodies",
    [
        ("flagged=yes", {"Premier"}),
        ("hidden=yes", {"Second English"}),
        ("wording=yes", {"Deuxième"}),
        ("text=english", {"First English", "Second English"}),
        ("text=%25", set()),  # a LIKE wildcard is searched for, not matched
        ("replies=yes&language=de", {"Eine Antwort"}),
        ("since=2000-01-01&until=2000-01-02", set()),
    ],
)
def test_filters_select_what_they_say(client, auth, comments, query, bodies):
    auth.login("staff")
    html = client.get(f"{TRIAGE}?{query}").get_data(as_text=True)
    every = {"Premier", "Deuxième", "Troisième", "First English", "Second English", "Eine Antwort"}
    shown = {body for body in every if f"<p>{body}</p>" in html}
    assert shown == bodies


def test_a_bulk_action_changes_exactly_the_ticked_comments(client, auth, comments, staff):
    auth.login("staff")
    picked = [comments[1], comments[3]]
    response = client.post(
        f"{TRIAGE}?language=fr",
        data={
            "scope": "selected",
            "comment": [str(c.id) for c in picked],
            "disposition": "declined",
            "assignee": str(staff.id),
            "response": "Thank you, we keep the text.",
        },
    )
    assert response.status_code == 302 and "language=fr" in response.location
    found = dispositions()
    assert {body for body, d in found.items() if d is Disposition.DECLINED} == {
        "Deuxième",
        "First English",
    }
    assert sorted(audited("comment.disposition_set")) == sorted(str(c.id) for c in picked)
    assert sorted(audited("comment.assigned")) == sorted(str(c.id) for c in picked)
    assert sorted(audited("comment.response_set")) == sorted(str(c.id) for c in picked)
    records = db.session.scalars(sa.select(CommentTriage)).all()
    assert sorted(r.comment_id for r in records) == sorted(c.id for c in picked)


def test_all_matching_changes_every_matching_comment_and_nothing_else(client, auth, comments):
    auth.login("staff")
    response = client.post(
        f"{TRIAGE}?language=fr", data={"scope": "matching", "expected": "3", "disposition": "noted"}
    )
    assert response.status_code == 302
    noted = {body for body, d in dispositions().items() if d is Disposition.NOTED}
    assert noted == {"Premier", "Deuxième", "Troisième"}


def test_all_matching_is_refused_when_the_matches_changed_meanwhile(
    client, auth, comments, commentable, volunteer, create_comment
):
    auth.login("staff")
    create_comment(volunteer, commentable, body="Arrivé entre-temps", language="fr")
    response = client.post(
        f"{TRIAGE}?language=fr", data={"scope": "matching", "expected": "3", "disposition": "noted"}
    )
    assert response.status_code == 422
    assert "4 comments match now, not 3" in response.get_data(as_text=True)
    assert Disposition.NOTED not in dispositions().values()


def test_ticked_comments_of_another_policy_are_ignored(
    client, auth, comments, create_policy, create_revision, open_window, volunteer, create_comment
):
    elsewhere = create_revision(create_policy("other", "Other"))
    open_window(elsewhere.policy)
    stranger = create_comment(volunteer, elsewhere, body="Elsewhere")
    auth.login("staff")
    response = client.post(
        TRIAGE, data={"scope": "selected", "comment": [str(stranger.id)], "disposition": "noted"}
    )
    assert response.status_code == 422 and "Select at least one comment" in response.get_data(
        as_text=True
    )
    assert dispositions()["Elsewhere"] is Disposition.OPEN


def test_a_bulk_action_needs_a_change(client, auth, comments):
    auth.login("staff")
    response = client.post(TRIAGE, data={"scope": "selected", "comment": [str(comments[0].id)]})
    assert response.status_code == 422
    assert "Choose a disposition" in response.get_data(as_text=True)


def test_many_comments_become_duplicates_of_an_earlier_one(client, auth, comments):
    auth.login("staff")
    original = comments[0]
    response = client.post(
        TRIAGE,
        data={
            "scope": "selected",
            "comment": [str(comments[1].id), str(comments[3].id)],
            "disposition": "duplicate",
            "original": str(original.id),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert {db.session.get(Comment, c.id).duplicate_of_id for c in comments[1:4:2]} == {original.id}


def test_the_policy_page_links_the_triage_for_staff_only(client, auth, comments):
    assert f'href="{TRIAGE}"' not in client.get("/policies/guidelines").get_data(as_text=True)
    auth.login("staff")
    assert f'href="{TRIAGE}"' in client.get("/policies/guidelines").get_data(as_text=True)


def test_the_page_is_a_keyboard_friendly_form(client, auth, comments):
    auth.login("staff")
    html = client.get(TRIAGE).get_data(as_text=True)
    pick = comments[0].id
    assert f'<input type="checkbox" name="comment" value="{pick}" id="pick-{pick}">' in html
    assert f'<label for="pick-{pick}">Select comment {pick}</label>' in html
    assert 'type="submit"' in html.split('class="bulk-actions"')[1]
    # No script of its own: only the time-zone cookie's, which every page loads.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/timezone.js" defer>']
