"""What both sweeps share: the routes of the URL map, concrete requests built from the
table and the data set, each made by a fresh client, and a fingerprint of the database."""

import io
from collections.abc import Iterator
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Flask, Response, url_for

from consult.extensions import db
from tests.conftest import IsolatedClient
from tests.factories import PASSWORD
from tests.sweeps.dataset import DataSet
from tests.sweeps.routes import ROLES, TABLE, WRITES, Case, Outcome, Upload

IGNORED_METHODS = frozenset({"HEAD", "OPTIONS"})
STATUS_OUTCOMES = {
    200: Outcome.OK,
    403: Outcome.FORBIDDEN,
    404: Outcome.MISSING,
    409: Outcome.CONFLICT,
}


def routes(app: Flask) -> list[tuple[str, str]]:
    """(endpoint, method) of every rule and method of the URL map but static files."""
    return sorted(
        {
            (rule.endpoint, method)
            for rule in app.url_map.iter_rules()
            if rule.endpoint != "static"
            for method in rule.methods - IGNORED_METHODS
        }
    )


def writes(app: Flask) -> list[tuple[str, str]]:
    return [(endpoint, method) for endpoint, method in routes(app) if method in WRITES]


def without_entry(keys: list[tuple[str, str]]) -> list[str]:
    return [
        f"{method} {endpoint}: add an entry to TABLE in tests/sweeps/routes.py"
        for endpoint, method in keys
        if not TABLE.get((endpoint, method))
    ]


def url_of(app: Flask, endpoint: str, case: Case, dataset: DataSet) -> str:
    values = {name: dataset.resolve(value) for name, value in case.values.items()}
    with app.test_request_context():
        url = url_for(endpoint, **values)
    return f"{url}?{case.query}" if case.query else url


def form_of(case: Case, dataset: DataSet, token: str | None = None) -> dict:
    form = {}
    for name, value in case.data.items():
        if isinstance(value, Upload):
            form[name] = (io.BytesIO(value.text.encode()), value.filename)
        else:
            form[name] = str(dataset.resolve(value))
    if token is not None:
        form["csrf_token"] = token
    return form


def client_with(app: Flask, cookie: str | None) -> IsolatedClient:
    """A client holding exactly `cookie` (a signed-in session, or none): no request of a sweep
    changes what the next one sends."""
    client = IsolatedClient(app, app.response_class, use_cookies=True)
    if cookie is not None:
        client.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
    return client


def session_cookie(app: Flask, client) -> str | None:
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return cookie.value if cookie else None


def send(app: Flask, cookie: str | None, method: str, url: str, form: dict) -> Response:
    client = client_with(app, cookie)
    has_file = any(isinstance(value, tuple) for value in form.values())
    kwargs = {"content_type": "multipart/form-data"} if has_file else {}
    return client.open(url, method=method, data=form if method in WRITES else None, **kwargs)


def outcome_of(response: Response) -> Outcome | str:
    if 300 <= response.status_code < 400:
        to_sign_in = urlsplit(response.location).path == "/login"
        return Outcome.SIGN_IN if to_sign_in else Outcome.REDIRECT
    return STATUS_OUTCOMES.get(response.status_code, str(response.status_code))


ACCEPTED = (Outcome.OK, Outcome.REDIRECT)


def accepting_case(key: tuple[str, str]) -> tuple[Case, str] | None:
    """The entry's first case and role whose submission is accepted."""
    for case in TABLE.get(key, []):
        for role in ROLES:
            if case.expect[role] in ACCEPTED:
                return case, role
    return None


def cases(keys: list[tuple[str, str]]) -> Iterator[tuple[str, str, Case]]:
    for endpoint, method in keys:
        for case in TABLE.get((endpoint, method), []):
            yield endpoint, method, case


def fingerprint() -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order: equal fingerprints, equal databases."""
    db.session.expire_all()
    return {
        table.name: [
            tuple(row)
            for row in db.session.execute(sa.select(table).order_by(*table.primary_key.columns))
        ]
        for table in db.metadata.sorted_tables
    }


class Rollback:
    """An after-request hook registered after the app's own, so it runs before the commit
    (Flask runs them in reverse): while `on`, whatever a request wrote is rolled back, and the
    data set stays as it was for the next request."""

    def __init__(self, app: Flask):
        self.on = True
        app.after_request(self)

    def __call__(self, response: Response) -> Response:
        if self.on:
            db.session.rollback()
        return response


def signed_in_cookie(app: Flask, username: str | None) -> str | None:
    """The session cookie of `username` signed in; none for an anonymous reader."""
    if username is None:
        return None
    client = client_with(app, None)
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} could not sign in"
    return session_cookie(app, client)
