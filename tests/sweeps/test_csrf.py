"""The CSRF sweep: with protection on, as in production, every state-changing route of the URL
map refuses a submission without a token and one carrying another session's token (400),
and changes nothing — no row, no session. The same submission with the session's own token
is then accepted, so the 400 came from the token and nothing else. A write without an
entry in tests/sweeps/routes.py fails: add one.
"""

import pytest
from flask.sessions import SecureCookieSessionInterface

from tests.accounts.helpers import csrf_token
from tests.factories import PASSWORD
from tests.sweeps.routes import ROLES
from tests.sweeps.sweep import (
    Rollback,
    accepting_case,
    client_with,
    fingerprint,
    form_of,
    outcome_of,
    send,
    session_cookie,
    url_of,
    without_entry,
    writes,
)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": False}


def session_of(app, username: str | None) -> tuple[str, str]:
    """(session cookie, its CSRF token) for `username` signed in, or for an anonymous reader."""
    client = client_with(app, None)
    token = csrf_token(client, "/login")
    if username is not None:
        form = {"username": username, "password": PASSWORD, "csrf_token": token}
        assert client.post("/login", data=form).status_code == 302, username
        # Signing in starts a fresh session, with a fresh token.
        token = csrf_token(client, "/account")
    return session_cookie(app, client), token


def cookie_after(app, cookie: str, response) -> str:
    name = app.config["SESSION_COOKIE_NAME"]
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(f"{name}="):
            return header.split(";", 1)[0].split("=", 1)[1]
    return cookie


def session_data(app, cookie: str) -> dict:
    """What a session cookie holds, without Flask-Login's freshness mark (it notes an
    anonymous visit on any request)."""
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    session = serializer.loads(cookie) if cookie else {}
    session.pop("_fresh", None)
    return session


def test_every_write_has_an_entry_that_some_role_may_submit(app):
    assert without_entry(writes(app)) == []
    assert [key for key in writes(app) if accepting_case(key) is None] == []


def test_every_write_refuses_a_missing_or_foreign_token_and_changes_nothing(app, dataset):
    rollback = Rollback(app)
    rollback.on = False
    sessions = {role: session_of(app, dataset.usernames.get(role)) for role in ROLES}
    _foreign_cookie, foreign_token = session_of(app, None)
    failures, checked = [], 0
    for key in writes(app):
        found = accepting_case(key)
        if found is None:
            failures.append(f"{key}: no entry with an accepted submission")
            continue
        (endpoint, method), (case, role) = key, found
        cookie, token = sessions[role]
        url = url_of(app, endpoint, case, dataset)
        before = fingerprint()
        for label, sent_token in (("no token", None), ("a foreign token", foreign_token)):
            response = send(app, cookie, method, url, form_of(case, dataset, sent_token))
            after = session_data(app, cookie_after(app, cookie, response))
            changed = after != session_data(app, cookie)
            if response.status_code != 400 or changed:
                failures.append(f"{method} {url} as {role} with {label}: {response.status_code}")
        if fingerprint() != before:
            failures.append(f"{method} {url} as {role}: a refused submission changed the data")
        rollback.on = True
        accepted = send(app, cookie, method, url, form_of(case, dataset, token))
        rollback.on = False
        if outcome_of(accepted) != case.expect[role]:
            failures.append(f"{method} {url} as {role} with its token: {accepted.status_code}")
        checked += 1
    assert failures == [], "\n".join([f"{len(failures)} failures over {checked} writes", *failures])
    assert checked == len(writes(app))
