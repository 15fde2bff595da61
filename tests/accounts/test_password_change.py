"""Signed-in people change their password: the current one is required, the new one follows
the same rules as at registration, and the change is logged."""

import pytest

from consult.accounts.services import authenticate
from tests.accounts.helpers import audit_events
from tests.factories import PASSWORD

NEW_PASSWORD = "plum orchard lantern quietly"


def change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    data = {"current_password": current, "password": new, "confirm": confirm or new}
    return client.post("/account/password", data=data)


def test_the_page_is_a_labelled_form(client, auth, staff):
    auth.login()
    page = client.get("/account/password").get_data(as_text=True)
    for name in ("current_password", "password", "confirm"):
        assert f'<label for="{name}">' in page
    assert 'autocomplete="current-password"' in page and 'autocomplete="new-password"' in page


def test_the_account_page_links_to_it(client, auth, staff):
    auth.login()
    assert 'href="/account/password"' in client.get("/account").get_data(as_text=True)


def test_anonymous_visitors_are_sent_to_sign_in(client, staff):
    assert client.get("/account/password").headers["Location"].startswith("/login")
    assert change(client).headers["Location"].startswith("/login")
    assert authenticate("staff", PASSWORD) is not None


def test_the_password_changes(client, auth, staff):
    auth.login()
    response = change(client)
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert authenticate("staff", NEW_PASSWORD) is not None
    assert authenticate("staff", PASSWORD) is None
    [event] = audit_events("user.password_changed")
    assert event.actor_id == staff.id and event.target_id == str(staff.id)
    assert "every other device is signed out" in client.get("/account").get_data(as_text=True)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"current": "not my password"}, "That is not your current password."),
        ({"current": ""}, "Enter your current password."),
        ({"new": "short"}, "The password needs at least 10 characters."),
        ({"new": "1234567890"}, "too easy to guess"),
        ({"new": "staff12345"}, "too easy to guess"),
        ({"new": "y" * 1025}, "at most 1,024 characters"),
        ({"confirm": "something else entirely"}, "The two passwords are not the same."),
    ],
)
def test_refusals_are_explained_and_change_nothing(client, auth, staff, changes, message):
    auth.login()
    response = change(client, **changes)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert authenticate("staff", PASSWORD) is not None
    assert audit_events("user.password_changed") == []


def test_guessing_the_current_password_is_limited(app, client, auth, staff):
    app.config["RATELIMIT_LOGIN"] = "2 per minute"
    auth.login()
    for n in range(2):
        change(client, current=f"guess {n}")
    assert change(client).status_code == 429
    assert authenticate("staff", PASSWORD) is not None
