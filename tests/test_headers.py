"""Security headers on every kind of response: pages, JSON, static files, errors, the download."""

import base64
import hashlib
import re
from html import unescape

import pytest

from consult import create_app
from tests.factories import DOCUMENT, PASSWORD

PAGES = [
    "/",
    "/policies/guidelines",
    "/policies/guidelines/compare/1/1",
    "/login",
    "/api/v1/policies/guidelines",
    "/api/v1/policies/nope",
    "/static/consult.css",
    "/healthz",
    "/nope",
]
FIXED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.fixture
def app_config(app_config, request):
    """Parametrize indirectly with a mapping to change settings."""
    return {**app_config, **getattr(request, "param", {})}


def headers_of(client, path: str):
    """A GET's headers; the body is closed (a static file's is an open file)."""
    with client.get(path) as response:
        return response.headers


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def assert_strict_policy(policy: str) -> dict[str, list[str]]:
    found = directives(policy)
    assert found["default-src"] == ["'self'"]
    assert found["script-src"] == ["'self'"]
    assert found["img-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'none'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    return found


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, published, path):
    headers = headers_of(client, path)
    assert assert_strict_policy(headers["Content-Security-Policy"])["style-src"] == ["'self'"]
    for name, value in FIXED.items():
        assert headers[name] == value, (path, name)
    assert "Strict-Transport-Security" not in headers  # TLS is off by default


def test_refusals_and_redirects_carry_them_too(client, staff):
    refused = client.post("/login", data={"username": "staff", "password": "wrong"})
    forbidden = client.post("/policies/new", data={})
    signed_in = client.post("/login", data={"username": "staff", "password": PASSWORD})
    assert (forbidden.status_code, signed_in.status_code) == (302, 302)
    for response in (refused, forbidden, signed_in):
        assert_strict_policy(response.headers["Content-Security-Policy"])
        assert response.headers["X-Frame-Options"] == "DENY"


# Caching


@pytest.mark.parametrize("path", ["/", "/policies/guidelines", "/api/v1/policies/guidelines"])
def test_pages_for_a_signed_in_person_are_never_stored(client, auth, published, path):
    assert "no-store" not in headers_of(client, path).get("Cache-Control", "")
    auth.login()
    assert headers_of(client, path)["Cache-Control"] == "private, no-store"
    auth.logout()
    assert "no-store" not in headers_of(client, path).get("Cache-Control", "")


def test_the_sign_in_answer_is_not_stored_but_static_files_stay_cacheable(client, auth, staff):
    assert auth.login().headers["Cache-Control"] == "private, no-store"
    assert "no-store" not in headers_of(client, "/static/consult.css").get("Cache-Control", "")


# TLS


@pytest.mark.parametrize("app_config", [{"TLS": True}], indirect=True)
@pytest.mark.parametrize("path", ["/login", "/api/v1/policies/nope", "/static/consult.css"])
def test_with_tls_every_response_has_hsts(client, path):
    assert headers_of(client, path)["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize("app_config", [{"TLS": True}], indirect=True)
def test_with_tls_the_session_cookie_is_secure(client, auth, staff):
    cookie = auth.login().headers["Set-Cookie"]
    assert cookie.startswith("session=") and "; Secure" in cookie


def test_without_tls_the_session_cookie_works_over_http(client, auth, staff):
    response = auth.login()
    assert "Secure" not in response.headers["Set-Cookie"]
    assert response.headers["Cache-Control"] == "private, no-store"


def test_tls_is_switched_on_from_the_environment(monkeypatch):
    monkeypatch.setenv("CONSULT_TLS", "true")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["TLS"] is True
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


# The self-contained download


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_download_allows_exactly_its_own_stylesheet(client, published, create_revision):
    create_revision(published.policy, DOCUMENT.replace("*friendly*", "*kind*"), summary="Kinder")
    response = client.get("/policies/guidelines/compare/1/2/download")
    html = response.get_data(as_text=True)
    stylesheets = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(stylesheets) == 1 and "ins {" in stylesheets[0]
    allowed = sha256_source(stylesheets[0])
    header = response.headers["Content-Security-Policy"]
    assert assert_strict_policy(header)["style-src"] == [allowed]
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert directives(unescape(meta.group(1))) == {
        "default-src": ["'none'"],
        "style-src": [allowed],
    }
    assert html.index(meta.group(0)) < html.index("<style>")
