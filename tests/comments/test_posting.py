"""Acceptance 1: posting, replying, editing, deleting and endorsing follow their rules."""

import re

import pytest
import sqlalchemy as sa

from consult.comments.errors import CommentError, CommentForbidden
from consult.comments.models import CommentStatus, CommentVersion, Endorsement
from consult.comments.services import toggle_endorsement
from consult.extensions import db
from consult.moderation.blocks import block
from tests.comment_factories import clause_of
from tests.comments.helpers import age, audit_actions, comment_count, reloaded, thread_path


@pytest.fixture
def path(commentable):
    return thread_path(commentable, clause_of(commentable).key)


def test_signed_in_volunteer_comments_in_a_language(client, auth, path, volunteer):
    auth.login("volunteer")
    response = client.post(path, data={"body": "Je suis *d'accord*.", "language": "fr"})
    assert response.status_code == 302 and "#comment-" in response.location
    html = client.get(path).get_data(as_text=True)
    assert "Je suis <em>d'accord</em>." in html
    assert 'lang="fr"' in html and "français" in html
    assert "comment.posted" in audit_actions()


def test_anonymous_post_goes_to_sign_in_and_stores_nothing(client, path):
    response = client.post(path, data={"body": "Hello", "language": "en"})
    assert response.status_code == 302 and "/login" in response.location
    assert comment_count() == 0


@pytest.mark.parametrize("tag, stored", [("pt-BR", "pt-BR"), ("zh-Hant", "zh-Hant")])
def test_language_is_a_normalised_bcp47_tag(
    client, auth, path, volunteer, tag, stored, create_comment, commentable
):
    comment = create_comment(volunteer, commentable, language=tag.lower().replace("-", "_"))
    assert comment.language == stored


@pytest.mark.parametrize("tag", ["xx-nope", "klingon", "", "en-"])
def test_unknown_language_is_refused(client, auth, path, volunteer, tag):
    auth.login("volunteer")
    response = client.post(path, data={"body": "Hello", "language": tag})
    assert response.status_code == 422
    assert comment_count() == 0


def test_language_defaults_to_the_interface_language(client, auth, path, volunteer):
    auth.login("volunteer")
    with client.session_transaction() as session:
        session["locale"] = "de"
    html = client.get(path).get_data(as_text=True)
    assert '<option value="de" lang="de" selected>Deutsch</option>' in html
    assert '<option value="ar" lang="ar">العربية</option>' in html  # each language in itself


def test_empty_comment_is_refused(client, auth, path, volunteer):
    auth.login("volunteer")
    assert client.post(path, data={"body": "   ", "language": "en"}).status_code == 422
    assert comment_count() == 0


def test_blocked_account_cannot_post_reply_or_endorse(
    client, auth, path, commentable, volunteer, moderator, create_comment
):
    other = create_comment(moderator, commentable)
    block(moderator, volunteer, "Spam")
    db.session.commit()
    auth.login("volunteer")
    responses = [
        client.post(path, data={"body": "Hi", "language": "en"}),
        client.post(f"/comments/{other.id}/reply", data={"body": "Hi", "language": "en"}),
        client.post(f"/comments/{other.id}/endorse"),
    ]
    assert [r.status_code for r in responses] == [403, 403, 403]
    assert "blocked from posting" in responses[0].get_data(as_text=True)
    assert comment_count() == 1 and reloaded(other).endorsement_count == 0


def test_replies_stop_at_three_levels(
    client, auth, commentable, volunteer, moderator, create_comment
):
    top = create_comment(moderator, commentable)
    first = create_comment(volunteer, commentable, parent=top)
    second = create_comment(moderator, commentable, parent=first)
    assert (top.depth, first.depth, second.depth) == (0, 1, 2)
    auth.login("volunteer")
    response = client.post(
        f"/comments/{second.id}/reply", data={"body": "Deeper", "language": "en"}
    )
    assert response.status_code == 403
    assert "3 levels deep" in response.get_data(as_text=True)
    with pytest.raises(CommentForbidden):
        create_comment(volunteer, commentable, parent=second)
    assert comment_count() == 3
    html = client.get(thread_path(commentable, top.clause_key)).get_data(as_text=True)
    assert f"/comments/{first.id}/reply" in html and f"/comments/{second.id}/reply" not in html


