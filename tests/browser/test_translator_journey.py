"""Acceptance 4: a translator updates an outdated clause from its source redline, keyboard first;
a second translator of the language reviews it."""

from consult.accounts.models import Role
from consult.extensions import db
from consult.translating.services import save_translation
from tests.factories import PASSWORD
from tests.live import browser_test

REWORDED = "# Community Guidelines\n\n## Purpose\n\nWe want a *friendly* and calm place.\n\n## Reporting\n\nWrite to the team.\n"
WORKSPACE = "/policies/guidelines/revisions/2/translations/de"


def sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


@browser_test
def test_translator_updates_an_outdated_clause_and_a_second_translator_reviews(
    page, screenshot, published, create_user, create_revision
):
    greta = create_user("greta", roles=(Role.TRANSLATOR,), languages=("de",), display_name="Greta")
    create_user("dieter", roles=(Role.TRANSLATOR,), languages=("de",), display_name="Dieter")
    purpose = next(c for c in published.clauses if c.key == "purpose")
    save_translation(greta, purpose, "de", "Zweck", "Wir wollen einen *freundlichen* Ort.", 0)
    db.session.commit()
    create_revision(published.policy, REWORDED, summary="Calmer")

    sign_in(page, "greta")
    page.goto(WORKSPACE)
    row = page.locator("tr#clause-purpose")
    assert "Outdated" in row.inner_text()
    screenshot("workspace")
    row.get_by_role("link").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/clauses/purpose")
    change = page.locator(".translation-change")
    assert "and calm" in change.locator("ins").first.inner_text()
    screenshot("outdated-clause-with-source-redline")

    body = page.get_by_label("Translated text (Markdown)")
    body.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Wir wollen einen *freundlichen* und ruhigen Ort.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Save")
    page.keyboard.press("Enter")
    # Saved, and on to the next clause needing work.
    page.wait_for_url("**/clauses/reporting")
    assert "Translation saved." in page.locator(".flashes").inner_text()
    page.goto(WORKSPACE)
    assert "Not yet reviewed" in page.locator("tr#clause-purpose").inner_text()
    screenshot("updated")

    sign_out(page)
    sign_in(page, "dieter")
    page.goto(WORKSPACE + "/clauses/purpose")
    assert "ruhigen Ort" in page.locator(".translation-current").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Mark reviewed").click()
    assert "Marked as reviewed." in page.locator(".flashes").inner_text()
    assert "reviewed by Dieter" in page.locator(".translation-current").inner_text()
    screenshot("reviewed")
    page.goto("/policies/guidelines/revisions/2?lang=de")
    text = page.locator("section#clause-purpose .clause-body")
    assert text.get_attribute("lang") == "de"
    assert "ruhigen Ort" in text.inner_text()
    screenshot("reading-in-german")


@browser_test
def test_reading_in_arabic_lays_out_translated_clauses_right_to_left(
    page, screenshot, published, create_user
):
    layla = create_user("layla", roles=(Role.TRANSLATOR,), languages=("ar",), display_name="Layla")
    purpose = next(c for c in published.clauses if c.key == "purpose")
    save_translation(layla, purpose, "ar", "الغرض", "نريد مكانًا *ودودًا*.", 0)
    db.session.commit()
    page.goto("/policies/guidelines")
    page.get_by_label("Read in").select_option("ar")
    with page.expect_navigation():
        page.get_by_role("button", name="Read", exact=True).click()
    assert page.url.endswith("/policies/guidelines/revisions/1?lang=ar")
    direction = "e => getComputedStyle(e).direction"
    assert page.locator("section#clause-purpose .clause-body").evaluate(direction) == "rtl"
    assert page.locator("section#clause-purpose h2 bdi").evaluate(direction) == "rtl"
    assert page.locator("section#clause-reporting .clause-body").evaluate(direction) == "ltr"
    # The links and labels around the clause speak the interface's language.
    assert page.locator("section#clause-purpose").evaluate(direction) == "ltr"
    assert page.locator("html").evaluate(direction) == "ltr"
    screenshot("arabic-inside-english-page")
