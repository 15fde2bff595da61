"""Browser fixtures: the app served on a real port, and Debian's Chromium driven by Playwright.

Browser tests run on SQLite only (the server and the test share one database
file); mark them with ``@browser_test``. Screenshots go to
``test-artifacts/<test name>/`` so CI keeps them. Every page a browser test
opens is held to the Content-Security-Policy: a violation fails the test.
"""

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
# Runs in every document before its own content; Playwright's binding is not subject to the CSP.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) =>
  window.reportCspViolation(`${event.effectiveDirective} refused ${event.blockedURI}`));
"""

browser_test = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


class LiveServer:
    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def live_server(app) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def chromium() -> Iterator:
    from tests.conftest import skip_or_fail

    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium package for browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def csp_violations() -> list[str]:
    """What the browser refused under the Content-Security-Policy, as `page` saw it."""
    return []


@pytest.fixture
def page(chromium, live_server, csp_violations):
    """A fresh browser page whose relative URLs go to the live server; the test fails if the
    browser reports a Content-Security-Policy violation on any page it opened."""
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.expose_function("reportCspViolation", lambda text: csp_violations.append(text))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda message: record_csp_message(message.text, csp_violations))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert csp_violations == [], "the Content-Security-Policy refused something"


def record_csp_message(text: str, violations: list[str]) -> None:
    # Chromium also logs each refusal to the console ("… violates the following Content
    # Security Policy directive …"), including some that fire no event.
    if "Content Security Policy" in text:
        violations.append(text)


@pytest.fixture
def screenshot(page, request):
    """`screenshot("step-name")` saves a full-page PNG under test-artifacts/."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 1000))

    def take(name: str) -> Path:
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
