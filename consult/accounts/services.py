"""Accounts: creation, authentication, passwords, display names, sessions, role and language grants."""

import re
from collections.abc import Iterable

import sqlalchemy as sa
from flask import g

from consult.accounts.errors import AccountCode, AccountError
from consult.accounts.models import (
    GRANTABLE_ROLES,
    Role,
    User,
    UserLanguage,
    UserRole,
    new_session_token,
)
from consult.accounts.names import canonical_username, imitated_role
from consult.accounts.passwords import check_password, hash_password, password_matches
from consult.audit.services import record
from consult.extensions import db
from consult.i18n import canonical_language

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,38}[a-z0-9]$")
MAX_DISPLAY_NAME_LENGTH = 80


def find_user(username: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.username == canonical_username(username)))


def check_new_account(username: str, password: str, display_name: str) -> None:
    if not USERNAME_PATTERN.fullmatch(username):
        raise AccountError(AccountCode.USERNAME_INVALID)
    check_password(password, (username, display_name))
    if find_user(username) is not None:
        raise AccountError(AccountCode.USERNAME_TAKEN)


def check_display_name(user: User, display_name: str) -> str:
    """The name `user` would be shown by (their username when empty); refused when too
    long, or when it contains the label of a role they do not hold, in any interface
    language and however it is spelled."""
    name = display_name.strip() or user.username
    if len(name) > MAX_DISPLAY_NAME_LENGTH:
        raise AccountError(AccountCode.DISPLAY_NAME_TOO_LONG, max=MAX_DISPLAY_NAME_LENGTH)
    role = imitated_role(name, user.has_role)
    if role is not None:
        raise AccountError(AccountCode.DISPLAY_NAME_RESERVED, role=role)
    return name


def create_user(
    username: str,
    password: str,
    display_name: str = "",
    roles: Iterable[Role] = (),
    languages: Iterable[str] = (),
) -> User:
    username = canonical_username(username)
    check_new_account(username, password, display_name)
    user = User(username=username, password_hash=hash_password(password))
    set_grants(user, roles, languages)
    # Checked once the roles are known: a moderator may be called "Mo Moderator".
    user.display_name = check_display_name(user, display_name)
    db.session.add(user)
    db.session.flush()
    return user


def granted_roles() -> dict[int, frozenset[Role]]:
    """Every account's stored roles, read once per request: only staff, moderators,
    translators and admins have rows, so a page naming many writers costs one query
    however many there are."""
    if "granted_roles" not in g:
        grants: dict[int, set[Role]] = {}
        for user_id, role in db.session.execute(sa.select(UserRole.user_id, UserRole.role)):
            grants.setdefault(user_id, set()).add(role)
        g.granted_roles = {user_id: frozenset(roles) for user_id, roles in grants.items()}
    return g.granted_roles


def authenticate(username: str, password: str) -> User | None:
    """The account these credentials open, or None; an unknown username costs
    one password hash too, so timing does not tell which usernames exist."""
    user = find_user(username)
    if not password_matches(user.password_hash if user else None, password):
        return None
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Set a new password, given the current one, and end every other session."""
    if not password_matches(user.password_hash, current_password):
        raise AccountError(AccountCode.PASSWORD_WRONG)
    check_password(new_password, (user.username, user.display_name))
    user.password_hash = hash_password(new_password)
    end_sessions(user)
    record(user, "user.password_changed", user, user.username)


def end_sessions(user: User) -> None:
    """Every session signed in as `user` so far stops working (see `consult.accounts.sessions`)."""
    user.session_token = new_session_token()
    db.session.flush()


def sign_out_everywhere(actor: User, user: User) -> None:
    """`end_sessions` on an admin's request, logged."""
    end_sessions(user)
    record(actor, "user.signed_out_everywhere", user, user.username)


def change_display_name(actor: User, user: User, display_name: str) -> None:
    """Rename `user` (by themselves or an admin), and log it."""
    before = user.display_name
    user.display_name = check_display_name(user, display_name)
    if user.display_name != before:
        record(actor, "user.renamed", user, user.username, before=before, after=user.display_name)
    db.session.flush()


def known_language(tag: str) -> str:
    """`pt_br` → `pt-BR`; unknown tags are refused."""
    language = canonical_language(tag)
    if language is None:
        raise AccountError(AccountCode.LANGUAGE_UNKNOWN, language=tag)
    return language


def set_grants(user: User, roles: Iterable[Role], languages: Iterable[str]) -> None:
    wanted_roles = {Role(role) for role in roles} - {Role.VOLUNTEER}
    wanted_languages = {known_language(tag) for tag in languages}
    if wanted_languages and Role.TRANSLATOR not in wanted_roles:
        raise AccountError(AccountCode.LANGUAGES_NEED_TRANSLATOR)
    if Role.TRANSLATOR in wanted_roles and not wanted_languages:
        raise AccountError(AccountCode.TRANSLATOR_NEEDS_LANGUAGES)
    user.role_grants = [UserRole(role=role) for role in GRANTABLE_ROLES if role in wanted_roles]
    user.language_grants = [UserLanguage(language=tag) for tag in sorted(wanted_languages)]


def change_grants(
    actor: User | None, user: User, roles: Iterable[Role], languages: Iterable[str]
) -> None:
    """Set a user's roles and languages, and log the change."""
    before = (sorted(user.roles), sorted(user.languages))
    set_grants(user, roles, languages)
    after = (sorted(user.roles), sorted(user.languages))
    if before != after:
        record(
            actor,
            "user.roles_changed",
            user,
            user.username,
            roles_before=before[0],
            roles_after=after[0],
            languages_before=before[1],
            languages_after=after[1],
        )
    db.session.flush()


def create_account(
    actor: User | None,
    username: str,
    password: str,
    display_name: str = "",
    roles: Iterable[Role] = (),
    languages: Iterable[str] = (),
) -> User:
    """Create a user on someone's behalf (an admin, the command line) and log it."""
    user = create_user(username, password, display_name, roles, languages)
    record(
        actor,
        "user.created",
        user,
        user.username,
        roles=[role.value for role in sorted(user.roles)],
        languages=sorted(user.languages),
    )
    return user


def edit_grants(actor: User, user: User, roles: Iterable[Role], languages: Iterable[str]) -> None:
    """`change_grants` for the admin pages: an admin keeps their own admin role,
    so the site always has someone who can hand out roles."""
    roles = set(roles)
    if actor.id == user.id and Role.ADMIN in user.roles and Role.ADMIN not in roles:
        raise AccountError(AccountCode.OWN_ADMIN_ROLE)
    change_grants(actor, user, roles, languages)


def search_users(text: str, page: int, per_page: int):
    """A page of users whose username contains `text`, by username."""
    query = sa.select(User).order_by(User.username)
    if text.strip():
        query = query.where(User.username.contains(canonical_username(text), autoescape=True))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
