"""Registration: a new volunteer account, signed in at once; bad input stores nothing."""

import pytest

from consult.accounts.services import authenticate, find_user
from tests.accounts.helpers import home_path, signed_in_user_id, user_count

GOOD = {
    "username": "Amara.O",
    "display_name": "Amara Okafor",
    "password": "a long enough secret",
    "confirm": "a long enough secret",
}


def register(client, **changes):
    return client.post("/register", data={**GOOD, **changes})


def test_form_has_labelled_fields(client):
    page = client.get("/register").get_data(as_text=True)
    for name in ("username", "display_name", "password", "confirm"):
        assert f'<label for="{name}">' in page
        assert f'name="{name}"' in page


def test_success_creates_a_volunteer_and_signs_in(app, client):
    response = register(client)
    assert response.status_code == 302
    assert response.headers["Location"] == home_path(app)
    user = find_user("amara.o")
    assert user is not None and user.display_name == "Amara Okafor"
    assert user.roles == frozenset() and user.languages == frozenset()
    assert authenticate("amara.o", GOOD["password"]) == user
    assert signed_in_user_id(client) == str(user.id)
    assert "Welcome, Amara Okafor!" in client.get(home_path(app)).get_data(as_text=True)


def test_empty_display_name_falls_back_to_username(client):
    assert register(client, display_name="").status_code == 302
    assert find_user("amara.o").display_name == "amara.o"


def test_taken_username_is_refused_whatever_the_case(client, create_user):
    create_user("amara.o")
    response = register(client, username="AMARA.O")
    assert response.status_code == 422
    assert "That username is already taken." in response.get_data(as_text=True)
    assert user_count() == 1
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"username": "a b"}, "Use 3 to 40 characters"),
        ({"username": "x"}, "Use 3 to 40 characters"),
        ({"username": ""}, "Choose a username."),
        ({"password": "short", "confirm": "short"}, "The password needs at least 10 characters."),
        ({"password": "1234567890", "confirm": "1234567890"}, "too easy to guess"),
        ({"password": "amara.o1234", "confirm": "amara.o1234"}, "too easy to guess"),
        ({"password": "Amara Okafor 1", "confirm": "Amara Okafor 1"}, "too easy to guess"),
        ({"password": "x" * 1025, "confirm": "x" * 1025}, "at most 1,024 characters"),
        ({"confirm": "a long enough secreT"}, "The two passwords are not the same."),
        ({"password": "", "confirm": ""}, "Choose a password."),
        ({"display_name": "n" * 81}, "Use at most 80 characters."),
    ],
)
def test_bad_input_is_explained_and_stores_nothing(client, changes, message):
    response = register(client, **changes)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert user_count() == 0
    assert signed_in_user_id(client) is None


def test_a_long_strong_password_is_accepted(client):
    password = "orchard lantern " * 64  # 1024 characters
    assert register(client, password=password, confirm=password).status_code == 302
    assert authenticate("amara.o", password) is not None


def test_a_form_without_the_display_name_field_is_refused(client):
    data = {name: value for name, value in GOOD.items() if name != "display_name"}
    response = client.post("/register", data=data)
    assert response.status_code == 422
    assert "This field is missing from the form." in response.get_data(as_text=True)
    assert user_count() == 0


@pytest.mark.parametrize("spelling", ["ſtaff", "ＳＴＡＦＦ", "ﬆaff"])
def test_a_spelling_of_a_taken_username_is_taken(client, staff, spelling):
    response = register(client, username=spelling)
    assert response.status_code == 422
    assert "That username is already taken." in response.get_data(as_text=True)
    assert user_count() == 1


def test_a_fullwidth_username_is_stored_canonical(client):
    assert register(client, username="Ａｍａｒａ.Ｏ").status_code == 302
    assert find_user("amara.o") is not None


def test_registration_is_limited_per_address(app, client):
    app.config["RATELIMIT_REGISTER"] = "2 per hour"

    def attempt(username, address="203.0.113.9"):
        return app.test_client().post(  # a new browser each time, with no session
            "/register", data={**GOOD, "username": username}, environ_base={"REMOTE_ADDR": address}
        )

    # Refused attempts count too: each one costs a strength check.
    assert [attempt("first").status_code, attempt("x").status_code] == [302, 422]
    third = attempt("third")
    assert third.status_code == 429
    assert "Please wait a moment" in third.get_data(as_text=True)
    assert attempt("fourth", address="192.0.2.1").status_code == 302
    assert user_count() == 2


def test_registration_limit_is_on_by_default(app):
    assert app.config["RATELIMIT_REGISTER"]


def test_error_is_linked_to_its_field(client):
    page = register(client, password="short", confirm="short").get_data(as_text=True)
    assert 'aria-describedby="password-errors"' in page
    assert 'id="password-errors"' in page


def test_signed_in_people_are_sent_home(app, client, auth, staff):
    auth.login()
    response = client.get("/register")
    assert response.status_code == 302
    assert response.headers["Location"] == home_path(app)
