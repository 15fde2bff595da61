"""Accounts: creation, authentication, role and language grants."""

import re
from collections.abc import Iterable

import sqlalchemy as sa
from flask import g
from werkzeug.security import check_password_hash, generate_password_hash

from consult.accounts.models import GRANTABLE_ROLES, Role, User, UserLanguage, UserRole
from consult.audit.services import record
from consult.extensions import db
from consult.i18n import canonical_language

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,38}[a-z0-9]$")
MIN_PASSWORD_LENGTH = 10


class AccountError(Exception):
    """A rule about accounts was broken; `code` says which."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


def canonical_username(name: str) -> str:
    return name.strip().casefold()


def find_user(username: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.username == canonical_username(username)))


def check_new_account(username: str, password: str) -> None:
    if not USERNAME_PATTERN.fullmatch(username):
        raise AccountError("username_invalid")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if find_user(username) is not None:
        raise AccountError("username_taken")


def create_user(
    username: str,
    password: str,
    display_name: str = "",
    roles: Iterable[Role] = (),
    languages: Iterable[str] = (),
) -> User:
    username = canonical_username(username)
    check_new_account(username, password)
    user = User(
        username=username,
        display_name=display_name.strip() or username,
        password_hash=generate_password_hash(password),
    )
    db.session.add(user)
    set_grants(user, roles, languages)
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
    user = find_user(username)
    if user is None or not check_password_hash(user.password_hash, password):
        return None
    return user


def known_language(tag: str) -> str:
    """`pt_br` → `pt-BR`; unknown tags are refused."""
    language = canonical_language(tag)
    if language is None:
        raise AccountError("language_unknown", language=tag)
    return language


def set_grants(user: User, roles: Iterable[Role], languages: Iterable[str]) -> None:
    wanted_roles = {Role(role) for role in roles} - {Role.VOLUNTEER}
    wanted_languages = {known_language(tag) for tag in languages}
    if wanted_languages and Role.TRANSLATOR not in wanted_roles:
        raise AccountError("languages_need_translator")
    if Role.TRANSLATOR in wanted_roles and not wanted_languages:
        raise AccountError("translator_needs_languages")
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
        raise AccountError("own_admin_role")
    change_grants(actor, user, roles, languages)


def search_users(text: str, page: int, per_page: int):
    """A page of users whose username contains `text`, by username."""
    query = sa.select(User).order_by(User.username)
    if text.strip():
        query = query.where(User.username.contains(canonical_username(text), autoescape=True))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
