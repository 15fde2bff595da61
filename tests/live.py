"""Served-app fixtures: the app on a real port (a threaded server, or gunicorn with several
worker processes for concurrency tests), and Debian's Chromium driven by Playwright.

Browser tests run on SQLite only (the server and the test share one database
file); mark them with ``@browser_test``. Screenshots go to
``test-artifacts/<test name>/`` so CI keeps them. Every page a browser test
opens is held to the Content-Security-Policy: a violation fails the test.
"""

import http.client
import io
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.serving import make_server
from werkzeug.test import encode_multipart

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
T, R = TypeVar("T"), TypeVar("R")
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


class Visitor:
    """One person's browser against a served app: its own cookies, redirects not followed."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict | None = None, files: dict | None = None
    ) -> tuple[int, str]:
        """`files` maps a field to (file name, bytes); the form is then sent as multipart."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if files:
            body, headers["Content-Type"] = multipart(form or {}, files)
        elif form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, text

    def sign_in(self, username: str) -> None:
        from tests.factories import PASSWORD

        status, _page = self.request("POST", "/login", {"username": username, "password": PASSWORD})
        assert status == 302, f"sign-in of {username} answered {status}"


def multipart(form: dict, files: dict) -> tuple[bytes, str]:
    uploads = {
        name: FileStorage(io.BytesIO(data), filename=filename, content_type="text/markdown")
        for name, (filename, data) in files.items()
    }
    boundary, body = encode_multipart({**form, **uploads})
    return body, f"multipart/form-data; boundary={boundary}"


class Gunicorn:
    """The app under gunicorn on the test's own database: several worker processes, so
    requests really run at the same time (the threaded server above shares one GIL).
    CSRF and rate limits are off, as in the test app."""

    def __init__(self, database_uri: str, workers: int) -> None:
        self.database_uri, self.workers = database_uri, workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "SECRET_KEY": secrets.token_urlsafe(32),
            "DATABASE_URL": self.database_uri,
            "CONSULT_RATELIMIT_ENABLED": "false",
            "CONSULT_WTF_CSRF_ENABLED": "false",
        }

    def __enter__(self) -> "Gunicorn":
        command = [sys.executable, "-m", "gunicorn", "--preload", "--workers", str(self.workers)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "wsgi:app"]
        self.process = subprocess.Popen(command, env=self.environment(), cwd=ROOT)
        self.wait_until_up()
        return self

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.visitor().request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def visitor(self) -> Visitor:
        return Visitor(self.port)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(app) -> Iterator[Gunicorn]:
    """Four gunicorn workers serving the test's database (SQLite file or PostgreSQL)."""
    with Gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4) as server:
        yield server


def at_once(work: Callable[[T], R], items: list[T]) -> list[R]:
    """`work(item)` for every item, each in its own thread, all released together."""
    start = threading.Barrier(len(items))

    def run(item: T) -> R:
        start.wait()
        return work(item)

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(run, items))
