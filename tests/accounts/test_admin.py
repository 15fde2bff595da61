"""The admin's user pages: who may see them, search, paging and changing roles."""

import pytest

from consult.accounts.models import Role
from tests.accounts.helpers import audit_events, reload

ADMIN_PAGES = ["/admin/users", "/admin/users/1"]


def grants(**fields):
    """Form data as a browser sends it: unticked boxes are simply absent."""
    data = {"languages": fields.pop("languages", "")}
    data.update({name: "y" for name, ticked in fields.items() if ticked})
    return data


@pytest.fixture
def as_admin(auth, admin):
    auth.login(username="admin")
    return admin


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, admin, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("roles", [(), (Role.STAFF,), (Role.MODERATOR,)])
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_everyone_but_admins_is_refused(client, auth, create_user, admin, roles, path):
    create_user("someone", roles=roles)
    auth.login(username="someone")
    assert client.get(path).status_code == 403


def test_non_admins_cannot_change_roles(client, auth, create_user):
    volunteer = create_user("someone")
    auth.login(username="someone")
    response = client.post(f"/admin/users/{volunteer.id}", data=grants(admin=True))
    assert response.status_code == 403
    assert reload(volunteer).roles == frozenset()
    assert audit_events("user.roles_changed") == []


def test_list_shows_roles_and_languages(client, as_admin, create_user):
    create_user(
        "lin", roles=(Role.TRANSLATOR,), languages=("zh-Hant", "de"), display_name="Lin <b>Wei</b>"
    )
    page = client.get("/admin/users").get_data(as_text=True)
    assert "lin" in page and "Lin &lt;b&gt;Wei&lt;/b&gt;" in page
    assert '<span class="role">Translator</span>' in page
    assert 'lang="de"' in page and 'lang="zh-Hant"' in page
    assert '<span class="role">Admin</span>' in page


def test_search_by_username(client, as_admin, create_user):
    create_user("mira.k")
    create_user("otto")
    page = client.get("/admin/users?q=MIRA").get_data(as_text=True)
    assert "/admin/users/" in page and "mira.k" in page
    assert ">otto<" not in page


def test_search_treats_wildcards_as_text(client, as_admin, create_user):
    create_user("otto")
    page = client.get("/admin/users?q=%25").get_data(as_text=True)
    assert ">otto<" not in page
    assert "No username contains that text." in page


def test_list_is_paginated(app, client, as_admin, create_user):
    app.config["ITEMS_PER_PAGE"] = 2
    for name in ("bea", "cai", "dov", "eli"):
        create_user(name)
    first = client.get("/admin/users").get_data(as_text=True)
    third = client.get("/admin/users?page=3").get_data(as_text=True)
    assert ">admin<" in first and ">bea<" in first and ">cai<" not in first
    assert ">eli<" in third and ">bea<" not in third
    assert "Page 1 of 3" in first and 'href="/admin/users?page=2' in first


def test_list_queries_do_not_grow_with_users(client, as_admin, create_user, count_queries):
    client.get("/admin/users")
    with count_queries() as few:
        client.get("/admin/users")
    for index in range(8):
        create_user(f"user{index}", roles=(Role.TRANSLATOR,), languages=("fr",))
    with count_queries() as many:
        client.get("/admin/users")
    assert len(many) == len(few)


def test_edit_page_shows_current_grants(client, as_admin, create_user):
    lin = create_user("lin", roles=(Role.TRANSLATOR, Role.STAFF), languages=("de", "fr"))
    page = client.get(f"/admin/users/{lin.id}").get_data(as_text=True)
    assert 'id="translator" name="translator" type="checkbox" value="y"' in page
    assert 'checked id="staff"' in page and 'checked id="translator"' in page
    assert 'checked id="moderator"' not in page
    assert 'value="de, fr"' in page


def test_unknown_user_is_404(client, as_admin):
    assert client.get("/admin/users/9999").status_code == 404


def test_admin_changes_roles_and_it_is_audited(client, as_admin, create_user):
    lin = create_user("lin")
    response = client.post(
        f"/admin/users/{lin.id}",
        data=grants(translator=True, moderator=True, languages="de, pt_br  fr"),
    )
    assert response.status_code == 302
    lin = reload(lin)
    assert lin.roles == {Role.TRANSLATOR, Role.MODERATOR}
    assert lin.languages == {"de", "pt-BR", "fr"}
    [event] = audit_events("user.roles_changed")
    assert event.actor_id == as_admin.id and event.target_id == str(lin.id)
    assert event.details["roles_after"] == ["moderator", "translator"]
    assert event.details["languages_after"] == ["de", "fr", "pt-BR"]


def test_admin_can_remove_roles(client, as_admin, create_user):
    lin = create_user("lin", roles=(Role.TRANSLATOR, Role.STAFF), languages=("de",))
    assert client.post(f"/admin/users/{lin.id}", data=grants()).status_code == 302
    lin = reload(lin)
    assert lin.roles == frozenset() and lin.languages == frozenset()


def test_admin_cannot_remove_their_own_admin_role(client, as_admin):
    response = client.post(f"/admin/users/{as_admin.id}", data=grants(staff=True))
    assert response.status_code == 422
    assert "You cannot remove your own admin role" in response.get_data(as_text=True)
    assert reload(as_admin).roles == {Role.ADMIN}
    assert audit_events("user.roles_changed") == []


def test_admin_may_change_their_other_roles(client, as_admin):
    response = client.post(f"/admin/users/{as_admin.id}", data=grants(admin=True, staff=True))
    assert response.status_code == 302
    assert reload(as_admin).roles == {Role.ADMIN, Role.STAFF}


def test_another_admin_can_be_demoted(client, as_admin, create_user):
    other = create_user("other", roles=(Role.ADMIN,))
    assert client.post(f"/admin/users/{other.id}", data=grants()).status_code == 302
    assert reload(other).roles == frozenset()


@pytest.mark.parametrize(
    "data, message",
    [
        (grants(translator=True), "A translator needs at least one language."),
        (grants(staff=True, languages="de"), "Only translators have languages"),
        (
            grants(translator=True, languages="de, notalanguage"),
            "“notalanguage” is not a language tag we know.",
        ),
        (grants(translator=True, languages="de " * 200), "Use at most 500 characters."),
    ],
)
def test_bad_grants_are_explained_and_change_nothing(client, as_admin, create_user, data, message):
    lin = create_user("lin", roles=(Role.MODERATOR,))
    response = client.post(f"/admin/users/{lin.id}", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert 'aria-describedby="languages-errors"' in page
    assert reload(lin).roles == {Role.MODERATOR}
    assert audit_events("user.roles_changed") == []
