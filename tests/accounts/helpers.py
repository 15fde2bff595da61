"""Small queries the account tests share."""

import re

import sqlalchemy as sa
from flask import Flask, url_for

from consult.accounts.models import User
from consult.audit.models import AuditEvent
from consult.extensions import db

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')


def user_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(User))


def audit_events(action: str) -> list[AuditEvent]:
    query = sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def reload(user: User) -> User:
    """The user as stored, not as this session remembers it."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def home_path(app: Flask) -> str:
    with app.test_request_context():
        return url_for("policies.home")


def signed_in_user_id(client) -> str | None:
    """The id of the user the session names (it also names their session token)."""
    with client.session_transaction() as session:
        session_id = session.get("_user_id")
    return session_id.partition(":")[0] if session_id else None


def csrf_token(client, path: str = "/login") -> str:
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)
