"""Sessions end when they should: a cookie copied before signing out, changing the password
or an admin's "sign out everywhere" no longer signs anyone in; signing in starts afresh."""

import pytest

from tests.accounts.helpers import audit_events, csrf_token, signed_in_user_id
from tests.comment_factories import clause_of
from tests.comments.helpers import comment_count, thread_path
from tests.factories import PASSWORD

NEW_PASSWORD = "plum orchard lantern quietly"


def copied_cookie(client) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None, "no session cookie to copy"
    return cookie.value


def client_with(app, cookie: str):
    """Another browser, holding a copy of someone's session cookie."""
    other = app.test_client()
    other.set_cookie("session", cookie)
    return other


def is_signed_in_as(client, display_name: str) -> bool:
    # The header's name link; the name is isolated (<bdi>) from the interface around it.
    return f">{display_name}</bdi></a>" in client.get("/account").get_data(as_text=True)


def post_comment(client, revision):
    return client.post(
        thread_path(revision, clause_of(revision).key),
        data={"body": "Posted with a copied cookie", "language": "en"},
    )


def test_a_cookie_copied_before_signing_out_cannot_post(app, client, auth, commentable, volunteer):
    auth.login("volunteer")
    stolen = client_with(app, copied_cookie(client))
    assert is_signed_in_as(stolen, "Val Volunteer")
    auth.logout()
    response = post_comment(stolen, commentable)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    assert comment_count() == 0
    assert not is_signed_in_as(stolen, "Val Volunteer")


def test_a_cookie_copied_before_signing_out_is_anonymous(app, client, auth, staff):
    auth.login()
    stolen = client_with(app, copied_cookie(client))
    auth.logout()
    assert stolen.get("/account").status_code == 302
    assert stolen.get("/audit").headers["Location"].startswith("/login")


def change_password(client, current=PASSWORD, new=NEW_PASSWORD):
    return client.post(
        "/account/password",
        data={"current_password": current, "password": new, "confirm": new},
    )


def test_changing_the_password_ends_other_sessions_but_not_this_one(app, client, auth, staff):
    auth.login()
    elsewhere = client_with(app, copied_cookie(client))
    assert change_password(client).status_code == 302
    assert is_signed_in_as(client, "Sam Staff")
    assert not is_signed_in_as(elsewhere, "Sam Staff")
    assert elsewhere.get("/audit").status_code == 302


def test_an_admin_signs_someone_out_everywhere(app, client, auth, admin, staff):
    staff_browser = app.test_client()
    staff_browser.post("/login", data={"username": "staff", "password": PASSWORD})
    assert is_signed_in_as(staff_browser, "Sam Staff")
    auth.login("admin")
    response = client.post(f"/admin/users/{staff.id}/sign-out")
    assert response.status_code == 302
    assert not is_signed_in_as(staff_browser, "Sam Staff")
    [event] = audit_events("user.signed_out_everywhere")
    assert event.actor_id == admin.id and event.target_id == str(staff.id)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "staff is signed out on every device." in page
    assert is_signed_in_as(client, "Ada Admin")


def test_only_admins_sign_people_out(app, client, auth, staff, create_user):
    create_user("someone")
    staff_browser = app.test_client()
    staff_browser.post("/login", data={"username": "staff", "password": PASSWORD})
    auth.login("someone")
    assert client.post(f"/admin/users/{staff.id}/sign-out").status_code == 403
    assert is_signed_in_as(staff_browser, "Sam Staff")
    assert audit_events("user.signed_out_everywhere") == []


def test_the_admin_page_offers_sign_out_everywhere(client, auth, admin, staff):
    auth.login("admin")
    page = client.get(f"/admin/users/{staff.id}").get_data(as_text=True)
    assert f'action="/admin/users/{staff.id}/sign-out"' in page
    assert "Sign out everywhere" in page


def test_a_session_from_before_session_tokens_is_anonymous(client, staff):
    with client.session_transaction() as session:
        session["_user_id"] = str(staff.id)
    assert client.get("/audit").status_code == 302


def test_signing_in_starts_a_fresh_session_but_keeps_the_language(client, staff):
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
        session["locale"] = "fr"
    client.post("/login", data={"username": "staff", "password": PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["locale"] == "fr"
    assert signed_in_user_id(client) == str(staff.id)


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def stored_csrf_secret(self, client) -> str | None:
        with client.session_transaction() as session:
            return session.get("csrf_token")

    def test_signing_in_changes_the_csrf_token(self, client, staff):
        token = csrf_token(client, "/login")
        before = self.stored_csrf_secret(client)
        response = client.post(
            "/login", data={"username": "staff", "password": PASSWORD, "csrf_token": token}
        )
        assert response.status_code == 302
        assert self.stored_csrf_secret(client) != before
        # The token of the sign-in page is spent: it no longer signs out.
        assert client.post("/logout", data={"csrf_token": token}).status_code == 400
        assert csrf_token(client, "/account") != token

    def test_changing_the_password_needs_the_token(self, client, staff):
        token = csrf_token(client, "/login")
        client.post("/login", data={"username": "staff", "password": PASSWORD, "csrf_token": token})
        assert change_password(client).status_code == 400
        token = csrf_token(client, "/account/password")
        data = {
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
            "csrf_token": token,
        }
        assert client.post("/account/password", data=data).status_code == 302

    def test_signing_out_everywhere_needs_the_token(self, app, client, admin, staff):
        token = csrf_token(client, "/login")
        client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
        assert client.post(f"/admin/users/{staff.id}/sign-out").status_code == 400
        assert audit_events("user.signed_out_everywhere") == []
