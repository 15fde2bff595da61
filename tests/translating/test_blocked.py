"""A translator a moderator blocked from writing cannot translate: no clause, review, import,
title or comment translation, over HTTP or through the services (the command line's path)."""

import io

import pytest

from consult.extensions import db
from consult.moderation.blocks import block, unblock
from consult.translating.comments import save_comment_translation
from consult.translating.errors import NotAllowed
from consult.translating.importing import import_translation
from consult.translating.services import review_translation, save_translation
from consult.translating.titles import save_title
from tests.translating.conftest import clause_of, translation_count
from tests.translating.test_workspace import GERMAN, URL


@pytest.fixture
def blocked_greta(greta, moderator):
    block(moderator, greta, "Machine translations")
    db.session.commit()
    return greta


@pytest.fixture
def by_dieter(published, dieter, translate):
    return translate(dieter, published, "purpose", "Ein Ort.", "Zweck")


@pytest.fixture
def german_comment(commentable, volunteer, create_comment):
    return create_comment(volunteer, commentable, "Bitte klarer.", "de")


def test_a_blocked_translator_is_refused_everywhere_over_http(
    client, auth, published, by_dieter, german_comment, blocked_greta
):
    auth.login("greta")
    document = {"document": (io.BytesIO(GERMAN.encode()), "de.md")}
    responses = [
        client.get(f"{URL}/clauses/purpose"),
        client.post(f"{URL}/clauses/behaviour", data={"body": "x", "version": "0"}),
        client.post(f"{URL}/clauses/purpose/review"),
        client.get(f"{URL}/import"),
        client.post(f"{URL}/import", data=document, content_type="multipart/form-data"),
        client.post(f"{URL}/title", data={"title": "Richtlinien"}),
        client.get(f"/translations/comments/{german_comment.id}"),
        client.post(f"/translations/comments/{german_comment.id}", data={"body": "Clearer."}),
    ]
    assert [r.status_code for r in responses] == [403] * len(responses)
    assert "blocked from posting" in responses[1].get_data(as_text=True)
    assert translation_count() == 1
    workspace = client.get(URL).get_data(as_text=True)
    assert f"{URL}/clauses/purpose" not in workspace and f"{URL}/import" not in workspace
    thread = client.get(f"/comments/{german_comment.id}").get_data(as_text=True)
    assert "Translate this comment" not in thread


def test_the_services_refuse_a_blocked_translator(
    published, by_dieter, german_comment, blocked_greta
):
    refusals = [
        lambda: save_translation(
            blocked_greta, clause_of(published, "behaviour"), "de", "", "x", 0
        ),
        lambda: review_translation(blocked_greta, by_dieter),
        lambda: import_translation(blocked_greta, published, "de", GERMAN),
        lambda: save_title(blocked_greta, published, "de", "Richtlinien"),
        lambda: save_comment_translation(blocked_greta, german_comment, "Clearer."),
    ]
    for refused in refusals:
        with pytest.raises(NotAllowed) as error:
            refused()
        assert error.value.code == "blocked"
    assert translation_count() == 1


def test_unblocked_the_translator_writes_again(client, auth, published, blocked_greta, moderator):
    unblock(moderator, blocked_greta, "Talked it through")
    db.session.commit()
    auth.login("greta")
    response = client.post(f"{URL}/clauses/behaviour", data={"body": "x", "version": "0"})
    assert response.status_code == 302
    assert translation_count() == 1
