"""The translator workspace over HTTP: permissions, saving, reviewing, navigation, importing."""

import io

import pytest

from consult.extensions import db
from consult.translating.models import Translation
from tests.translating.conftest import states, translation_count

URL = "/policies/guidelines/revisions/1/translations/de"
GERMAN = """# Gemeinschaftsrichtlinien

Willkommen.

## Zweck

Ein *freundlicher* Ort.

## Verhalten

### Erwartet

Sei freundlich.

### Inakzeptabel

Belästige niemanden.

## Meldungen

Schreib dem Team.
"""


def upload(client, data: bytes, url: str = URL):
    return client.post(
        url + "/import",
        data={"document": (io.BytesIO(data), "de.md")},
        content_type="multipart/form-data",
    )


def test_translator_saves_a_clause_and_goes_to_the_next_needing_work(
    client, auth, published, greta
):
    auth.login("greta")
    response = client.post(
        f"{URL}/clauses/purpose",
        data={"heading": "Zweck", "body": "Ein *freundlicher* Ort.", "version": "0"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{URL}/next?after=purpose")
    response = client.get(response.headers["Location"])
    assert response.headers["Location"].endswith(f"{URL}/clauses/behaviour")
    assert states(published, "de")["purpose"] == "unreviewed"
    page = client.get(URL).get_data(as_text=True)
    assert "Zweck" in page and "Greta" in page


def test_a_translator_of_german_cannot_write_japanese(client, auth, published, greta):
    auth.login("greta")
    ja = "/policies/guidelines/revisions/1/translations/ja"
    assert client.get(f"{ja}/clauses/purpose").status_code == 403
    response = client.post(
        f"{ja}/clauses/purpose", data={"heading": "目的", "body": "x", "version": "0"}
    )
    assert response.status_code == 403
    assert "not a translator of ja" in response.get_data(as_text=True)
    assert upload(client, GERMAN.encode(), ja).status_code == 403
    assert client.post(f"{ja}/title", data={"title": "規範"}).status_code == 403
    assert translation_count() == 0


def test_volunteers_and_staff_cannot_translate(client, auth, published, create_user):
    create_user("val")
    auth.login("val")
    assert (
        client.post(f"{URL}/clauses/purpose", data={"body": "x", "version": "0"}).status_code == 403
    )
    auth.logout()
    auth.login("staff")
    assert (
        client.post(f"{URL}/clauses/purpose", data={"body": "x", "version": "0"}).status_code == 403
    )
    assert translation_count() == 0


def test_anonymous_editor_asks_to_sign_in(client, published):
    assert client.get(f"{URL}/clauses/purpose").status_code == 302


def test_self_review_is_refused_and_a_second_translator_reviews(
    client, auth, published, greta, dieter, translate
):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    auth.login("greta")
    response = client.post(f"{URL}/clauses/purpose/review")
    assert response.status_code == 403
    assert "second translator" in response.get_data(as_text=True)
    assert states(published, "de")["purpose"] == "unreviewed"
    auth.logout()
    auth.login("dieter")
    assert "Mark reviewed" in client.get(f"{URL}/clauses/purpose").get_data(as_text=True)
    assert client.post(f"{URL}/clauses/purpose/review").status_code == 302
    assert states(published, "de")["purpose"] == "reviewed"


def test_editing_a_reviewed_translation_needs_a_new_review(
    client, auth, published, greta, dieter, translate
):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    auth.login("dieter")
    client.post(f"{URL}/clauses/purpose/review")
    version = db.session.get(Translation, 1).version
    client.post(
        f"{URL}/clauses/purpose",
        data={"heading": "Zweck", "body": "Ein guter Ort.", "version": str(version)},
    )
    assert states(published, "de")["purpose"] == "unreviewed"


def test_a_stale_form_overwrites_nothing(client, auth, published, greta, dieter, translate):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    auth.login("dieter")
    response = client.post(
        f"{URL}/clauses/purpose", data={"heading": "Zweck", "body": "Meins.", "version": "0"}
    )
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Translation, 1).body == "Ein Ort."


def test_import_a_whole_document(client, auth, published, greta):
    auth.login("greta")
    response = upload(client, GERMAN.encode())
    assert response.status_code == 302
    assert set(states(published, "de").values()) == {"unreviewed"}


def test_structure_mismatch_from_the_cli(runner, published, tmp_path):
    path = tmp_path / "de.md"
    path.write_text(GERMAN.replace("## Meldungen\n\nSchreib dem Team.\n", ""), encoding="utf-8")
    result = runner.invoke(
        args=["drafts", "import-translation", "guidelines", "1", "de", str(path)]
    )
    assert result.exit_code == 1
    assert "Expected headings:" in result.output and "Reporting" in result.output
    assert "Found headings:" in result.output and "Nothing was imported." in result.output
    assert translation_count() == 0


def test_upload_checks_are_the_drafting_ones(client, auth, published, greta):
    auth.login("greta")
    assert "not UTF-8" in upload(client, b"\xff\xfe# x").get_data(as_text=True)
    assert "empty" in upload(client, b"  \n").get_data(as_text=True)
    assert translation_count() == 0


def test_drafts_and_the_source_language_are_not_translated(client, auth, draft, greta):
    auth.login("greta")
    assert client.get("/policies/guidelines/revisions/2/translations/de").status_code == 404
    assert client.get("/policies/guidelines/revisions/1/translations/en").status_code == 404
    assert (
        client.get("/policies/guidelines/revisions/1/translations/xx-nonsense-q").status_code == 404
    )


def test_dashboard_and_progress_json(client, published, greta, translate):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    page = client.get("/policies/guidelines/revisions/1/translations").get_data(as_text=True)
    assert "Deutsch" in page and "16%" in page
    data = client.get("/api/v1/policies/guidelines/revisions/1/translations").get_json()
    assert data["languages"] == [
        {
            "language": "de",
            "total": 6,
            "current": 1,
            "outdated": 0,
            "missing": 5,
            "reviewed": 0,
            "percent_ready": 16,
        }
    ]


def test_translation_json(client, published, greta, translate):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    data = client.get("/api/v1/policies/guidelines/revisions/1/translations/de").get_json()
    assert data["language"] == "de"
    assert data["summary"] == {"current": 1, "outdated": 0, "missing": 5, "reviewed": 0}
    purpose = next(c for c in data["clauses"] if c["key"] == "purpose")
    assert purpose == {
        "key": "purpose",
        "number": "1",
        "state": "unreviewed",
        "heading": "Zweck",
        "body": "Ein Ort.",
        "source_hash": published.clauses[1].hash,
    }
    assert client.get("/api/v1/policies/nope/revisions/1/translations/de").status_code == 404
    unknown = client.get("/api/v1/policies/guidelines/revisions/1/translations/not-a-language-x")
    assert (
        unknown.status_code == 404
        and "not a language tag" in unknown.get_json()["error"]["message"]
    )


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_review_without_token_is_refused(self, client, published, greta, dieter, translate):
        from tests.accounts.helpers import csrf_token

        translate(greta, published, "purpose", "Ein Ort.", "Zweck")
        token = csrf_token(client, "/login")
        client.post(
            "/login",
            data={"username": "dieter", "password": "correct horse battery", "csrf_token": token},
        )
        assert client.post(f"{URL}/clauses/purpose/review").status_code == 400
        assert (
            client.post(f"{URL}/clauses/purpose", data={"body": "x", "version": "1"}).status_code
            == 400
        )
        assert states(published, "de")["purpose"] == "unreviewed"
