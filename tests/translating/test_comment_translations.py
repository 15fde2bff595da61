"""A translator attaches a human translation of a comment, shown beside it and labelled."""

import sqlalchemy as sa

from consult.extensions import db
from consult.translating.models import CommentTranslation


def translations() -> list[CommentTranslation]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(CommentTranslation)))


def test_translator_of_the_comment_language_translates_it(
    client, auth, commentable, volunteer, create_comment, greta
):
    comment = create_comment(volunteer, commentable, "Bitte *klarer* formulieren.", "de")
    auth.login("greta")
    thread = client.get(f"/comments/{comment.id}").get_data(as_text=True)
    assert "Translate this comment" in thread
    response = client.post(
        f"/translations/comments/{comment.id}", data={"body": "Please word this *more clearly*."}
    )
    assert response.status_code == 302
    [translation] = translations()
    assert (translation.language, translation.translator.username) == ("en", "greta")
    html = client.get(f"/comments/{comment.id}").get_data(as_text=True)
    assert (
        'Translated into English by <bdi>Greta</bdi> <span class="badge role-badge role-translator">'
        "Translator</span>, a human translator." in html
    )
    assert (
        '<div class="comment-body" lang="en" dir="ltr"><p>Please word this <em>more clearly</em>.</p>'
        in html
    )
    assert 'lang="de" dir="ltr"><p>Bitte <em>klarer</em> formulieren.</p>' in html


def test_others_cannot_translate_a_comment(
    client, auth, commentable, volunteer, create_comment, create_translator
):
    comment = create_comment(volunteer, commentable, "Très bien.", "fr")
    create_translator("kenji", "ja")
    auth.login("kenji")
    assert (
        client.post(f"/translations/comments/{comment.id}", data={"body": "Very good."}).status_code
        == 403
    )
    assert "Translate this comment" not in client.get(f"/comments/{comment.id}").get_data(
        as_text=True
    )
    auth.logout()
    auth.login("volunteer")
    assert (
        client.post(f"/translations/comments/{comment.id}", data={"body": "Very good."}).status_code
        == 403
    )
    assert translations() == []


def test_a_comment_in_the_source_language_needs_no_translation(
    client, auth, commentable, create_comment, create_translator
):
    ella = create_translator("ella", "en", "de")
    comment = create_comment(ella, commentable, "Fine as it is.", "en")
    auth.login("ella")
    assert client.get(f"/translations/comments/{comment.id}").status_code == 403


def test_an_empty_translation_is_refused(
    client, auth, commentable, volunteer, create_comment, greta
):
    comment = create_comment(volunteer, commentable, "Gut.", "de")
    auth.login("greta")
    response = client.post(f"/translations/comments/{comment.id}", data={"body": "   "})
    assert response.status_code == 422
    assert translations() == []
