"""With CSRF protection on (as in production), account POSTs need the form's token."""

import pytest

from consult.accounts.models import Role
from tests.accounts.helpers import audit_events, csrf_token, reload, signed_in_user_id, user_count

PASSWORD = "correct horse battery"
NEW_ACCOUNT = {
    "username": "newcomer",
    "display_name": "New",
    "password": PASSWORD,
    "confirm": PASSWORD,
}


@pytest.fixture
def app_config(app_config):
    # Pytest hands a same-named fixture the conftest's version, so every other
    # setting (the backend's database above all) stays as the suite defines it.
    return {**app_config, "WTF_CSRF_ENABLED": True}


def sign_in(client, username: str) -> None:
    token = csrf_token(client, "/login")
    response = client.post(
        "/login", data={"username": username, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_login_without_token_is_refused(client, staff):
    response = client.post("/login", data={"username": "staff", "password": PASSWORD})
    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_login_with_token_works(client, staff):
    sign_in(client, "staff")
    assert signed_in_user_id(client) == str(staff.id)


def test_register_without_token_stores_nothing(client):
    assert client.post("/register", data=NEW_ACCOUNT).status_code == 400
    assert user_count() == 0
    assert signed_in_user_id(client) is None


def test_register_with_token_works(client):
    data = {**NEW_ACCOUNT, "csrf_token": csrf_token(client, "/register")}
    assert client.post("/register", data=data).status_code == 302
    assert user_count() == 1


def test_logout_without_token_keeps_the_session(client, staff):
    sign_in(client, "staff")
    assert client.post("/logout").status_code == 400
    assert signed_in_user_id(client) == str(staff.id)


def test_logout_with_token_works(client, staff):
    sign_in(client, "staff")
    token = csrf_token(client, "/audit")  # the sign-out form in the page header
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert signed_in_user_id(client) is None


def test_role_change_without_token_changes_nothing(client, admin, create_user):
    lin = create_user("lin")
    sign_in(client, "admin")
    response = client.post(f"/admin/users/{lin.id}", data={"staff": "y", "languages": ""})
    assert response.status_code == 400
    assert reload(lin).roles == frozenset()
    assert audit_events("user.roles_changed") == []


def test_role_change_with_token_works(client, admin, create_user):
    lin = create_user("lin")
    sign_in(client, "admin")
    token = csrf_token(client, f"/admin/users/{lin.id}")
    response = client.post(
        f"/admin/users/{lin.id}", data={"staff": "y", "languages": "", "csrf_token": token}
    )
    assert response.status_code == 302
    assert reload(lin).roles == {Role.STAFF}


def test_language_change_without_token_is_refused(client):
    response = client.post("/language", data={"locale": "fr", "next": "/login"})
    assert response.status_code == 400
    with client.session_transaction() as session:
        assert "locale" not in session
