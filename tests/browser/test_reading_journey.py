"""A reader's journey in a real browser: the policy, a revision, the redline between them."""

from tests.factories import DOCUMENT
from tests.live import browser_test


@browser_test
def test_reader_follows_changes_since_previous(page, screenshot, published, create_revision):
    policy = published.policy
    create_revision(
        policy, "# Guidelines\n\n## Purpose\n\nWe want a calm and *kind* place.\n", summary="Kinder"
    )
    page.goto(f"/policies/{policy.slug}")
    screenshot("policy")
    page.get_by_role("link", name="Changes since previous").first.click()
    page.wait_for_url("**/compare/**")
    inserted = page.locator("ins").first
    assert inserted.is_visible()
    assert "line-through" in page.locator("del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    screenshot("redline")


@browser_test
def test_a_printed_redline_keeps_the_marks_and_drops_the_controls(
    page, screenshot, published, create_revision
):
    policy = published.policy
    create_revision(policy, DOCUMENT.replace("*friendly*", "calm and *kind*"), summary="Kinder")
    page.goto(f"/policies/{policy.slug}/compare/1/2")
    assert page.locator(".unchanged-toggle").is_visible()
    page.emulate_media(media="print")
    for controls in (
        ".mode-switch",
        ".compare-picker",
        ".clause-links",
        ".unchanged-toggle",
        ".site-header",
    ):
        assert not page.locator(controls).first.is_visible(), controls
    style = "e => getComputedStyle(e).textDecorationLine"
    assert "underline" in page.locator("ins").first.evaluate(style)
    assert "line-through" in page.locator("del").first.evaluate(style)
    screenshot("printed-redline")


@browser_test
def test_a_reader_steps_from_change_to_change_and_opens_the_unchanged_clauses(
    page, screenshot, published, create_revision
):
    policy = published.policy
    edited = DOCUMENT.replace("*friendly*", "*calm*").replace("Write to", "Write or talk to")
    create_revision(policy, edited, summary="Two edits")
    page.goto(f"/policies/{policy.slug}/compare/1/2")
    purpose = page.locator("#change-purpose")
    purpose.get_by_role("link", name="Next change").click()
    page.wait_for_url("**#change-reporting")
    assert (
        page.locator("#change-reporting").evaluate("e => getComputedStyle(e).boxShadow") != "none"
    )
    page.locator("#change-reporting").get_by_role("link", name="Previous change").click()
    page.wait_for_url("**#change-purpose")
    expected = page.locator("#change-expected .clause-body")
    assert not expected.is_visible()
    page.get_by_role("link", name="Show unchanged clauses in full").click()
    assert expected.is_visible()
    page.get_by_role("link", name="Side by side").click()
    assert page.locator(".side-by-side").first.is_visible() and expected.is_visible()
    screenshot("redline-unchanged-open")
