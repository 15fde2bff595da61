"""Issue 15, acceptance 4 (server side): every piece of user or content text inside an
interface sentence is isolated — in a `<bdi>`, or an element with its own `dir` — so a
right-to-left name keeps its place in a left-to-right sentence and the reverse; and a
suggested wording is tagged with the policy's language, not its comment's."""

from html.parser import HTMLParser

import pytest

from consult.comments.flags import flag_comment
from consult.extensions import db
from tests.comment_factories import clause_of

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Markers written into every kind of user text the pages show among interface words.
NAME = "ليلى"
TITLE = "سياسة المجتمع"
SUMMARY = "ملخص السياسة"
CHANGE = "موجز التغيير"
REASON = "سبب الإبلاغ"
MARKERS = (NAME, TITLE, SUMMARY, CHANGE, REASON)


class Isolation(HTMLParser):
    """Each marker's text nodes, with whether an element below <html> isolates them."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[tuple[str, bool, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in VOID:
            return
        names = dict(attrs)
        isolating = tag in ("bdi", "textarea", "option", "title") or "dir" in names
        self.stack.append((tag, isolating and tag != "html"))

    def handle_endtag(self, tag) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data) -> None:
        for marker in MARKERS:
            if marker in data:
                isolated = any(isolating for _, isolating in self.stack)
                path = " > ".join(tag for tag, _ in self.stack[-4:])
                self.found.append((marker, isolated, path))


def unisolated(html: str) -> list[tuple[str, str]]:
    parser = Isolation()
    parser.feed(html)
    assert parser.found, "the page shows none of the markers"
    return [(marker, path) for marker, isolated, path in parser.found if not isolated]


@pytest.fixture
def bidi_site(create_user, create_policy, create_revision, open_window, create_comment, moderator):
    author = create_user("layla", display_name=NAME)
    policy = create_policy(title=TITLE, summary=SUMMARY)
    revision = create_revision(policy, summary=CHANGE)
    open_window(policy)
    comment = create_comment(
        author,
        revision,
        body="أربعة أسابيع قصيرة جدا.",
        language="ar",
        suggested_wording="We want a *welcoming* place.",
    )
    flag_comment(moderator, comment, REASON)
    db.session.commit()
    return revision, comment


def pages(revision, comment) -> list[str]:
    base = f"/policies/{revision.policy.slug}"
    thread = f"{base}/revisions/{revision.number}/clauses/{clause_of(revision).key}/comments"
    return [
        "/",
        base,
        thread,
        f"/comments/{comment.id}",
        "/moderation",
        f"/moderation/comments/{comment.id}",
    ]


@pytest.mark.parametrize("interface", ["en", "ar"])
def test_user_text_in_interface_sentences_is_isolated(client, auth, bidi_site, interface):
    revision, comment = bidi_site
    auth.login("moderator")
    client.post("/language", data={"locale": interface})
    failures = {}
    for path in pages(revision, comment):
        response = client.get(path)
        assert response.status_code == 200, path
        if bad := unisolated(response.get_data(as_text=True)):
            failures[path] = bad
    assert failures == {}


def test_an_english_suggestion_on_an_arabic_comment_reads_left_to_right(client, bidi_site):
    revision, comment = bidi_site
    html = client.get(f"/comments/{comment.id}").get_data(as_text=True)
    suggestion = html.split('class="comment-suggestion"', 1)[1]
    redline = suggestion.split('class="clause-body redline"', 1)[1].split(">", 1)[0]
    assert redline == ' lang="en" dir="ltr"'
    body = html.split('class="comment-body"', 1)[1].split(">", 1)[0]
    assert body == ' lang="ar" dir="rtl"'
