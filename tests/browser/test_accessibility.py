"""Acceptance (issue 12): axe-core finds no WCAG 2.1 A or AA violation on any page type.

The demo (`flask demo load`) gives every page something real to show; a hidden comment
and a blocked account are added. Each role opens the pages it works with, in light and
dark colour schemes, and a few in the Arabic interface (right to left); forms are also
checked with their error messages showing, and the error pages themselves.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from axe_playwright_python.base import AXE_SCRIPT

from consult.accounts.services import find_user
from consult.comments.models import Comment
from consult.demo.services import DEMO_PASSWORD, POLICY_SLUG, load_demo
from consult.drafting.editing import ClauseText, edit_clause
from consult.extensions import db
from consult.moderation.blocks import block
from consult.moderation.services import hide
from consult.policies.services import find_policy, get_clause, get_revision
from tests.live import browser_test

# WCAG 2.1 A and AA; also 2.2 AA (target size) and axe's best practices, which pass too.
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BASE = f"/policies/{POLICY_SLUG}"
AXE_VERSION = AXE_SCRIPT.split(None, 3)[2]  # the script opens with "/*! axe v4.12.1"
THREAD = f"{BASE}/revisions/3/clauses/what-happens-next/comments"
FRENCH = f"{BASE}/revisions/3/translations/fr"


@dataclass(frozen=True)
class Demo:
    comment: int  # on revision 3, with a reply
    flagged: int
    hidden: int
    volunteers: int  # the volunteer's latest comment (still editable)
    spanish: int  # translatable into English by the translator
    adopted: int  # its suggested wording is in draft 4
    volunteer_id: int
    campaign: int  # the letter campaign's first copy: its group of similar comments


def comment_by(author: str, body_start: str) -> int:
    user = find_user(author)
    return db.session.scalar(
        sa.select(Comment.id).where(
            Comment.author_id == user.id, Comment.body.startswith(body_start)
        )
    )


@pytest.fixture
def demo(app) -> Demo:
    return loaded_demo()


def loaded_demo() -> Demo:
    """The demo, with a hidden comment and a blocked account."""
    load_demo()
    moderator = find_user("moderator")
    hidden = comment_by("volunteer", "Please say plainly")
    hide(moderator, db.session.get(Comment, hidden), "Off topic for this revision.")
    block(moderator, find_user("layla"), "Repeated personal attacks.")
    db.session.commit()
    return Demo(
        comment=comment_by("reviewer", "Quatre semaines"),
        flagged=comment_by("volunteer", "Honestly"),
        hidden=hidden,
        volunteers=comment_by("volunteer", "Saya baru"),
        spanish=comment_by("layla", "Me parece"),
        adopted=comment_by("layla", "¿Qué hago"),
        volunteer_id=find_user("volunteer").id,
        campaign=comment_by("volunteer", "Please write into this clause"),
    )


def visitor_pages(demo: Demo) -> list[str]:
    return [
        "/",
        "/login",
        "/register",
        BASE,
        f"{BASE}/revisions/1",
        f"{BASE}/revisions/3?lang=fr",
        f"{BASE}/revisions/3?lang=ar",
        THREAD,
        f"/comments/{demo.comment}",
        f"{BASE}/compare/2/3",
        f"{BASE}/compare/2/3?mode=side",
        f"{BASE}/compare/1/3?unchanged=open",
        f"{BASE}/compare/1/3/download",
        f"{BASE}/compare/1/3/in/fr",
        f"{BASE}/clauses/what-happens-next/history",
        f"{BASE}/revisions/3/translations",
        f"{BASE}/revisions/2/report",
        f"{BASE}/revisions/3/report",
        f"{BASE}/statistics",
    ]


def volunteer_pages(demo: Demo) -> list[str]:
    return [
        THREAD,
        f"/comments/{demo.comment}/reply",
        f"/comments/{demo.comment}/flag",
        f"/comments/{demo.volunteers}/edit",
        f"/comments/{demo.hidden}",
    ]


def translator_pages(demo: Demo) -> list[str]:
    return [
        FRENCH,
        f"{FRENCH}/clauses/what-happens-next",
        f"{FRENCH}/clauses/harassment",
        f"{FRENCH}/import",
        f"{FRENCH}/title",
        f"{BASE}/revisions/3/translations/ar",
        f"/translations/comments/{demo.spanish}",
    ]


def reviewer_pages(demo: Demo) -> list[str]:
    return [f"{FRENCH}/clauses/care-for-people", THREAD]


def moderator_pages(demo: Demo) -> list[str]:
    return [
        "/moderation",
        "/moderation?show=hidden",
        f"/moderation/comments/{demo.flagged}",
        f"/moderation/comments/{demo.hidden}",
        f"/comments/{demo.hidden}",
    ]


def staff_pages(demo: Demo) -> list[str]:
    return [
        BASE,
        f"{BASE}/revisions/4",
        f"{BASE}/revisions/4/edit",
        f"{BASE}/revisions/4/clauses/harassment/edit",
        f"{BASE}/revisions/4/publish",
        f"/comments/{demo.adopted}",
        f"/comments/{demo.adopted}/adopt",
        f"{BASE}/compare/3/4",
        f"{BASE}/import",
        f"{BASE}/consultation",
        f"{BASE}/triage",
        f"{BASE}/triage?group={demo.campaign}",
        "/policies/new",
        "/audit",
    ]


def admin_pages(demo: Demo) -> list[str]:
    return ["/admin/users", f"/admin/users/{demo.volunteer_id}"]


ROLES: dict[str | None, Callable[[Demo], list[str]]] = {
    None: visitor_pages,
    "volunteer": volunteer_pages,
    "translator": translator_pages,
    "reviewer": reviewer_pages,
    "moderator": moderator_pages,
    "staff": staff_pages,
    "admin": admin_pages,
}
# Error pages: (role, path, status).
ERRORS = [(None, "/no-such-page", 404), ("volunteer", "/moderation", 403)]


def sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def submit(page, button: str) -> int:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).first.click()
    return navigation.value.status


def submit_empty(page, path: str, button: str) -> None:
    """Send the form empty, past the browser's own checks, so the server's errors show."""
    page.goto(path)
    page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
    submit(page, button)


# Forms shown again with their error messages: (role, path, the button that submits).
FORMS_WITH_ERRORS = [
    (None, "/login", "Sign in"),
    (None, "/register", "Create account"),
    ("volunteer", THREAD, "Post comment"),
    ("staff", "/policies/new", "Create policy"),
    ("staff", f"{BASE}/import", "Import"),
    ("staff", f"{BASE}/revisions/4/publish", "Publish"),
    # The demo's adopted wording: the draft now differs from the comment's revision, so
    # adopting again without confirming is refused.
    ("staff", "/comments/{adopted}/adopt", "Adopt this wording"),
]


class Checker:
    """Runs axe-core on pages and keeps every violation, labelled with where it was."""

    options = {"runOnly": {"type": "tag", "values": RULE_TAGS}, "resultTypes": ["violations"]}

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.pages = 0

    def check(self, page, label: str) -> None:
        page.evaluate(AXE_SCRIPT)  # once per page: both colour schemes use it
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            result = page.evaluate("options => axe.run(document, options)", self.options)
            for violation in result["violations"]:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
                self.violations.append(f"{label} [{scheme}] {violation['id']}: {targets[:5]}")
        self.pages += 1

    def visit(self, page, path: str, role: str | None, status: int = 200) -> None:
        label = f"{role or 'anonymous'} {path}"
        response = page.goto(path)
        if response.status != status:
            self.violations.append(f"{label}: answered {response.status}, not {status}")
        self.check(page, label)


def stale_clause_edit(page, checker: Checker) -> None:
    """Staff save a clause someone else saved meanwhile: the conflict page."""
    path = f"{BASE}/revisions/4/clauses/harassment/edit"
    page.goto(path)
    draft = get_revision(find_policy(POLICY_SLUG), 4, include_drafts=True)
    clause = get_clause(draft, "harassment")
    text = ClauseText(clause.heading, clause.level, clause.body + "\n\nEdited meanwhile.")
    edit_clause(find_user("admin"), draft, "harassment", clause.version, text)
    db.session.commit()
    page.get_by_label("Text (Markdown)").fill("My own version.")
    assert submit(page, "Save") == 409
    checker.check(page, f"staff {path} (conflict)")


def upload_translation(page, text: bytes) -> int:
    page.goto(f"{FRENCH}/import")
    page.get_by_label("Translated Markdown file").set_input_files(
        {"name": "fr.md", "mimeType": "text/markdown", "buffer": text}
    )
    return submit(page, "Import")


def mismatched_translation(page, checker: Checker) -> None:
    """Translated documents whose headings do not match: the pairing step (another count of
    headings) and the review of level differences (the same count)."""
    assert upload_translation(page, b"# Titre\n\n## Seul\n\nTexte.\n") == 200
    checker.check(page, f"translator {FRENCH}/import (pair the headings)")
    source = get_revision(find_policy(POLICY_SLUG), 3, include_drafts=False)
    levels = "".join(
        f"{'#' * (clause.level % 6 + 1)} T\n\nx\n\n" if clause.level else "x\n\n"
        for clause in source.clauses
    )
    assert upload_translation(page, levels.encode()) == 200
    checker.check(page, f"translator {FRENCH}/import (heading levels differ)")


STATES = {"staff": stale_clause_edit, "translator": mismatched_translation}


def check_role(checker: Checker, context, role: str | None, demo: Demo) -> None:
    page = context.new_page()
    if role:
        sign_in(page, role)
    for path in ROLES[role](demo):
        checker.visit(page, path, role)
    for error_role, path, status in ERRORS:
        if error_role == role:
            checker.visit(page, path, role, status)
    for form_role, path, button in FORMS_WITH_ERRORS:
        if form_role == role:
            path = path.format(adopted=demo.adopted)
            submit_empty(page, path, button)
            assert page.locator(".errors, .flash-error").count(), f"{path} shows no error"
            checker.check(page, f"{role or 'anonymous'} {path} (errors)")
    if role in STATES:
        STATES[role](page, checker)


@browser_test
def test_every_page_type_passes_axe_core(chromium, live_server, demo):
    checker = Checker()
    for role in ROLES:
        context = chromium.new_context(base_url=live_server.url, locale="en-GB")
        context.route("**/download", open_inline)
        check_role(checker, context, role, demo)
        context.close()
    print(
        f"axe-core {AXE_VERSION} ({', '.join(RULE_TAGS)}): {checker.pages} pages, "
        f"each in light and dark: {len(checker.violations)} violations"
    )
    assert checker.violations == []


def open_inline(route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k != "content-disposition"}
    route.fulfill(response=response, headers=headers)


# At a phone's width (issue 15): the visitors' pages, and for each other role the pages with
# the widest layouts (tables, side-by-side editors, the queue), in light and dark.
SMALL_SCREEN = {
    None: visitor_pages,
    "translator": lambda demo: translator_pages(demo)[:2] + [f"{BASE}/revisions/3/translations"],
    "moderator": lambda demo: moderator_pages(demo)[:3],
    "staff": lambda demo: [
        f"{BASE}/triage",
        f"{BASE}/revisions/4/clauses/harassment/edit",
        "/audit",
    ],
    "admin": lambda demo: admin_pages(demo)[:1],
}


@browser_test
def test_page_types_pass_axe_core_at_375_pixels(chromium, live_server, demo):
    checker = Checker()
    for role, pages in SMALL_SCREEN.items():
        context = chromium.new_context(
            base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 812}
        )
        context.route("**/download", open_inline)
        page = context.new_page()
        if role:
            sign_in(page, role)
        for path in pages(demo):
            checker.visit(page, path, f"{role or 'anonymous'} at 375px")
        context.close()
    print(f"axe-core at 375px: {checker.pages} pages: {len(checker.violations)} violations")
    assert checker.violations == []


# Issue 15 (acceptance 5): every page type of every role, and the error pages, in the Arabic
# interface (right to left) and the Japanese one: at a desk's width, and at a phone's for
# the pages with the widest layouts.
DESK, PHONE = {"width": 1280, "height": 720}, {"width": 375, "height": 812}


def sign_in_any_language(page, username: str) -> None:
    """`sign_in` by the form's field names, which no interface language changes."""
    page.goto("/login")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")


def check_in_language(checker: Checker, page, role: str | None, paths: list[str], label: str):
    if role:
        sign_in_any_language(page, role)
    for path in paths:
        checker.visit(page, path, label)
    for error_role, path, status in ERRORS:
        if error_role == role:
            checker.visit(page, path, label, status)


@browser_test
@pytest.mark.parametrize("locale", ["ar", "ja"])
def test_every_page_type_passes_axe_core_in_other_interface_languages(
    chromium, live_server, demo, locale
):
    checker = Checker()
    for width, viewport, roles in ((1280, DESK, ROLES), (375, PHONE, SMALL_SCREEN)):
        for role, pages in roles.items():
            context = chromium.new_context(
                base_url=live_server.url, locale=locale, viewport=viewport
            )
            context.route("**/download", open_inline)
            page = context.new_page()
            label = f"{role or 'anonymous'}, {locale} interface at {width}px"
            check_in_language(checker, page, role, pages(demo), label)
            assert page.locator("html").get_attribute("lang") == locale, label
            context.close()
    print(f"axe-core in {locale}: {checker.pages} pages: {len(checker.violations)} violations")
    assert checker.violations == []
