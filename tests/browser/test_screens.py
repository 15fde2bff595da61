"""Issue 15, acceptances 4 and 5 in the browser: no page is wider than a phone's screen,
even with a 3,000-letter word and a 150-character address in what people wrote; the desktop
page does not widen either; and screenshots of the pages with the most mixed-direction text,
in each right-to-left interface language the app offers, go to test-artifacts/.

The pages are the axe-core list's (tests/browser/test_accessibility.py), each opened by the
role that works with it.
"""

import re

import pytest

from consult.accounts.services import find_user
from consult.comments.flags import flag_comment
from consult.comments.models import Comment
from consult.comments.services import Draft, post_comment
from consult.config import DEFAULTS
from consult.demo.services import POLICY_SLUG
from consult.extensions import db
from consult.policies.services import find_policy, get_clause, get_revision
from tests.browser.test_accessibility import (
    BASE,
    FRENCH,
    ROLES,
    THREAD,
    Demo,
    loaded_demo,
    sign_in,
    sign_in_any_language,
)
from tests.live import ARTIFACTS, browser_test

RTL_INTERFACE = ("ar", "he", "fa")
WIDTHS = (320, 375)
LONG_WORD = "Donaudampfschifffahrt" * 143  # 3,003 letters, no place to break
LONG_URL = "https://example.org/" + "consultation/" * 10 + "a-very-long-page-name?x=1"


@pytest.fixture
def demo(app) -> Demo:
    return loaded_demo()


@pytest.fixture
def long_text(app, demo) -> int:
    """A comment on the thread with a long word and a long bare address, flagged with a long
    reason: every page that shows comments or flags shows them."""
    revision = get_revision(find_policy(POLICY_SLUG), 3, include_drafts=False)
    clause = get_clause(revision, "what-happens-next")
    body = f"See {LONG_URL} and {LONG_WORD}."
    comment = post_comment(find_user("reviewer"), clause, Draft(body, "en", ""))
    flag_comment(find_user("volunteer"), comment, f"Too long: {LONG_WORD[:400]} {LONG_URL}")
    db.session.commit()
    return comment.id


def widest_pages(context, role, paths: list[str], widths=WIDTHS) -> list[str]:
    page = context.new_page()
    if role:
        sign_in(page, role)
    too_wide = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(path)
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                too_wide.append(f"{role or 'anonymous'} {path} at {width}px: {scroll}px wide")
    page.close()
    return too_wide


@browser_test
def test_no_page_is_wider_than_a_small_screen(chromium, live_server, demo, long_text):
    too_wide = []
    for role, pages in ROLES.items():
        context = chromium.new_context(base_url=live_server.url, locale="en-GB")
        paths = [p for p in pages(demo) if not p.endswith("/download")]
        paths += [f"/comments/{long_text}"] if role is None else []
        too_wide += widest_pages(context, role, paths)
        context.close()
    assert too_wide == []


@browser_test
def test_a_long_word_does_not_widen_the_desktop_page(chromium, live_server, demo, long_text):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    paths = [THREAD, f"/comments/{long_text}", "/moderation"]
    too_wide = widest_pages(context, None, paths[:2], (1280,))
    too_wide += widest_pages(context, "moderator", paths[2:], (1280,))
    context.close()
    assert too_wide == []


@browser_test
def test_a_bare_address_in_a_comment_is_a_link(chromium, live_server, demo, long_text):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.goto(f"/comments/{long_text}")
    link = page.locator(f"#comment-{long_text} .comment-body a")
    assert link.get_attribute("href") == LONG_URL
    context.close()


def rtl_interfaces() -> list[str]:
    """The right-to-left interface languages; each must be one the app offers."""
    missing = [tag for tag in RTL_INTERFACE if tag not in DEFAULTS["LANGUAGES"]]
    assert not missing, f"right-to-left interface languages not offered: {missing}"
    return list(RTL_INTERFACE)


def bidi_pages(demo: Demo, language: str) -> list[tuple[str | None, str, str]]:
    """(role, name, path): the pages with the most mixed-direction text."""
    return [
        (None, "home", "/"),
        (None, "policy", f"{BASE}/revisions/3?lang={language}"),
        (None, "thread", THREAD),
        (None, "compare", f"{BASE}/compare/2/3"),
        (None, "translated-compare", f"{BASE}/compare/1/3/in/{language}"),
        ("moderator", "moderation-queue", "/moderation"),
        ("translator", "translation-editor", f"{FRENCH}/clauses/what-happens-next"),
    ]


@browser_test
@pytest.mark.parametrize("language", rtl_interfaces())
def test_right_to_left_screenshots(chromium, live_server, demo, long_text, language):
    folder = ARTIFACTS / f"bidi-{language}"
    folder.mkdir(parents=True, exist_ok=True)
    statuses = {}
    for role in (None, "moderator", "translator"):
        context = chromium.new_context(base_url=live_server.url, locale=language)
        page = context.new_page()
        page.set_viewport_size({"width": 1280, "height": 900})
        if role:
            page.goto("/")
            sign_in_any_language(page, role)
        for page_role, name, path in bidi_pages(demo, language):
            if page_role == role:
                statuses[name] = page.goto(path).status
                assert page.evaluate("document.documentElement.dir") == "rtl"
                page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        context.close()
    assert set(statuses.values()) == {200}, statuses


@browser_test
def test_an_english_suggestion_on_an_arabic_comment_reads_left_to_right(
    chromium, live_server, demo
):
    comment = db.session.get(Comment, demo.adopted)
    assert comment.language != "en" and comment.suggested_wording
    context = chromium.new_context(base_url=live_server.url, locale="ar")
    page = context.new_page()
    page.goto(f"/comments/{demo.adopted}")
    redline = page.locator(f"#comment-{demo.adopted} .comment-suggestion .redline").first
    assert redline.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert redline.get_attribute("lang") == "en"
    context.close()


@browser_test
def test_focus_goes_to_the_error_summary_after_a_failed_submit(chromium, live_server, demo):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.goto("/register")
    page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    focused = page.evaluate("document.activeElement.className")
    assert focused == "error-summary"
    links = page.locator(".error-summary a").evaluate_all("links => links.map(a => a.hash)")
    assert links and all(re.fullmatch(r"#[\w-]+", hash_) for hash_ in links)
    context.close()


@browser_test
def test_the_confirmation_is_in_view_after_posting(chromium, live_server, demo):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 700}
    )
    page = context.new_page()
    sign_in(page, "volunteer")
    page.goto(THREAD)
    form = page.locator("form.comment-form")
    form.get_by_label("Your comment", exact=True).fill("Four weeks is too short.")
    with page.expect_navigation():
        form.get_by_role("button", name="Post comment").click()
    page.wait_for_timeout(200)  # the scroll to the new comment
    confirmation = page.locator(".flashes").bounding_box()
    assert page.locator(".flash-success").inner_text() == "Your comment is published."
    assert 0 <= confirmation["y"] and confirmation["y"] + confirmation["height"] <= 700
    comment_id = page.url.rsplit("#comment-", 1)[1]
    assert page.locator(f"#comment-{comment_id}").is_visible()
    context.close()
