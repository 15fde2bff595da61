"""Acceptance 2 of issue 15: every interface string comes from the catalog.

A marker locale is generated from translations/messages.pot at test time — each message
becomes "⟦" + its source + "⟧", placeholders and HTML kept, plural forms too — and every
page of the route table (tests/sweeps/routes.py) is read by every role in it. Any visible
text or read attribute (title, aria-label, placeholder, alt, a button's value) left outside
the markers is interface text that skipped `_()` / `{% trans %}`.

What is content, not interface, is excluded by markup the pages already need for bidi and
languages: elements carrying their own `lang` (clause texts, comments, translations, the
picker's autonyms), `<bdi>` (names, titles, reasons inside sentences), `<time>` (dates, in
the reader's zone), `<code>`/`<pre>` (identifiers), form values being edited (`textarea`,
text inputs) and `data-content` for any other container of user or document text. Numbers
and punctuation are not words, and BRANDS are names in every language.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.sweeps.routes import ROLES, TABLE, Outcome
from tests.sweeps.sweep import Rollback, client_with, signed_in_cookie, url_of

MARKER = "eo"  # a locale Babel knows (plural rules, direction) that Consult does not ship
OPEN, CLOSE = "⟦", "⟧"
TEMPLATE = Path(__file__).resolve().parents[2] / "translations" / "messages.pot"
BRANDS = frozenset({"Consult", "JSON", "CSV", "Markdown"})
EXCLUDED_TAGS = frozenset({"script", "style", "template", "textarea", "bdi", "time", "code", "pre"})
EXCLUDING_ATTRIBUTES = ("lang", "data-content")
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
WORD = re.compile(r"[^\W\d_]+")
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def marked(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def marker_catalog() -> Catalog:
    with TEMPLATE.open("rb") as f:
        template = read_po(f)
    catalog = Catalog(locale=MARKER)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = tuple(marked(message.id[min(i, 1)]) for i in range(catalog.num_plurals))
            catalog.add(message.id, forms, flags=message.flags, context=message.context)
        else:
            catalog.add(
                message.id, marked(message.id), flags=message.flags, context=message.context
            )
    return catalog


@pytest.fixture(scope="module")
def marker_directory(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("marker-translations")
    target = directory / MARKER / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as f:
        write_mo(f, marker_catalog())
    return directory


@pytest.fixture
def backend(sqlite_backend):
    # What a page says does not depend on the database: one backend is enough.
    return sqlite_backend


@pytest.fixture
def app_config(app_config, marker_directory):
    return {
        **app_config,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "LANGUAGES": ["en", "fr", "de", "es", "ar", MARKER],
        "BABEL_TRANSLATION_DIRECTORIES": f"{marker_directory};translations",
    }


class InterfaceText(HTMLParser):
    """The page's visible text outside content, as one string (content becomes a space, so
    a marker around a sentence with a name in it still closes), and its read attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) content?
        self.text: list[str] = []
        self.content: list[str] = []
        self.title: list[str] = []
        self.attributes: list[str] = []
        self.tag = ""

    @property
    def in_content(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        content = self.in_content or excluded(tag, values)
        if not content:
            self.attributes += read_attributes(tag, values)
        if content and not self.in_content:
            self.text.append(" ")
        if tag not in VOID:
            self.stack.append(content)
        self.tag = tag

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        # <title> holds text only: the policy or page name it quotes is shown as content
        # in the page, and is content in the title too.
        if self.tag == "title" and self.stack:
            self.title.append(data)
        elif self.in_content:
            self.content.append(data)
        else:
            self.text.append(data)


def excluded(tag: str, attributes: dict) -> bool:
    if tag in EXCLUDED_TAGS or any(name in attributes for name in EXCLUDING_ATTRIBUTES):
        return tag != "html"
    return tag == "input" and attributes.get("type", "text") not in ("submit", "button", "reset")


def read_attributes(tag: str, attributes: dict) -> list[str]:
    read = [attributes[name] for name in READ_ATTRIBUTES if attributes.get(name)]
    if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
        read.append(attributes.get("value") or "")
    return read


def unmarked_words(text: str) -> list[str]:
    """Words left once every marked message (innermost first) is taken out."""
    previous = None
    while previous != text:
        previous, text = text, MARKED.sub(" ", text)
    return [word for word in WORD.findall(text) if word not in BRANDS]


def leaks(html: str) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    found = []
    content = set(WORD.findall(" ".join(parser.content)))
    title = " ".join(word for word in unmarked_words("".join(parser.title)) if word not in content)
    for text in ["".join(parser.text), title, *parser.attributes]:
        words = unmarked_words(text)
        if words:
            found.append(" ".join(dict.fromkeys(words)))
    return found


def pages_for(role: str):
    """Every GET case of the table and what `role` gets there, bar redirects."""
    for (endpoint, method), cases in sorted(TABLE.items()):
        for case in cases:
            if method == "GET" and case.expect[role] not in (Outcome.REDIRECT, Outcome.SIGN_IN):
                yield endpoint, case


def test_the_marker_catalog_keeps_placeholders():
    catalog = marker_catalog()
    message = catalog.get(("%(count)s comment", "%(count)s comments"))
    assert message is None or all("%(count)s" in form for form in message.string)
    assert unmarked_words(marked("A " + marked("nested") + " sentence") + " 42, 7%") == []
    assert unmarked_words("Leaked " + marked("kept")) == ["Leaked"]


def test_every_page_for_every_role_speaks_only_through_the_catalog(app, dataset):
    Rollback(app)
    problems, pages = [], 0
    for role in ROLES:
        cookie = signed_in_cookie(app, dataset.usernames.get(role))
        for endpoint, case in pages_for(role):
            url = url_of(app, endpoint, case, dataset)
            response = send_marked(app, cookie, url)
            if response.mimetype != "text/html":
                continue
            pages += 1
            problems += [f"{role} {url}: {leak}" for leak in leaks(response.get_data(True))]
    assert pages > 100
    assert problems == [], f"{len(problems)} leaks over {pages} pages:\n" + "\n".join(problems)


def send_marked(app, cookie, url):
    client = client_with(app, cookie)
    return client.get(url, headers={"Accept-Language": MARKER})
