"""A reader's journey in a real browser: the policy, a revision, the redline between them."""
from tests.live import browser_test


@browser_test
def test_reader_follows_changes_since_previous(page, screenshot, published, create_revision):
    policy = published.policy
    create_revision(policy, "# Guidelines\n\n## Purpose\n\nWe want a calm and *kind* place.\n",
                    summary="Kinder")
    page.goto(f"/policies/{policy.slug}")
    screenshot("policy")
    page.get_by_role("link", name="Changes since previous").first.click()
    page.wait_for_url("**/compare/**")
    inserted = page.locator("ins").first
    assert inserted.is_visible()
    assert "line-through" in page.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    screenshot("redline")


@browser_test
def test_a_printed_redline_keeps_the_marks_and_drops_the_controls(page, screenshot, published,
                                                                 create_revision):
    policy = published.policy
    create_revision(policy, "# Guidelines\n\n## Purpose\n\nWe want a calm and *kind* place.\n",
                    summary="Kinder")
    page.goto(f"/policies/{policy.slug}/compare/1/2")
    page.emulate_media(media="print")
    for controls in (".mode-switch", ".compare-picker", ".clause-links", ".site-header"):
        assert not page.locator(controls).first.is_visible(), controls
    style = "e => getComputedStyle(e).textDecorationLine"
    assert "underline" in page.locator("ins").first.evaluate(style)
    assert "line-through" in page.locator("del").first.evaluate(style)
    screenshot("printed-redline")
