"""Acceptance (issue 12): hostile text in every user-text field executes nothing in Chromium.

Every payload (tests/browser/payloads.py) goes through every field that people write
(tests/browser/hostile_site.py builds the site through the services), and every page
that shows those fields is loaded in Chromium by an account that may see everything.
A second test types a few payloads into the real forms and also reads the public pages
signed out. On every page: some payload is shown, no dialog opened, nothing a payload
would inject is in the DOM (tests/browser/inspection.py), and no request left for
another origin.
"""

import csv
import io
import json
import time
from functools import partial

import pytest
import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from consult.accounts.models import Role
from consult.comments.export import neutralised
from consult.comments.triage import annotate, respond
from consult.extensions import db
from tests.browser.hostile_site import LANGUAGE, HostileSite, PolicyPages, build_site, joined
from tests.browser.inspection import PAYLOAD_NUMBER, Visitor, Watch, injected, visit
from tests.browser.payloads import PAYLOADS, TEMPLATES, one_line
from tests.factories import PASSWORD
from tests.live import browser_test

FIELDS = (
    "policy title",
    "policy summary",
    "revision title",
    "revision change summary",
    "clause heading",
    "clause body",
    "comment body",
    "suggested wording",
    "staff response",
    "earlier version of an edited comment",
    "reply",
    "flag reason",
    "moderation reason (hide, restore, dismiss)",
    "block reason",
    "translated heading",
    "translated body",
    "title translation",
    "comment translation",
    "display name",
)


@pytest.fixture
def app_config(app_config):
    # A year of caching: pages need not ask for the stylesheet again.
    return {
        **app_config,
        "RATELIMIT_ENABLED": False,
        "ITEMS_PER_PAGE": 5000,
        "SEND_FILE_MAX_AGE_DEFAULT": 31_536_000,
        # The sweep visits every comment's edit page, long after posting it on a busy machine.
        "COMMENT_EDIT_MINUTES": 24 * 60,
    }


def policy_pages(p: PolicyPages) -> list[str]:
    base, translations = f"/policies/{p.slug}", f"/policies/{p.slug}/revisions/2/translations"
    return [
        base,
        f"{base}/revisions/2?lang={LANGUAGE}",
        f"{base}/revisions/2/clauses/{p.key}/comments",
        f"{base}/compare/1/2",
        f"{base}/compare/1/2?mode=side",
        f"{base}/compare/1/2/download",
        f"{base}/compare/1/2/in/{LANGUAGE}",
        f"{base}/clauses/{p.key}/history",
        f"{base}/revisions/1/report",
        f"{base}/revisions/2/report",
        f"{base}/statistics",
        translations,
        f"{translations}/{LANGUAGE}",
        f"{translations}/{LANGUAGE}/clauses/{p.key}",
        f"{translations}/{LANGUAGE}/title",
        f"{translations}/{LANGUAGE}/import",
        f"{base}/revisions/3/edit",
        f"{base}/revisions/3/clauses/{p.key}/edit",
        f"{base}/revisions/3/publish",
        f"{base}/import",
        f"{base}/consultation",
        f"{base}/triage",  # its groups of similar comments are named by their first comment
        *comment_pages(p),
    ]


def comment_pages(p: PolicyPages) -> list[str]:
    return [
        f"/comments/{p.comment}",
        f"/moderation/comments/{p.comment}",
        f"/moderation/comments/{p.hidden_comment}",
        f"/comments/{p.comment}/reply",
        f"/comments/{p.comment}/flag",
        f"/comments/{p.comment}/adopt",
        f"/translations/comments/{p.comment}",
        f"/comments/{p.own_comment}/edit",
    ]


def site_wide(site: HostileSite) -> list[str]:
    return [
        "/",
        "/moderation",
        "/moderation?show=hidden",
        "/audit",
        "/admin/users",
        *[f"/admin/users/{person.id}" for person in site.people],
    ]


def sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def quick_passwords(monkeypatch):
    """The site's 148 accounts hashed with one round: only the boss ever signs in."""
    quick = partial(generate_password_hash, method="pbkdf2:sha256:1")
    monkeypatch.setattr("consult.accounts.passwords.generate_password_hash", quick)