def test_reply_is_shown_under_its_parent(
    client, auth, commentable, volunteer, moderator, create_comment
):
    top = create_comment(moderator, commentable, body="Top level")
    auth.login("volunteer")
    response = client.post(
        f"/comments/{top.id}/reply", data={"body": "An answer", "language": "en"}
    )
    assert response.status_code == 302
    html = client.get(thread_path(commentable, top.clause_key)).get_data(as_text=True)
    replies = html.split(f'id="comment-{top.id}"')[1]
    assert 'class="comment-replies"' in replies and "An answer" in replies


def test_one_endorsement_per_person_toggles(
    client, auth, commentable, volunteer, moderator, create_user, create_comment
):
    comment = create_comment(moderator, commentable)
    auth.login("volunteer")
    client.post(f"/comments/{comment.id}/endorse")
    assert reloaded(comment).endorsement_count == 1
    client.post(f"/comments/{comment.id}/endorse")
    assert reloaded(comment).endorsement_count == 0
    client.post(f"/comments/{comment.id}/endorse")
    create_user("second")
    auth.logout()
    auth.login("second")
    client.post(f"/comments/{comment.id}/endorse")
    assert reloaded(comment).endorsement_count == 2
    rows = db.session.scalars(sa.select(Endorsement).where(Endorsement.comment_id == comment.id))
    assert sorted(e.user_id for e in rows) == sorted(
        [
            volunteer.id,
            db.session.scalar(
                sa.select(Endorsement.user_id).where(Endorsement.user_id != volunteer.id)
            ),
        ]
    )


def test_you_cannot_endorse_your_own_comment(commentable, volunteer, create_comment):
    comment = create_comment(volunteer, commentable)
    with pytest.raises(CommentForbidden):
        toggle_endorsement(volunteer, comment)


def test_edit_within_the_window_keeps_the_old_version(
    client, auth, commentable, volunteer, create_comment
):
    comment = create_comment(volunteer, commentable, body="First thought")
    auth.login("volunteer")
    assert client.get(f"/comments/{comment.id}/edit").status_code == 200
    response = client.post(
        f"/comments/{comment.id}/edit", data={"body": "Second thought", "language": "en"}
    )
    assert response.status_code == 302
    edited = reloaded(comment)
    assert edited.body == "Second thought" and edited.edited_at is not None
    versions = db.session.scalars(sa.select(CommentVersion.body)).all()
    assert versions == ["First thought"]
    html = client.get(thread_path(commentable, comment.clause_key)).get_data(as_text=True)
    assert re.search(r"\(edited \d+ (second|minute)s? ago\)", html)
    assert "First thought" not in html


def test_edit_after_the_edit_window_is_refused(
    client, auth, commentable, volunteer, create_comment
):
    comment = create_comment(volunteer, commentable, body="Old")
    age(comment, 16)
    auth.login("volunteer")
    response = client.post(f"/comments/{comment.id}/edit", data={"body": "New", "language": "en"})
    assert response.status_code == 403
    assert "15 minutes" in response.get_data(as_text=True)
    assert reloaded(comment).body == "Old"
    html = client.get(thread_path(commentable, comment.clause_key)).get_data(as_text=True)
    assert f"/comments/{comment.id}/edit" not in html


def test_only_the_author_edits_or_deletes(
    client, auth, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(moderator, commentable, body="Not yours")
    auth.login("volunteer")
    assert (
        client.post(
            f"/comments/{comment.id}/edit", data={"body": "Mine now", "language": "en"}
        ).status_code
        == 403
    )
    assert client.post(f"/comments/{comment.id}/delete").status_code == 403
    assert (
        reloaded(comment).body == "Not yours"
        and reloaded(comment).status is CommentStatus.PUBLISHED
    )


def test_delete_leaves_a_placeholder(
    client, auth, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(volunteer, commentable, body="Regrettable words")
    create_comment(moderator, commentable, parent=comment, body="An answer to it")
    auth.login("volunteer")
    assert client.post(f"/comments/{comment.id}/delete").status_code == 302
    html = client.get(thread_path(commentable, comment.clause_key)).get_data(as_text=True)
    assert "deleted by its author" in html and "Regrettable words" not in html
    assert "An answer to it" in html
    assert reloaded(comment).status is CommentStatus.DELETED
    assert db.session.scalars(sa.select(CommentVersion.body)).all() == ["Regrettable words"]


def test_no_reply_to_a_deleted_comment(commentable, volunteer, moderator, create_comment):
    comment = create_comment(volunteer, commentable)
    from consult.comments.services import delete_comment

    delete_comment(volunteer, comment)
    db.session.commit()
    with pytest.raises(CommentError):
        create_comment(moderator, commentable, parent=comment)


def test_markdown_subset_links_get_ugc_rel_and_no_images(
    client, commentable, volunteer, create_comment
):
    create_comment(
        volunteer,
        commentable,
        body=("[site](https://example.org) ![pic](https://example.org/x.png) <b>raw</b>\n\n# Big"),
    )
    html = client.get(thread_path(commentable, clause_of(commentable).key)).get_data(as_text=True)
    assert '<a href="https://example.org" rel="nofollow ugc noopener">site</a>' in html
    assert "<img" not in html and "<b>raw</b>" not in html and "&lt;b&gt;raw&lt;/b&gt;" in html
    assert "<h1>Big" not in html


def test_suggested_wording_is_a_redline_against_the_clause(
    client, commentable, volunteer, create_comment
):
    create_comment(
        volunteer,
        commentable,
        body="Friendlier please",
        suggested_wording="We want a *welcoming* place.",
    )
    html = client.get(thread_path(commentable, clause_of(commentable).key)).get_data(as_text=True)
    suggestion = html.split('class="comment-suggestion"')[1]
    assert "<ins>welcoming</ins>" in suggestion and "<del>friendly</del>" in suggestion


def test_earlier_revisions_comments_follow_the_clause(
    client, commentable, volunteer, create_comment, create_revision, open_window
):
    create_comment(volunteer, commentable, body="Please say friendly and calm.")
    create_comment(volunteer, clause_of(commentable, "reporting"), body="Which team?")
    second = create_revision(commentable.policy, DOCUMENT_CHANGED, summary="Calmer")
    open_window(commentable.policy)
    html = client.get(thread_path(second, "purpose")).get_data(as_text=True)
    assert "1 comment on revision 1" in html and "Please say friendly and calm." in html
    assert "/policies/guidelines/compare/1/2#change-purpose" in html  # changed since
    unchanged = client.get(thread_path(second, "reporting")).get_data(as_text=True)
    assert "unchanged since revision 1" in unchanged and "/compare/1/2" not in unchanged
    policy_page = client.get("/policies/guidelines").get_data(as_text=True)
    assert "1 on revision 1" in policy_page and "changed since" in policy_page


DOCUMENT_CHANGED = """# Community Guidelines

Welcome to the guidelines.

## Purpose

We want a *calm* and friendly place.

## Behaviour

### Expected

Be kind.

### Unacceptable

Do not harass anyone.

## Reporting

Write to the team.
"""


def test_edit_page_is_refused_once_the_comment_cannot_change(
    client, auth, commentable, volunteer, create_comment
):
    comment = create_comment(volunteer, commentable)
    auth.login("volunteer")
    client.post(f"/comments/{comment.id}/delete")
    response = client.get(f"/comments/{comment.id}/edit")
    assert response.status_code == 403 and "removed" in response.get_data(as_text=True)
