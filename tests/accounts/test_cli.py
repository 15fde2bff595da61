"""`flask users create` and `flask users grant`."""

from consult.accounts.models import Role
from consult.accounts.services import authenticate, find_user
from tests.accounts.helpers import audit_events, reload, user_count

PASSWORD = "a long enough secret"


def test_create_with_password_option(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "Lin",
            "--role",
            "staff",
            "--role",
            "translator",
            "--language",
            "de",
            "--language",
            "pt_BR",
            "--display-name",
            "Lin Wei",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Created lin (staff, translator; de, pt-BR)." in result.output
    lin = find_user("lin")
    assert lin.display_name == "Lin Wei"
    assert lin.roles == {Role.STAFF, Role.TRANSLATOR} and lin.languages == {"de", "pt-BR"}
    assert authenticate("lin", PASSWORD) == lin


def test_create_is_audited_with_the_roles(runner):
    runner.invoke(args=["users", "create", "boss", "--role", "ADMIN", "--password", PASSWORD])
    [event] = audit_events("user.created")
    assert event.actor_id is None and event.target_label == "boss"
    assert event.details == {"roles": ["admin"], "languages": []}


def test_create_prompts_for_the_password_without_echo(runner):
    result = runner.invoke(args=["users", "create", "quiet"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Password:" in result.output and "Repeat for confirmation:" in result.output
    assert PASSWORD not in result.output
    assert authenticate("quiet", PASSWORD) is not None
    assert find_user("quiet").roles == frozenset()


def test_prompt_asks_again_when_the_two_differ(runner):
    result = runner.invoke(
        args=["users", "create", "quiet"],
        input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert authenticate("quiet", PASSWORD) is not None


def test_duplicate_fails_and_stores_nothing(runner, create_user):
    create_user("lin")
    result = runner.invoke(
        args=["users", "create", "LIN", "--role", "admin", "--password", PASSWORD]
    )
    assert result.exit_code != 0
    assert "That username is already taken." in result.output
    assert user_count() == 1
    assert find_user("lin").roles == frozenset()
    assert audit_events("user.created") == []


def test_translator_without_language_fails_and_stores_nothing(runner):
    result = runner.invoke(
        args=["users", "create", "lin", "--role", "translator", "--password", PASSWORD]
    )
    assert result.exit_code != 0
    assert "A translator needs at least one language." in result.output
    assert user_count() == 0


def test_short_password_fails(runner):
    result = runner.invoke(args=["users", "create", "lin", "--password", "short"])
    assert result.exit_code != 0
    assert "The password needs at least 10 characters." in result.output
    assert user_count() == 0


def test_volunteer_is_not_a_role_to_grant(runner):
    result = runner.invoke(
        args=["users", "create", "lin", "--role", "volunteer", "--password", PASSWORD]
    )
    assert result.exit_code != 0
    assert user_count() == 0


def test_grant_replaces_roles_and_is_audited(runner, create_user):
    lin = create_user("lin", roles=(Role.STAFF,))
    result = runner.invoke(
        args=[
            "users",
            "grant",
            "Lin",
            "--role",
            "translator",
            "--language",
            "fr",
            "--role",
            "moderator",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Now lin (moderator, translator; fr)." in result.output
    lin = reload(lin)
    assert lin.roles == {Role.TRANSLATOR, Role.MODERATOR} and lin.languages == {"fr"}
    [event] = audit_events("user.roles_changed")
    assert event.actor_id is None
    assert event.details["roles_before"] == ["staff"]


def test_grant_refusal_changes_nothing(runner, create_user):
    lin = create_user("lin", roles=(Role.STAFF,))
    result = runner.invoke(args=["users", "grant", "lin", "--language", "fr"])
    assert result.exit_code != 0
    assert "Only translators have languages" in result.output
    assert reload(lin).roles == {Role.STAFF} and reload(lin).languages == frozenset()
    assert audit_events("user.roles_changed") == []


def test_grant_to_unknown_user_fails(runner):
    result = runner.invoke(args=["users", "grant", "ghost", "--role", "staff"])
    assert result.exit_code != 0
    assert "There is no user named 'ghost'." in result.output
