"""Bad input stops at the edge with a clear 4xx and stores nothing: NUL characters anywhere
in a request, numbers no database column holds in a path, page numbers out of range."""

import gc
import re
import warnings

import pytest
import sqlalchemy as sa

from consult.accounts.models import Role, User
from consult.audit.models import AuditEvent
from consult.comments.models import Comment
from consult.extensions import db
from consult.policies.models import Policy, Revision
from tests.comments.helpers import thread_path

NUL_REFUSED = "Text cannot contain the NUL character"
PAGE_REFUSED = "Page numbers are whole numbers from 1 to 2147483647"
TOO_BIG = [2**31, 10**20 - 1]
ARGUMENT = re.compile(r"<(?:(\w+)(?:\(([^)]*)\))?:)?\w+>")


def every_rule(app):
    return sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint != "static"), key=lambda r: r.rule
    )


def sample_path(rule, number: int = 1) -> str:
    """The rule's path with every argument filled: `number` for integers, a valid word
    for `any(…)`, "x" for the rest."""

    def fill(match: re.Match) -> str:
        converter, options = match.group(1), match.group(2)
        if converter == "int":
            return str(number)
        if converter == "any":
            return options.split(",")[0].strip()
        return "x"

    return ARGUMENT.sub(fill, rule.rule)


def method_of(rule) -> str:
    return "GET" if "GET" in rule.methods else "POST"


def stored() -> tuple[int, ...]:
    db.session.expire_all()
    models = (Policy, Revision, Comment, User, AuditEvent)
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(m)) for m in models)


@pytest.fixture
def chief(create_user):
    """Every role, so no permission check answers before the input does."""
    roles = (Role.ADMIN, Role.STAFF, Role.MODERATOR, Role.TRANSLATOR)
    return create_user("chief", roles=roles, languages=("fr",))


def test_every_route_refuses_a_nul_in_a_query_or_form_field(app, client):
    answers = {}
    for rule in every_rule(app):
        path, method = sample_path(rule), method_of(rule)
        response = client.open(path + "?q=a%00b", method=method, data={"body": "a\x00b"})
        answers[f"{method} {rule.rule}"] = (response.status_code, response.get_data(as_text=True))
    wrong = {route: status for route, (status, page) in answers.items() if status != 400}
    assert wrong == {}
    assert all(NUL_REFUSED in page for _status, page in answers.values())


NUL_CASES = {
    "comment body": ("POST", "{thread}", {"body": "a\x00b", "language": "en"}),
    "suggested wording": (
        "POST",
        "{thread}",
        {"body": "Fine", "language": "en", "suggested_wording": "x\x00"},
    ),
    "new slug": ("POST", "/policies/new", {"slug": "n\x00", "title": "T", "source_language": "en"}),
    "policy title": (
        "POST",
        "/policies/new",
        {"slug": "t", "title": "\x00", "source_language": "en"},
    ),
    "sign-in name": ("POST", "/login", {"username": "chief\x00", "password": "x"}),
    "clause key": ("GET", "/policies/guidelines/revisions/1/clauses/a%00b/comments", None),
    "slug in path": ("GET", "/policies/guide%00lines", None),
    "language filter": ("GET", "{thread}?language=%00", None),
    "user search": ("GET", "/admin/users?q=%00", None),
    "API slug": ("GET", "/api/v1/policies/guide%00lines", None),
}


@pytest.mark.parametrize("case", NUL_CASES)
def test_a_nul_is_refused_and_stores_nothing(client, auth, commentable, chief, case):
    method, path, data = NUL_CASES[case]
    path = path.format(thread=thread_path(commentable, commentable.clauses[1].key))
    auth.login("chief")
    before = stored()
    response = client.open(path, method=method, data=data)
    assert response.status_code == 400
    assert NUL_REFUSED in response.get_data(as_text=True)
    assert stored() == before


def test_a_nul_in_json_is_refused(client, auth, chief):
    auth.login("chief")
    response = client.post("/comments/1/endorse", json={"note": ["fine", {"x": "a\x00"}]})
    assert response.status_code == 400
    assert NUL_REFUSED in response.get_data(as_text=True)


def test_api_refusals_are_json(client):
    response = client.get("/api/v1/policies/guide%00lines")
    assert response.status_code == 400
    assert NUL_REFUSED in response.json["error"]["message"]


def test_numbers_beyond_any_column_match_no_route(app, client, auth, chief):
    auth.login("chief")
    answers = {}
    for rule in every_rule(app):
        if "<int:" not in rule.rule:
            continue
        for number in TOO_BIG:
            path, method = sample_path(rule, number), method_of(rule)
            answers[(method, path)] = client.open(path, method=method).status_code
    # Werkzeug answers 405 when a GET rule shares the refused POST rule's path.
    wrong = {
        route: status
        for route, status in answers.items()
        if status != 404 and (status, route[0]) != (405, "POST")
    }
    assert answers and wrong == {}


