"""Acceptance: raw HTML and javascript: links in clause text are rendered inert."""

from html.parser import HTMLParser

import pytest

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
    '<a href="javascript:alert(1)">x</a>',
    "[ref][bad]\n\n[bad]: javascript:alert(1)",
    '<iframe src="https://evil.example"></iframe>',
]
HEADINGS = ["<script>alert('h')</script>", "[h](javascript:alert(2))"]


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and (dict(attrs).get("src") or "").startswith("/static/"):
            return  # the app's own scripts (the time-zone cookie), never from user text
        if tag in {"script", "iframe", "object", "embed"}:
            self.problems.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name in {"href", "src"} and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"{tag}[{name}={value}]")


def problems(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    return inspector.problems


@pytest.fixture
def hostile(create_policy, create_revision):
    body = "\n\n".join(PAYLOADS)
    clauses = "".join(f"## {heading}\n\n{body}\n\n" for heading in HEADINGS)
    return create_revision(create_policy(), f"# Title <b>x</b>\n\n{clauses}", publish=False)


@pytest.mark.parametrize(
    "url",
    [
        "/policies/guidelines/revisions/1",
        "/policies/guidelines/revisions/1/edit",
        "/",
    ],
)
def test_clause_text_is_inert_in_every_page(client, auth, hostile, url):
    auth.login()
    response = client.get(url)
    assert response.status_code == 200
    assert problems(response.get_data(as_text=True)) == []


def test_clause_edit_form_escapes_source(client, auth, hostile):
    auth.login()
    key = hostile.clauses[0].key
    html = client.get(f"/policies/guidelines/revisions/1/clauses/{key}/edit").get_data(as_text=True)
    assert problems(html) == []
    assert "&lt;script&gt;" in html


def test_api_returns_source_text_as_json(client, auth, hostile):
    auth.login()
    response = client.get("/api/v1/policies/guidelines/revisions/1")
    assert response.mimetype == "application/json"
    assert "<script>alert(1)</script>" in response.json["clauses"][0]["body"]
