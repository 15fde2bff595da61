"""Signed-in sessions that can be ended from the server.

A session stores `User.get_id()`, the user's id and their current session token;
a session whose token is no longer the user's loads nobody. Giving the user a new
token (`services.end_sessions`) therefore ends every session signed in before it,
wherever its cookie was copied to.
"""

import hmac

from flask import current_app, g, session
from flask_login import login_user

from consult.accounts.models import User
from consult.extensions import db

# The reader's settings, not their identity: they survive signing in.
KEPT_ACROSS_SIGN_IN = ("locale", "timezone")


def load_user(session_id: str) -> User | None:
    user_id, separator, token = session_id.partition(":")
    if not separator:
        return None  # a session from before tokens existed
    try:
        user = db.session.get(User, int(user_id))
    except ValueError:
        return None
    if user is None or not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    return user


def start_session(user: User) -> None:
    """Sign `user` in on a fresh session: nothing stored before signing in (by a
    shared computer, or planted by someone else) carries over, and the CSRF token
    changes."""
    kept = {key: session[key] for key in KEPT_ACROSS_SIGN_IN if key in session}
    session.clear()
    session.update(kept)
    # Flask-WTF keeps the request's token in `g` as well as in the session.
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)
    login_user(user)