def test_a_large_id_on_a_real_route_is_404(client, commentable, create_comment, moderator):
    create_comment(moderator, commentable)
    assert client.get("/comments/1").status_code == 200
    assert client.get("/comments/2147483647").status_code == 404
    assert client.get("/comments/2147483648").status_code == 404
    assert client.get("/policies/guidelines/revisions/99999999999999999999").status_code == 404


PAGED = ["/audit", "/moderation", "/admin/users", "{thread}"]


@pytest.mark.parametrize("page", ["99999999999999999999", "2147483648", "0", "-1", "abc", "1.5"])
@pytest.mark.parametrize("listing", PAGED)
def test_a_page_out_of_range_is_400(client, auth, commentable, chief, listing, page):
    auth.login("chief")
    path = listing.format(thread=thread_path(commentable, commentable.clauses[1].key))
    response = client.get(f"{path}?page={page}")
    assert response.status_code == 400
    assert PAGE_REFUSED in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["", "1", "2147483647"])
def test_pages_in_range_are_served(client, auth, chief, page):
    auth.login("chief")
    assert client.get(f"/audit?page={page}").status_code == 200


def test_every_405_says_which_methods_are_allowed(app, client):
    readable = {rule.rule for rule in every_rule(app) if "GET" in rule.methods}
    for rule in every_rule(app):
        if rule.rule in readable:
            continue
        response = client.get(sample_path(rule))
        assert response.status_code == 405, rule.rule
        assert "POST" in response.headers.get("Allow", ""), rule.rule
        assert "That method is not allowed here." in response.get_data(as_text=True)


def test_a_405_from_the_api_is_json_with_allow(client):
    response = client.post("/api/v1/policies/guidelines")
    assert response.status_code == 405 and response.is_json
    assert "GET" in response.headers["Allow"]


UTF8_REFUSED = "The request is not valid UTF-8 text"


@pytest.mark.parametrize(
    "path, body",
    [("/login?next=%FF", b""), ("/login", b"username=%FF%FEchief&password=x")],
)
def test_text_that_is_not_utf8_is_refused(client, chief, path, body):
    kind = "application/x-www-form-urlencoded"
    response = client.post(path, data=body, content_type=kind)
    assert response.status_code == 400
    assert UTF8_REFUSED in response.get_data(as_text=True)


def test_a_field_sent_twice_is_refused_and_stores_nothing(client, auth, commentable, chief):
    auth.login("chief")
    before = stored()
    path = thread_path(commentable, commentable.clauses[1].key)
    response = client.post(path, data={"body": ["One.", "Two."], "language": "en"})
    assert response.status_code == 400
    assert "was sent more than once" in response.get_data(as_text=True)
    assert stored() == before


def test_a_refused_sign_in_is_422(client, chief):
    assert client.post("/login", data={"username": "chief", "password": "wrong"}).status_code == 422
    assert client.post("/login", data={"username": "", "password": ""}).status_code == 422


def multipart(
    fields: dict[str, bytes], boundary: str = "b0undary", filename_of: dict | None = None
) -> tuple[bytes, str]:
    names = {
        name: f'{name}"; filename="{(filename_of or {})[name]}'
        if name in (filename_of or {})
        else name
        for name in fields
    }
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{names[name]}"\r\n\r\n'.encode()
        + value
        for name, value in fields.items()
    ]
    body = b"\r\n".join(parts) + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_a_multipart_text_field_that_is_not_utf8_is_refused(client, auth, chief):
    auth.login("chief")
    before = stored()
    body, kind = multipart({"title": "Caf\xe9".encode("latin-1"), "change_summary": b"New."})
    response = client.post("/policies/x/import", data=body, content_type=kind)
    assert response.status_code == 400
    assert UTF8_REFUSED in response.get_data(as_text=True)
    assert stored() == before


def test_a_multipart_body_in_utf8_reaches_its_view(client, auth, chief):
    auth.login("chief")
    body, kind = multipart({"title": "Café".encode(), "change_summary": b"New."})
    response = client.post("/policies/x/import", data=body, content_type=kind)
    assert response.status_code == 404  # the view ran: there is no policy "x"


def test_an_unknown_interface_language_is_refused(client):
    response = client.post("/language", data={"locale": "xx", "next": "/"})
    assert response.status_code == 400
    assert "That language is not available." in response.get_data(as_text=True)
    assert client.post("/language", data={"locale": "fr", "next": "/"}).status_code == 302


def test_a_refused_multipart_body_leaves_no_temporary_file_open(app, client, auth, chief):
    """A file part followed by a text field over the form memory limit: Werkzeug refuses the
    field (413) after spooling the file, and nothing closed it."""
    auth.login("chief")
    document = b"# Title\n\n" + b"x" * 600_000  # large enough to be spooled to a file
    oversized = b"y" * (app.config.get("MAX_FORM_MEMORY_SIZE") or 500_000) + b"y"
    fields = {"document": document, "title": oversized}
    body, kind = multipart(fields, filename_of={"document": "doc.md"})
    unclosed = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        response = client.post("/policies/x/import", data=body, content_type=kind)
        del response
        gc.collect()
        unclosed = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == []
