"""The bad-input sweep: every write of the URL map, and every JSON endpoint, with one part of
a valid request made bad at a time — each form field (empty, over every length limit, 1 MB,
a NUL, invalid UTF-8 in the raw body, numbers no column holds, a list where one value is
expected, a number for a choice) and each value in the URL (an unknown id or name, and
the same bad values). Each must be refused with a readable 4xx page, and a refused request
must leave the database exactly as it was. Where the app rightly accepts a bad-looking
input (an empty optional field), ACCEPTED below says so.

The valid request is the first one of tests/sweeps/routes.py that some role may submit.
"""

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from flask import Flask, Response

from consult.extensions import db
from tests.sweeps.dataset import DataSet
from tests.sweeps.routes import Case, Upload
from tests.sweeps.sweep import (
    accepting_case,
    client_with,
    fingerprint,
    form_of,
    routes,
    signed_in_cookie,
    writes,
)

ONE_MB = 1024 * 1024
OVER_EVERY_LIMIT = 200_001  # the longest text field takes 200 000 characters
HUGE_INTEGERS = (str(2**31), str(10**20), "-1")
INTEGER_FIELDS = frozenset({"version", "structure_version", "level", "revision"})
CHOICE_FIELDS = frozenset({"language", "level", "direction", "locale", "revision", "timezone"})
ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
INVALID_UTF8 = "%FF%FEbad"  # percent-encoded bytes that are not UTF-8
URLENCODED = "application/x-www-form-urlencoded"
BOUNDARY = "consult-sweep-boundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"

# (endpoint, field, bad value) the app rightly accepts, and why.
ACCEPTED = {
    ("comments.triage_bulk", "comment", "a list"): "one value per ticked comment",
    ("comments.triage_comment", "original", "empty"): "not a duplicate",
    ("comments.triage_comment", "response", "empty"): "no public response",
    ("comments.triage_comment", "assignee", "empty"): "nobody assigned",
    ("comments.triage_comment", "note", "empty"): "no internal note",
    ("accounts.account", "display_name", "empty"): "an empty display name means the username",
    ("accounts.user_rename", "display_name", "empty"): "an empty display name means the username",
    ("accounts.register", "display_name", "empty"): "an empty display name means the username",
    ("accounts.user_edit", "languages", "empty"): "no translation languages",
    ("accounts.preferences", "locale", "empty"): "follow this browser's language",
    ("accounts.preferences", "timezone", "empty"): "follow this browser's time zone",
    ("accounts.user_edit", "translator", "empty"): "an unchecked box",
    ("accounts.user_edit", "translator", "a number for a choice"): "a checked box",
    ("comments.adopt_wording_post", "confirm", "empty"): "the clause is as commented on",
    ("comments.adopt_wording_post", "confirm", "over every limit"): "any value checks a box",
    ("comments.adopt_wording_post", "confirm", "1 MB"): "any value checks a box",
    ("comments.window", "revision", "empty"): "the latest revision",
    ("comments.window", "opens_at", "empty"): "comments closed",
    ("comments.window", "closes_at", "empty"): "no closing date",
    ("drafting.add_clause", "after", "empty"): "at the start",
    ("drafting.add_clause", "version", "empty"): "a new clause has no version to check",
    ("drafting.edit_clause", "heading", "empty"): "an introduction has no heading",
    ("drafting.edit_clause", "body", "empty"): "a clause may be a bare heading",
    ("drafting.add_clause", "body", "empty"): "a clause may be a bare heading",
    ("translating.edit", "heading", "empty"): "an untranslated heading",
    ("translating.edit", "body", "empty"): "an untranslated body",
    ("drafting.add_clause", "version", "over every limit"): "a new clause ignores the field",
    ("drafting.add_clause", "version", "1 MB"): "a new clause ignores the field",
    ("drafting.add_clause", "version", "huge integer 2147483648"): "ignored, as above",
    ("drafting.add_clause", "version", "huge integer 100000000000000000000"): "ignored",
    ("drafting.add_clause", "version", "huge integer -1"): "ignored, as above",
    ("accounts.user_edit", "translator", "over every limit"): "any value checks a box",
    ("accounts.user_edit", "translator", "1 MB"): "any value checks a box",
    ("api.translation", "<language>", "unknown"): "a well-formed tag nobody translated yet",
    ("drafting.import_revision", "title", "empty"): "the document's own title is used",
    ("drafting.import_revision", "change_summary", "empty"): "a summary is optional",
}


