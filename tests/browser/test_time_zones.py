"""Acceptance 3: with the browser in Europe/Berlin, staff schedule 09:00 and the window
opens at 09:00 Berlin time; a reader in Asia/Tokyo sees it in Tokyo time, zone named."""

from datetime import UTC, datetime

import sqlalchemy as sa

from consult.comments.models import ConsultationWindow
from consult.extensions import db
from tests.live import REPORT_CSP_VIOLATIONS, browser_test, record_csp_message

PASSWORD = "correct horse battery"


def browser_in(chromium, live_server, zone: str, violations: list[str]):
    """A page in a browser whose clock is in `zone` (Intl reports it to the app)."""
    context = chromium.new_context(base_url=live_server.url, locale="en-GB", timezone_id=zone)
    context.expose_function("reportCspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda message: record_csp_message(message.text, violations))
    page.set_default_timeout(10_000)
    return page


def window_text(page) -> str:
    return page.locator(".consultation-window").inner_text()


@browser_test
def test_staff_in_berlin_schedule_and_a_reader_in_tokyo_sees_tokyo_time(
    chromium, live_server, published, staff
):
    violations: list[str] = []
    berlin = browser_in(chromium, live_server, "Europe/Berlin", violations)
    berlin.goto("/login")
    berlin.get_by_label("Username").fill("staff")
    berlin.get_by_label("Password").fill(PASSWORD)
    berlin.get_by_role("button", name="Sign in").click()
    berlin.wait_for_load_state()

    berlin.goto("/policies/guidelines/consultation")
    assert "Times are in Germany (Berlin) Time (Europe/Berlin)." in berlin.inner_text("main")
    berlin.get_by_label("Opens").fill("2030-12-03T09:00")
    berlin.get_by_label("Closes").fill("2031-07-01T09:00")
    berlin.get_by_role("button", name="Save").click()
    berlin.wait_for_url("**/policies/guidelines")

    db.session.expire_all()
    window = db.session.scalar(sa.select(ConsultationWindow))
    assert window.opens_at == datetime(2030, 12, 3, 8, 0, tzinfo=UTC)  # CET is UTC+1
    assert window.closes_at == datetime(2031, 7, 1, 7, 0, tzinfo=UTC)  # CEST is UTC+2
    assert "December 3, 2030, 9:00\u202fAM CET" in window_text(berlin)
    opening = berlin.locator(".consultation-window time").first
    assert opening.get_attribute("datetime") == "2030-12-03T08:00:00+00:00"

    tokyo = browser_in(chromium, live_server, "Asia/Tokyo", violations)
    tokyo.goto("/")  # the first page learns the browser's zone, as every later one knows it
    tokyo.goto("/policies/guidelines")
    assert "December 3, 2030, 5:00\u202fPM JST" in window_text(tokyo)
    assert tokyo.locator(".consultation-window time").first.get_attribute("title") == (
        "Japan Standard Time"
    )
    assert violations == []


@browser_test
def test_a_first_page_shows_its_times_in_the_browsers_zone(chromium, live_server, published):
    """Before the cookie, the server writes UTC; the page shows them again in the reader's
    zone at once, and the next page comes in it from the server."""
    window = ConsultationWindow(
        policy_id=published.policy_id,
        opens_at=datetime(2030, 12, 3, 8, 0, tzinfo=UTC),
        closes_at=None,
    )
    db.session.add(window)
    db.session.commit()
    violations: list[str] = []
    tokyo = browser_in(chromium, live_server, "Asia/Tokyo", violations)
    tokyo.goto("/policies/guidelines")  # the first page: no zone known yet
    assert tokyo.locator("body").get_attribute("data-times-in") == "UTC"
    opening = tokyo.locator(".consultation-window time").first
    shown = opening.inner_text().replace("\u202f", " ")  # Intl's spacing varies by version
    assert "December 3, 2030" in shown and "5:00 PM GMT+9" in shown
    assert opening.get_attribute("title") == "Japan Standard Time"
    tokyo.reload()
    assert tokyo.locator("body").get_attribute("data-times-in") is None
    assert "December 3, 2030, 5:00\u202fPM JST" in window_text(tokyo)
    assert violations == []
