"""Signing in and out, where people are sent afterwards, and the interface language."""

import re

import pytest

from tests.accounts.helpers import home_path, signed_in_user_id

GENERIC = "That username and password do not match an account."
FOREIGN_TARGETS = [
    "//evil.com",
    "https://evil.com",
    "http://evil.com/admin",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "///evil.com",
    "javascript:alert(1)",
    "evil.com",
]


def error_block(page: str) -> str:
    match = re.search(r'<div class="errors" id="login-errors" role="alert">.*?</div>', page, re.S)
    assert match, "no error block"
    return match.group(0)


def test_login_page_is_a_labelled_form(client):
    page = client.get("/login").get_data(as_text=True)
    assert '<label for="username">' in page and '<label for="password">' in page
    assert 'autocomplete="current-password"' in page


def test_login_signs_in_and_goes_home(app, client, auth, staff):
    response = auth.login()
    assert response.status_code == 302
    assert response.headers["Location"] == home_path(app)
    assert signed_in_user_id(client) == str(staff.id)
    assert "Sam Staff" in client.get(home_path(app)).get_data(as_text=True)


def test_username_is_case_insensitive(client, auth, staff):
    assert auth.login(username="  STAFF ").status_code == 302
    assert signed_in_user_id(client) == str(staff.id)


def test_wrong_password_and_unknown_user_get_the_same_answer(client, auth, staff):
    wrong_password = auth.login(password="incorrect horse battery")
    unknown_user = auth.login(username="nobody")
    assert wrong_password.status_code == unknown_user.status_code == 422
    assert GENERIC in error_block(wrong_password.get_data(as_text=True))
    assert error_block(wrong_password.get_data(as_text=True)) == error_block(
        unknown_user.get_data(as_text=True)
    )
    assert signed_in_user_id(client) is None


def test_missing_fields_are_explained(client):
    page = client.post("/login", data={"username": "", "password": ""}).get_data(as_text=True)
    assert "Enter your username." in page and "Enter your password." in page
    assert signed_in_user_id(client) is None


def test_local_next_is_followed(client, staff):
    response = client.post(
        "/login?next=/audit%3Faction%3Dx",
        data={"username": "staff", "password": "correct horse battery"},
    )
    assert response.headers["Location"] == "/audit?action=x"


def test_next_survives_a_failed_attempt(client, staff):
    page = client.post("/login?next=/audit", data={"username": "staff", "password": "nope"})
    assert 'action="/login?next=/audit"' in page.get_data(as_text=True)


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_foreign_next_is_ignored(app, client, staff, target):
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"username": "staff", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == home_path(app)
    assert signed_in_user_id(client) == str(staff.id)


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_foreign_next_is_not_put_in_the_form(client, target):
    page = client.get("/login", query_string={"next": target}).get_data(as_text=True)
    assert 'action="/login"' in page
    assert 'action="/login?' not in page


def test_signed_in_people_skip_the_form(client, auth, staff):
    auth.login()
    response = client.get("/login?next=/audit")
    assert response.status_code == 302 and response.headers["Location"] == "/audit"


def test_logout_signs_out(app, client, auth, staff):
    auth.login()
    response = auth.logout()
    assert response.status_code == 302
    assert response.headers["Location"] == home_path(app)
    assert signed_in_user_id(client) is None
    page = client.get(home_path(app)).get_data(as_text=True)
    assert "You have signed out, here and on every other device." in page


def test_logout_needs_post(client, auth, staff):
    auth.login()
    assert client.get("/logout").status_code == 405
    assert signed_in_user_id(client) == str(staff.id)


def test_protected_page_sends_anonymous_visitors_to_login_and_back(client, staff):
    response = client.get("/audit")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Faudit"
    assert "Please sign in to see that page." in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    back = client.post(
        response.headers["Location"],
        data={"username": "staff", "password": "correct horse battery"},
    )
    assert back.headers["Location"] == "/audit"


def test_sign_in_request_is_flashed_as_plain_text(client):
    client.get("/audit")
    with client.session_transaction() as session:
        [(category, message)] = session["_flashes"]
    assert category == "info" and message == "Please sign in to see that page."
    assert type(message) is str  # markup would mean trusted HTML


def stored_locale(client) -> str | None:
    with client.session_transaction() as session:
        return session.get("locale")


def test_known_language_is_remembered(app, client):
    response = client.post("/language", data={"locale": "fr", "next": "/login?x=1"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?x=1"
    assert stored_locale(client) == "fr"
    assert '<html lang="fr" dir="ltr">' in client.get("/login").get_data(as_text=True)


def test_right_to_left_language_turns_the_page(client):
    client.post("/language", data={"locale": "ar", "next": "/login"})
    assert '<html lang="ar" dir="rtl">' in client.get("/login").get_data(as_text=True)


@pytest.mark.parametrize("locale", ["xx", "", "fr-FR", "en; drop"])
def test_unknown_language_is_refused_and_changes_nothing(app, client, locale):
    client.post("/language", data={"locale": "de", "next": "/login"})
    response = client.post("/language", data={"locale": locale, "next": "/login"})
    assert response.status_code == 400
    assert stored_locale(client) == "de"


@pytest.mark.parametrize("target", FOREIGN_TARGETS + [""])
def test_language_change_never_leaves_the_site(app, client, target):
    response = client.post("/language", data={"locale": "es", "next": target})
    assert response.headers["Location"] == home_path(app)
    assert stored_locale(client) == "es"