@dataclass(frozen=True)
class Attempt:
    """One bad request: `form` (a dict, or a raw body of `content_type`) posted to `url`."""

    route: str
    field: str
    bad: str
    method: str
    url: str
    form: dict | bytes
    content_type: str = URLENCODED


@pytest.fixture
def app_config(app_config):
    # A small import limit keeps the oversized upload, built in memory for every attempt, small.
    limits = {"MAX_IMPORT_BYTES": 64 * 1024, "MAX_CONTENT_LENGTH": 2 * ONE_MB}
    return {**app_config, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, **limits}


def text_values(field: str, valid: str) -> Iterator[tuple[str, object]]:
    yield "empty", ""
    yield "over every limit", "x" * OVER_EVERY_LIMIT
    yield "1 MB", "x" * ONE_MB
    yield "NUL", f"{valid}\x00"
    yield "a list", [valid, valid]
    if field in INTEGER_FIELDS:
        yield from (("huge integer " + number, number) for number in HUGE_INTEGERS)
    if field in CHOICE_FIELDS:
        yield "a number for a choice", "12345"


def upload_values(upload: Upload, max_bytes: int) -> Iterator[tuple[str, object]]:
    name = upload.filename
    yield "empty", (io.BytesIO(b""), name)
    yield "over the limit", (io.BytesIO(b"# T\n\n" + b"x" * max_bytes), name)
    yield "NUL", (io.BytesIO(upload.text.encode() + b"\x00"), name)
    yield "invalid UTF-8", (io.BytesIO(upload.text.encode() + b"\xff\xfe"), name)


def raw_body(form: dict, field: str) -> bytes:
    """The urlencoded body with `field` replaced by bytes that are not UTF-8."""
    others = {name: value for name, value in form.items() if name != field}
    return f"{urlencode(others)}&{field}={INVALID_UTF8}".lstrip("&").encode()


def multipart_part(name: str, value: object) -> bytes:
    if isinstance(value, tuple):
        stream, filename = value
        head = f'name="{name}"; filename="{filename}"\r\nContent-Type: text/markdown'
        content = stream.read()
    else:
        head = f'name="{name}"'
        content = value if isinstance(value, bytes) else str(value).encode()
    return f"--{BOUNDARY}\r\nContent-Disposition: form-data; {head}\r\n\r\n".encode() + content


