"""`flask users create|grant`: accounts for people who cannot register themselves into a role."""

from collections.abc import Callable, Iterable
from typing import Any

import click
from flask.cli import AppGroup

from consult.accounts.messages import error_text_outside_request
from consult.accounts.models import GRANTABLE_ROLES, Role, User
from consult.accounts.services import AccountError, change_grants, create_account, find_user
from consult.extensions import db

users = AppGroup("users", help="Create accounts and grant roles.")

role_option = click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([role.value for role in GRANTABLE_ROLES], case_sensitive=False),
    help="A role to grant; repeat for several.",
)
language_option = click.option(
    "--language",
    "languages",
    multiple=True,
    help="A language a translator writes, as a BCP 47 tag (de, pt-BR); repeat for several.",
)


def refuse_account_errors(action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a service; turn its refusal into a message and a non-zero exit."""
    try:
        return action(*args, **kwargs)
    except AccountError as error:
        db.session.rollback()
        raise click.ClickException(error_text_outside_request(error)) from error


def describe(user: User) -> str:
    roles = ", ".join(sorted(user.roles)) or Role.VOLUNTEER.value
    languages = ", ".join(sorted(user.languages))
    return f"{user.username} ({roles}{'; ' + languages if languages else ''})"


def as_roles(values: Iterable[str]) -> list[Role]:
    return [Role(value.lower()) for value in values]


@users.command("create")
@click.argument("username")
@role_option
@language_option
@click.option(
    "--display-name", default="", help="The name shown on the site (default: the username)."
)
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Asked for without echo when not given.",
)
def create_command(
    username: str,
    roles: tuple[str, ...],
    languages: tuple[str, ...],
    display_name: str,
    password: str,
) -> None:
    """Create the account USERNAME."""
    user = refuse_account_errors(
        create_account, None, username, password, display_name, as_roles(roles), languages
    )
    db.session.commit()
    click.echo(f"Created {describe(user)}.")


@users.command("grant")
@click.argument("username")
@role_option
@language_option
def grant_command(username: str, roles: tuple[str, ...], languages: tuple[str, ...]) -> None:
    """Set USERNAME's roles and languages, replacing the current ones."""
    user = find_user(username)
    if user is None:
        raise click.ClickException(f"There is no user named {username!r}.")
    refuse_account_errors(change_grants, None, user, as_roles(roles), languages)
    db.session.commit()
    click.echo(f"Now {describe(user)}.")
