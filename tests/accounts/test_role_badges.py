"""Staff, moderators and translators carry a role badge next to their name wherever they
write — comments, replies, earlier-revision previews, translations, the moderation pages — in
the reader's language; a volunteer who calls themself "Mo Moderator" carries none."""

import re

import pytest

from consult.accounts.models import Role
from consult.extensions import db
from consult.translating.comments import save_comment_translation
from tests.comments.helpers import thread_path

BADGE = re.compile(r'<span class="badge role-badge role-(\w+)">([^<]+)</span>')


def badges_of(html: str, name: str) -> set[tuple[str, str]]:
    """The (role, label) badges written right after any mention of `name`."""
    after_name = re.escape(name) + r"(?:</\w+>)*((?:\s*" + BADGE.pattern + r")*)"
    return {
        badge for match in re.finditer(after_name, html) for badge in BADGE.findall(match.group(1))
    }


@pytest.fixture
def people(create_user, staff, moderator, admin):
    return {
        "greta": create_user("greta", (Role.TRANSLATOR,), ("de",), display_name="Greta Trans"),
        "mo": create_user("impostor", display_name="Mo Impostor"),
    }


@pytest.fixture
def discussion(commentable, people, staff, moderator, admin, create_comment):
    top = create_comment(people["mo"], commentable, body="Volunteer words.")
    people["reply"] = create_comment(staff, commentable, body="A staff reply.", parent=top)
    create_comment(moderator, commentable, body="A moderator's comment.")
    create_comment(admin, commentable, body="An admin's comment.")
    german = create_comment(people["greta"], commentable, body="Deutsch.", language="de")
    save_comment_translation(people["greta"], german, "German.")
    db.session.commit()
    return top


def thread_html(revision, key: str, client, **headers) -> str:
    return client.get(thread_path(revision, key), headers=headers).get_data(as_text=True)


def test_writers_carry_their_role_badge_in_a_thread(client, discussion, commentable):
    html = thread_html(commentable, discussion.clause_key, client)
    assert badges_of(html, "Sam Staff") == {("staff", "Staff")}
    assert badges_of(html, "Mo Moderator") == {("moderator", "Moderator")}
    assert badges_of(html, "Ada Admin") == {("admin", "Admin")}
    assert badges_of(html, "Greta Trans") == {("translator", "Translator")}
    translated_by = html.split("Translated into")[1]
    assert badges_of(translated_by[:400], "Greta Trans") == {("translator", "Translator")}
    assert badges_of(html, "Mo Impostor") == set()


def test_badges_follow_the_readers_language(client, discussion, commentable):
    html = thread_html(commentable, discussion.clause_key, client, **{"Accept-Language": "fr"})
    assert badges_of(html, "Sam Staff") == {("staff", "Équipe")}
    assert badges_of(html, "Mo Moderator") == {("moderator", "Modérateur")}


def test_badges_on_the_permalink_and_earlier_revisions(
    client, discussion, commentable, create_revision, open_window
):
    html = client.get(f"/comments/{discussion.id}").get_data(as_text=True)
    assert badges_of(html, "Sam Staff") == {("staff", "Staff")}
    later = create_revision(commentable.policy, summary="Second")
    open_window(later.policy)
    html = thread_html(later, discussion.clause_key, client)
    assert "comments-earlier" in html
    assert badges_of(html, "Mo Moderator") == {("moderator", "Moderator")}


def test_badges_in_the_moderation_queue_and_page(client, auth, discussion, people, moderator):
    reply = people["reply"]
    auth.login("moderator")
    client.post(f"/comments/{reply.id}/flag", data={"reason": "Check"})
    assert badges_of(client.get("/moderation").get_data(as_text=True), "Sam Staff") == {
        ("staff", "Staff")
    }
    page = client.get(f"/moderation/comments/{reply.id}").get_data(as_text=True)
    assert badges_of(page, "Sam Staff") == {("staff", "Staff")}


def test_translated_by_carries_the_badge(client, auth, published, people, create_user):
    create_user("dieter", (Role.TRANSLATOR,), ("de",), display_name="Dieter Zwei")
    auth.login("greta")
    url = "/policies/guidelines/revisions/1/translations/de"
    client.post(f"{url}/clauses/purpose", data={"heading": "Zweck", "body": "Ort.", "version": "0"})
    auth.logout()
    auth.login("dieter")
    client.post(f"{url}/clauses/purpose/review")
    translator = {("translator", "Translator")}
    editor = client.get(f"{url}/clauses/purpose").get_data(as_text=True)
    assert badges_of(editor.split("Translated by")[1], "Greta Trans") == translator
    assert badges_of(editor.split("reviewed by")[1], "Dieter Zwei") == translator
    workspace = client.get(url).get_data(as_text=True)
    assert badges_of(workspace, "Greta Trans") == translator
    assert badges_of(workspace, "Dieter Zwei") == translator