def multipart_body(form: dict) -> bytes:
    """The form as a multipart body, built in memory: Werkzeug's test client spools a large
    one to a temporary file it never closes."""
    pairs = [
        (name, item)
        for name, value in form.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    parts = [multipart_part(name, value) for name, value in pairs]
    return b"\r\n".join(parts) + f"\r\n--{BOUNDARY}--\r\n".encode()


def not_utf8(endpoint: str, field: str, method: str, url: str, valid: dict) -> Attempt:
    if any(isinstance(value, tuple) for value in valid.values()):
        body, kind = multipart_body({**valid, field: b"\xff\xfebad"}), MULTIPART
    else:
        body, kind = raw_body(valid, field), URLENCODED
    return Attempt(endpoint, field, "invalid UTF-8", method, url, body, kind)


def field_attempts(app: Flask, key, case: Case, dataset: DataSet) -> Iterator[Attempt]:
    endpoint, method = key
    url = path_of(case, dataset, rule_of(app, endpoint))
    valid = form_of(case, dataset)
    for field, value in case.data.items():
        if isinstance(value, Upload):
            bad_values = upload_values(value, app.config["MAX_IMPORT_BYTES"])
        else:
            bad_values = text_values(field, valid[field])
            yield not_utf8(endpoint, field, method, url, form_of(case, dataset))
        for bad, bad_value in bad_values:
            # A fresh valid form each time: an upload's stream is read once.
            form = {**form_of(case, dataset), field: bad_value}
            yield Attempt(endpoint, field, bad, method, url, form)


def path_values(converter: str | None) -> Iterator[tuple[str, str]]:
    yield "unknown", "2147483647" if converter == "int" else "no-such-thing"
    yield "NUL", "a%00b"
    yield "invalid UTF-8", INVALID_UTF8
    yield "long", "x" * 10_000
    if converter == "int":
        yield from (("huge integer " + number, number) for number in HUGE_INTEGERS)
        yield "a word for a number", "abc"


def path_attempts(app: Flask, key, case: Case, dataset: DataSet) -> Iterator[Attempt]:
    endpoint, method = key
    rule = rule_of(app, endpoint)
    for converter, name in ARGUMENT.findall(rule):
        for bad, raw in path_values(converter or None):
            url = path_of(case, dataset, rule, {name: raw})
            form = form_of(case, dataset) if method != "GET" else {}
            yield Attempt(endpoint, f"<{name}>", bad, method, url, form)


def rule_of(app: Flask, endpoint: str) -> str:
    return next(rule.rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint)


def path_of(case: Case, dataset: DataSet, rule: str, raw: dict | None = None) -> str:
    """The rule filled with the case's values, except those in `raw`, sent as they are."""
    raw = raw or {}

    def fill(match: re.Match) -> str:
        name = match.group(2)
        return raw[name] if name in raw else quote(str(dataset.resolve(case.values[name])))

    return ARGUMENT.sub(fill, rule)


def checked_routes(app: Flask) -> list[tuple[str, str]]:
    """Every write, and every JSON endpoint (all of them GET)."""
    api = [key for key in routes(app) if key[0].startswith("api.")]
    return writes(app) + api


def attempts(app: Flask, dataset: DataSet) -> Iterator[tuple[str, Attempt]]:
    """(role allowed to submit, attempt) for every route, part and bad value."""
    for key in checked_routes(app):
        case, role = accepting_case(key)
        yield from ((role, a) for a in field_attempts(app, key, case, dataset))
        yield from ((role, a) for a in path_attempts(app, key, case, dataset))


def send(app: Flask, cookie: str | None, attempt: Attempt) -> Response:
    client = client_with(app, cookie)
    if isinstance(attempt.form, bytes):
        kind = attempt.content_type
        return client.open(attempt.url, method=attempt.method, data=attempt.form, content_type=kind)
    if any(isinstance(value, tuple) for value in attempt.form.values()):
        body = multipart_body(attempt.form)
        return client.open(attempt.url, method=attempt.method, data=body, content_type=MULTIPART)
    data = attempt.form if attempt.method != "GET" else None
    return client.open(attempt.url, method=attempt.method, data=data)


class RollbackAccepted:
    """Registered after the app's own hooks, so it runs before the commit: the work of a
    request ACCEPTED says is fine is rolled back (the data set stays the same for the next
    one); any other is left to the app, so whatever it keeps shows in the fingerprint."""

    def __init__(self, app: Flask):
        self.on = False
        app.after_request(self)

    def __call__(self, response: Response) -> Response:
        if self.on:
            db.session.rollback()
        return response


def is_accepted(attempt: Attempt) -> bool:
    return (attempt.route, attempt.field, attempt.bad) in ACCEPTED


def readable(response: Response) -> bool:
    """A page that says what went wrong: the app's error page, a form showing its errors,
    or the API's JSON error."""
    if response.is_json:
        return bool(response.json["error"]["message"])
    page = response.get_data(as_text=True)
    return response.mimetype == "text/html" and "<main" in page and "</html>" in page


def verdict(attempt: Attempt, response: Response, kept: bool) -> str | None:
    status = response.status_code
    if status >= 500:
        return f"{status}"
    if kept:
        return f"{status} but the database changed"
    if status < 400 and not is_accepted(attempt):
        return f"accepted with {status}"
    if status >= 400 and not readable(response):
        return f"{status} without a readable page"
    return None


def test_every_checked_route_has_a_request_some_role_may_submit(app):
    assert [key for key in checked_routes(app) if accepting_case(key) is None] == []


def test_every_bad_input_is_refused_clearly_and_changes_nothing(app, dataset):
    rollback = RollbackAccepted(app)
    cookies = {}
    before = fingerprint()
    failures, tried, errors, routes_seen = [], 0, 0, set()
    for role, attempt in attempts(app, dataset):
        if role not in cookies:
            cookies[role] = signed_in_cookie(app, dataset.usernames.get(role))
        rollback.on = is_accepted(attempt)
        response = send(app, cookies[role], attempt)
        kept = fingerprint() != before
        problem = verdict(attempt, response, kept)
        tried, errors = tried + 1, errors + (response.status_code >= 500)
        routes_seen.add(attempt.route)
        if problem:
            failures.append(
                f"{attempt.method} {attempt.route} {attempt.field} {attempt.bad}: {problem}"
            )
        if kept:
            before = fingerprint()
    print(f"\nbad inputs: {len(routes_seen)} routes, {tried} requests, {errors} 5xx")
    assert failures == [], "\n".join([f"{len(failures)} of {tried} bad inputs", *failures])
    assert errors == 0
