"""Display names cannot imitate a role label, in any interface language, case or look-alike
spelling, unless the account holds that role: refused at registration, on one's own account
page, on the admin's user page and on the command line."""

import pytest

from consult.accounts.models import Role
from consult.accounts.names import imitated_role
from consult.accounts.services import AccountError
from tests.accounts.helpers import audit_events, reload, user_count
from tests.factories import PASSWORD

IMITATIONS = [
    ("Mo Moderator", Role.MODERATOR),
    ("Staff", Role.STAFF),
    ("ADMIN", Role.ADMIN),
    ("moderator", Role.MODERATOR),
    ("Sam (staff)", Role.STAFF),
    ("Ѕtaff", Role.STAFF),  # Cyrillic Ѕ
    ("Аdmin", Role.ADMIN),  # Cyrillic А
    ("ｓｔａｆｆ", Role.STAFF),  # fullwidth
    ("ﬆaﬀ", Role.STAFF),  # ligatures
    ("St\u200baff", Role.STAFF),  # zero-width space
    ("M0derator", Role.MODERATOR),
    ("Moderator2", Role.MODERATOR),
    ("Staff\u0301", Role.STAFF),  # a combining accent
    ("Lin Modérateur", Role.MODERATOR),
    ("Moderateur", Role.MODERATOR),
    ("Redaktion", Role.STAFF),
    ("Equipo Verde", Role.STAFF),
    ("Administrador", Role.ADMIN),
    ("Übersetzung", Role.TRANSLATOR),
    ("Tariq Translator", Role.TRANSLATOR),
    ("مـشرف", Role.MODERATOR),  # with a tatweel
    ("فريق العمل", Role.STAFF),
]
ALLOWED = [
    "Amara Okafor",
    "Gustaff",
    "Badminton Club",
    "Val Volunteer",
    "Rosa Reviewer",
    "Lin <b>Wei</b>",
    "ليلى",
    "Moderately Kind",
]


def holds_nothing(role: Role) -> bool:
    return role is Role.VOLUNTEER


@pytest.mark.parametrize("name, role", IMITATIONS)
def test_imitations_are_found(app, name, role):
    assert imitated_role(name, holds_nothing) is role


@pytest.mark.parametrize("name", ALLOWED)
def test_ordinary_names_are_not(app, name):
    assert imitated_role(name, holds_nothing) is None


def test_a_role_holder_may_use_their_role(create_user):
    moderator = create_user("moderator", roles=(Role.MODERATOR,), display_name="Mo Moderator")
    assert moderator.display_name == "Mo Moderator"
    with pytest.raises(AccountError) as refused:
        create_user("mod2", roles=(Role.MODERATOR,), display_name="Mo Staff")
    assert refused.value.code == "display_name_reserved"


def test_admins_may_use_staff_and_moderator(create_user):
    assert create_user("boss", roles=(Role.ADMIN,), display_name="Staff Admin Ada").id


def register(client, display_name, username="mona"):
    data = {
        "username": username,
        "display_name": display_name,
        "password": PASSWORD,
        "confirm": PASSWORD,
    }
    return client.post("/register", data=data)


def test_registration_refuses_an_imitation(client):
    response = register(client, "Mo Moderator")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "A display name cannot contain “Moderator” or a look-alike" in page
    assert 'id="display_name-errors"' in page
    assert user_count() == 0


def test_registration_refuses_an_imitation_in_the_readers_language(client):
    client.post("/language", data={"locale": "fr", "next": "/"})
    response = register(client, "Ѕtaff")
    assert response.status_code == 422
    assert "Équipe" in response.get_data(as_text=True)


def test_an_empty_display_name_falls_back_to_a_username_that_is_checked_too(client):
    response = register(client, "", username="admin")
    assert response.status_code == 422
    assert "cannot contain “Admin”" in response.get_data(as_text=True)
    assert user_count() == 0


def test_the_command_line_refuses_an_imitation(runner):
    result = runner.invoke(
        args=["users", "create", "mona", "--display-name", "Mo Moderator", "--password", PASSWORD]
    )
    assert result.exit_code != 0
    assert "cannot contain “Moderator”" in result.output
    assert user_count() == 0


@pytest.fixture
def signed_in_volunteer(auth, create_user):
    volunteer = create_user("val", display_name="Val")
    auth.login("val")
    return volunteer


def test_own_account_page_renames(client, signed_in_volunteer):
    page = client.get("/account").get_data(as_text=True)
    assert 'name="display_name"' in page and 'value="Val"' in page
    response = client.post("/account", data={"display_name": "Valentina O."})
    assert response.status_code == 302
    assert reload(signed_in_volunteer).display_name == "Valentina O."
    [event] = audit_events("user.renamed")
    assert event.details == {"before": "Val", "after": "Valentina O."}


def test_own_account_page_refuses_an_imitation(client, signed_in_volunteer):
    response = client.post("/account", data={"display_name": "Val (Staff)"})
    assert response.status_code == 422
    assert "cannot contain “Staff”" in response.get_data(as_text=True)
    assert reload(signed_in_volunteer).display_name == "Val"
    assert audit_events("user.renamed") == []


def test_own_account_page_needs_the_field(client, signed_in_volunteer):
    response = client.post("/account", data={})
    assert response.status_code == 422
    assert "This field is missing from the form." in response.get_data(as_text=True)


def test_own_account_page_needs_signing_in(client):
    assert client.get("/account").headers["Location"].startswith("/login")


def test_admin_renames_and_is_refused_an_imitation(client, auth, admin, create_user):
    val = create_user("val", display_name="Val")
    auth.login("admin")
    refused = client.post(f"/admin/users/{val.id}/display-name", data={"display_name": "Admin"})
    assert refused.status_code == 422
    assert "cannot contain “Admin”" in refused.get_data(as_text=True)
    assert reload(val).display_name == "Val"
    renamed = client.post(f"/admin/users/{val.id}/display-name", data={"display_name": "Valérie"})
    assert renamed.status_code == 302
    assert reload(val).display_name == "Valérie"
    [event] = audit_events("user.renamed")
    assert event.actor_id == admin.id


def test_only_admins_rename_others(client, auth, create_user):
    val = create_user("val", display_name="Val")
    create_user("other")
    auth.login("other")
    response = client.post(f"/admin/users/{val.id}/display-name", data={"display_name": "X"})
    assert response.status_code == 403
    assert reload(val).display_name == "Val"


def test_a_refused_rename_shows_the_roles_as_stored(client, auth, admin, create_user):
    lin = create_user("lin", roles=(Role.STAFF,), display_name="Lin")
    auth.login("admin")
    page = client.post(f"/admin/users/{lin.id}/display-name", data={"display_name": "Admin"})
    assert page.status_code == 422
    assert 'checked id="staff" name="staff"' in page.get_data(as_text=True)


def test_a_refused_role_change_shows_the_display_name_as_stored(client, auth, admin, create_user):
    lin = create_user("lin", display_name="Lin")
    auth.login("admin")
    page = client.post(f"/admin/users/{lin.id}", data={"translator": "y", "languages": ""})
    assert page.status_code == 422
    assert 'name="display_name" type="text" value="Lin"' in page.get_data(as_text=True)