@browser_test
def test_every_payload_in_every_field_is_inert_on_every_page(
    chromium, live_server, app, quick_passwords
):
    started = time.monotonic()
    site = build_site(PAYLOADS)
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    visitor = Visitor(context, live_server.url)
    sign_in(visitor.page, "boss")
    paths = site_wide(site) + [path for p in site.policies for path in policy_pages(p)]
    problems = [problem for path in paths for problem in visitor.visit(path)]
    context.close()
    watch = visitor.watch
    print(
        f"XSS sweep: {len(PAYLOADS)} payloads × {len(FIELDS)} fields = "
        f"{len(PAYLOADS) * len(FIELDS)}, on {len(paths)} pages in "
        f"{time.monotonic() - started:.0f} s: {len(problems)} injections, "
        f"{len(watch.dialogs)} dialogs, {len(watch.foreign_requests)} foreign requests"
    )
    assert problems == []
    assert watch.dialogs == []
    assert watch.foreign_requests == []


PLANTED = (
    "<p id=xss1001>1001</p><img src=x onerror=alert(1002)><script>alert(1003)</script>"
    '<a href=" javascript:alert(1004)">x</a><img src=https://evil.example/1005.png>'
    "<div style=color:red>x</div><svg></svg>"
)


@browser_test
def test_the_sweep_sees_what_an_executed_payload_leaves(page, live_server):
    """The checks above can fail: a page that lets markup through is caught three ways."""
    body = f"<!doctype html><title>planted</title><body>{PLANTED}</body>"
    page.route("**/planted", lambda route: route.fulfill(body=body, content_type="text/html"))
    watch = Watch(live_server.url).attach(page.context, page)
    problems = visit(page, watch, "/planted")
    page.wait_for_load_state("load")
    assert sorted(p.removeprefix("/planted: ") for p in problems) == sorted(
        [
            "p#xss1001[id=xss1001]",
            "img[onerror]",
            "<script>",
            "a[href= javascript:alert(1004)]",
            "div[style=color:red]",
            "<svg>",
        ]
    )
    assert [d.split(": ", 1)[1] for d in watch.dialogs] == ["alert '1003'", "alert '1002'"]
    assert watch.foreign_requests == ["/planted: https://evil.example/1005.png"]


FORM_TEMPLATES = (
    "<script>alert(§)</script>",
    '" onfocus="alert(§)" autofocus="',
    "</textarea><script>alert(§)</script>",
    "<img src=x onerror=alert(§)>",
    "[click §](javascript:alert(§))",
    "<javascript:alert(§)>",
    "<svg onload=alert(§)>",
    "\u202e<script>alert(§)</script>",
)
FORM_PAYLOADS = [PAYLOADS[TEMPLATES.index(t)] for t in FORM_TEMPLATES]
LINE, BLOCK = joined(FORM_PAYLOADS)
NAME = one_line(PAYLOADS[TEMPLATES.index("\"'><img src=x onerror=alert(§)>")])
DOCUMENT = b"# Forms\n\nWelcome.\n\n## Purpose\n\nWe want a friendly place.\n"


def sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def submit(page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def register_hostile(page) -> None:
    page.goto("/register")
    page.get_by_label("Username").fill("hostile")
    page.get_by_label("Display name").fill(NAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    submit(page, "Create account")
    sign_out(page)


def write_policy(page) -> None:
    page.goto("/policies/new")
    page.get_by_label("Title").fill(LINE)
    page.get_by_label("Address (slug)").fill("forms")
    page.get_by_label("Source language").fill("en")
    page.get_by_label("Summary").fill(BLOCK)
    submit(page, "Create policy")
    page.get_by_label("Markdown file").set_input_files(
        {"name": "forms.md", "mimeType": "text/markdown", "buffer": DOCUMENT}
    )
    page.get_by_label("Revision title").fill(LINE)
    page.get_by_label("Change summary").fill(BLOCK)
    page.get_by_label("Publish at once").check()
    submit(page, "Import")
    page.goto("/policies/forms/consultation")
    page.get_by_label("Opens").fill("2020-01-01T00:00")
    page.get_by_label("Closes").fill("2099-01-01T00:00")
    submit(page, "Save")


def publish_edited_clause(page) -> None:
    page.goto("/policies/forms")
    submit(page, "Start a new draft")
    page.goto("/policies/forms/revisions/2/clauses/purpose/edit")
    page.get_by_label("Heading").fill(LINE)
    page.get_by_label("Text (Markdown)").fill(BLOCK)
    submit(page, "Save")
    page.goto("/policies/forms/revisions/2/publish")
    page.get_by_label("Change summary").fill(BLOCK)
    submit(page, "Publish")


def post_comment(page, language: str) -> int:
    page.goto(THREAD)
    form = page.locator("form.comment-form")
    form.get_by_label("Your comment", exact=True).fill(BLOCK)
    form.get_by_label("Language of your comment").select_option(language)
    form.get_by_label("Suggested wording (optional)").fill(BLOCK)
    submit(page, "Post comment")
    return int(page.url.rsplit("#comment-", 1)[1])


def translate_through_forms(page, comment: int) -> None:
    page.goto(f"{TRANSLATIONS}/clauses/purpose")
    page.get_by_label("Translated heading").fill(LINE)
    page.get_by_label("Translated text (Markdown)").fill(BLOCK)
    submit(page, "Save and go to the next clause needing work")
    page.goto(f"{TRANSLATIONS}/title")
    page.get_by_label("Translated title").fill(LINE)
    submit(page, "Save")
    page.goto(f"/translations/comments/{comment}")
    page.get_by_label("Translation").fill(BLOCK)
    submit(page, "Save the translation")


def answer_and_flag(page, comment: int) -> int:
    own = post_comment(page, "en")
    page.goto(f"/comments/{comment}/reply")
    page.get_by_label("Your comment", exact=True).fill(BLOCK)
    submit(page, "Post reply")
    page.goto(f"/comments/{comment}/flag")
    page.get_by_label("Reason").fill(BLOCK)
    submit(page, "Flag")
    return own


def hide_and_block(page, comment: int) -> None:
    page.goto(f"/moderation/comments/{comment}")
    page.get_by_label("Reason").first.fill(BLOCK)
    submit(page, "Hide")
    page.locator("#block-reason").fill(BLOCK)
    submit(page, "Block the account from posting")


THREAD = "/policies/forms/revisions/2/clauses/purpose/comments"
TRANSLATIONS = f"/policies/forms/revisions/2/translations/{LANGUAGE}"
PUBLIC_PAGES = (
    "/",
    "/policies/forms",
    f"/policies/forms/revisions/2?lang={LANGUAGE}",
    THREAD,
    "/policies/forms/compare/1/2",
    "/policies/forms/compare/1/2?mode=side",
    "/policies/forms/compare/1/2/download",
    f"/policies/forms/compare/1/2/in/{LANGUAGE}",
    "/policies/forms/clauses/purpose/history",
)
STAFF_PAGES = (
    "/moderation",
    "/moderation?show=hidden",
    "/audit",
    "/admin/users",
    "/policies/forms/revisions/2/translations",
    TRANSLATIONS,
    f"{TRANSLATIONS}/clauses/purpose",
    f"{TRANSLATIONS}/title",
)


@browser_test
def test_payloads_typed_into_the_forms_are_inert(page, live_server, create_user):
    roles = (Role.ADMIN, Role.STAFF, Role.MODERATOR, Role.TRANSLATOR)
    create_user("boss", roles=roles, languages=(LANGUAGE,), display_name="Boss")
    watch = Watch(live_server.url).attach(page.context, page)
    register_hostile(page)
    sign_in(page, "boss")
    write_policy(page)
    publish_edited_clause(page)
    boss_comment = post_comment(page, LANGUAGE)
    translate_through_forms(page, boss_comment)
    sign_out(page)
    sign_in(page, "hostile")
    hostile_comment = answer_and_flag(page, boss_comment)
    sign_out(page)
    sign_in(page, "boss")
    hide_and_block(page, hostile_comment)
    comment_pages = (f"/comments/{boss_comment}", f"/moderation/comments/{hostile_comment}")
    problems = [
        p for path in PUBLIC_PAGES + STAFF_PAGES + comment_pages for p in visit(page, watch, path)
    ]
    sign_out(page)
    problems += [p for path in PUBLIC_PAGES for p in visit(page, watch, path)]
    assert problems == []
    assert watch.dialogs == []
    assert watch.foreign_requests == []
    # The payloads were stored as typed, so the pages above did show them.
    stored = page.goto("/api/v1/policies/forms").json()
    assert stored["title"] == LINE
    assert [c["heading"] for c in stored["clauses"]] == ["", LINE]


def hostile_translation(unacceptable_level: int, extra: str = "") -> bytes:
    """The factories' document with payloads for headings and bodies."""
    hashes = "#" * unacceptable_level
    return (
        f"# {LINE}\n\n{BLOCK}\n\n## {LINE}\n\n{BLOCK}\n\n{extra}## B\n\n### C\n\nc\n\n"
        f"{hashes} {LINE}\n\nd\n\n## E\n\ne\n"
    ).encode()


def submit_status(page, button: str) -> int:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    return navigation.value.status


def upload_translation(page, data: bytes) -> int:
    page.goto("/policies/guidelines/revisions/1/translations/fr/import")
    page.get_by_label("Translated Markdown file").set_input_files(
        {"name": "fr.md", "mimeType": "text/markdown", "buffer": data}
    )
    return submit_status(page, "Import")


@browser_test
def test_headings_of_an_uploaded_translation_are_inert_on_its_review(
    page, live_server, published, create_user
):
    """The import review and pairing pages show the uploaded headings; the text comes back
    through the hidden field as it was uploaded."""
    create_user("traductrice", roles=(Role.TRANSLATOR,), languages=("fr",))
    watch = Watch(live_server.url).attach(page.context, page)
    sign_in(page, "traductrice")
    problems = []
    for label, data in (
        ("pairing", hostile_translation(3, extra=f"## {LINE}\n\nx\n\n")),
        ("levels", hostile_translation(2)),
    ):
        watch.current = label
        assert upload_translation(page, data) == 200
        problems += [f"{label}: {problem}" for problem in injected(page)]
        assert PAYLOAD_NUMBER.search(page.locator("main").inner_text()), label
    assert submit_status(page, "Import, pairing the headings by order") == 200
    assert page.url.endswith("/translations/fr")
    assert problems == [] and watch.dialogs == [] and watch.foreign_requests == []
    stored = page.goto("/api/v1/policies/guidelines/revisions/1/translations/fr").json()
    purpose = next(c for c in stored["clauses"] if c["key"] == "purpose")
    assert (purpose["heading"], purpose["body"]) == (LINE, BLOCK)


def exported(client, path: str, mimetype: str):
    """The export's text, once its headers say it is a download no browser renders."""
    with client.get(path) as response:
        assert response.status_code == 200 and response.mimetype == mimetype
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Disposition"].startswith("attachment; filename=")
        return response.get_data(as_text=True)


def test_every_payload_is_inert_in_the_comment_exports_and_the_api(
    client, auth, commentable, volunteer, staff, create_comment
):
    """No browser needed: exports are attachments, never pages. Each payload is a comment's
    body, the next one its suggested wording, response and internal note."""
    # The services strip what surrounds a text (one payload is an indented code block).
    bodies = [payload.strip() for payload in PAYLOADS]
    wordings = bodies[1:] + bodies[:1]
    for body, wording in zip(bodies, wordings):
        comment = create_comment(volunteer, commentable, body, suggested_wording=wording)
        respond(staff, sa.select(sa.literal(comment.id)), wording)
        annotate(staff, comment, wording)
    db.session.commit()
    auth.login("staff")
    base = "/policies/guidelines/comments/export"
    rows = list(csv.DictReader(io.StringIO(exported(client, base + ".csv", "text/csv"))))
    cells = [
        (row["body"], row["suggested_wording"], row["response"], row["internal_note"])
        for row in rows
    ]
    assert cells == [(neutralised(b), *[neutralised(w)] * 3) for b, w in zip(bodies, wordings)]
    text = exported(client, base + ".json", "application/json")
    assert "<" not in text and ">" not in text  # every angle bracket is \u003c or \u003e
    items = json.loads(text)["comments"]
    fields = [(i["body"], i["suggested_wording"], i["response"], i["internal_note"]) for i in items]
    assert fields == [(b, w, w, w) for b, w in zip(bodies, wordings)]
    auth.logout()
    response = client.get("/api/v1/policies/guidelines/comments?limit=200")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    items = response.get_json()["comments"]
    assert [(i["body"], i["response"]["text"]) for i in items] == list(zip(bodies, wordings))
    assert all(set(item) & {"internal_note", "assignee", "flags"} == set() for item in items)
