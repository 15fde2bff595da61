"""Error pages speak the reader's language and are titled in words: a CSRF failure is our
own translated message (Flask-WTF's "The CSRF token is missing." is English), and a 404 is
"Page not found", not "404"."""

import pytest


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


def test_a_csrf_failure_is_explained_in_the_readers_language(client):
    response = client.post("/logout", headers={"Accept-Language": "fr"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<title>Formulaire expiré · Consult</title>" in page
    assert "<h1>Formulaire expiré</h1>" in page
    assert "Ce formulaire a expiré" in page
    assert "CSRF" not in page


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Page not found"), ("de", "Seite nicht gefunden"), ("ar", "الصفحة غير موجودة")],
)
def test_an_error_page_is_titled_in_words(client, lang, title):
    page = client.get("/no-such-page", headers={"Accept-Language": lang}).get_data(as_text=True)
    assert f"<h1>{title}</h1>" in page and f"<title>{title} · Consult</title>" in page
    assert "<h1>404</h1>" not in page
