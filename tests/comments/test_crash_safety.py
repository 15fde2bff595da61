"""Crash safety: gunicorn is killed with SIGKILL under load, restarted, and no acknowledged
comment is lost.

Several posting clients (threads, loopback only) sign in through the real form and post
comments as fast as the server answers. Meanwhile the test kills one worker (the master
respawns it), then the master and every worker at once (the test starts a new server on
the same port), a few times. A post counts as acknowledged when it answered the 302 to the
new comment; afterwards every acknowledged comment must be a stored row with its body.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment
from consult.extensions import db
from tests.comment_factories import clause_of
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 6
WORKERS = 2
LOAD_SECONDS = 1.2  # of load before each kill, and after the last restart
CYCLES = ("worker", "all", "worker", "all")
CSRF = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
ACKNOWLEDGED = re.compile(r"#comment-(\d+)$")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One client: a cookie jar and a connection opened per request (sync workers close it)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), text

    def sign_in(self, username: str) -> str:
        _status, _location, page = self.request("GET", "/login")
        token = CSRF.search(page).group(1)
        form = {"username": username, "password": PASSWORD, "csrf_token": token}
        status, _location, _page = self.request("POST", "/login", form)
        assert status == 302, f"sign-in of {username} answered {status}"
        # Signing in starts a fresh session with a fresh CSRF token.
        _status, _location, page = self.request("GET", "/account")
        return CSRF.search(page).group(1)


@dataclass
class Tally:
    # (comment id, body): ids alone could repeat, as a lost row's id is given out again.
    acknowledged: list[tuple[int, str]] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)


class Server:
    """gunicorn (sync workers) on a fixed loopback port, started again after each full kill."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env, self.port, self.process = env, port, None
        self.starts = 0

    def start(self) -> None:
        command = [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "critical", "wsgi:app"]
        self.process = subprocess.Popen(command, env=self.env, cwd=ROOT)
        self.starts += 1
        self.wait_until_answering()

    def wait_until_answering(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if Browser(self.port).request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not answer /healthz within 60 s")

    def workers(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def kill_a_worker(self) -> None:
        os.kill(self.workers()[0], signal.SIGKILL)

    def kill_everything(self) -> None:
        for pid in [self.process.pid, *self.workers()]:
            os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def post_until(stop: threading.Event, browser: Browser, token: str, path: str, name: str, tally):
    sequence = 0
    while not stop.is_set():
        sequence += 1
        body = f"Comment {sequence} from {name}: crash safety."
        form = {"csrf_token": token, "language": "en", "body": body}
        try:
            status, location, _page = browser.request("POST", path, form)
        except (http.client.HTTPException, OSError) as error:
            tally.errors[type(error).__name__] += 1
            time.sleep(0.05)  # the server is down or restarting
            continue
        tally.statuses[status] += 1
        if status == 302 and (match := ACKNOWLEDGED.search(location)):
            tally.acknowledged.append((int(match.group(1)), body))


@pytest.fixture
def crowd(commentable, create_user):
    return [create_user(f"client{i}", display_name=f"Client {i}") for i in range(CLIENTS)]


def server_env(app) -> dict[str, str]:
    return {
        **os.environ,
        "SECRET_KEY": "crash safety",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "CONSULT_RATELIMIT_ENABLED": "false",
    }


def run_load_with_kills(server: Server, path: str) -> tuple[list[Tally], int]:
    """Post from every client while killing gunicorn; returns the tallies and the
    acknowledgements counted after the last restart."""
    browsers = [Browser(server.port) for _ in range(CLIENTS)]
    tokens = [browser.sign_in(f"client{i}") for i, browser in enumerate(browsers)]
    tallies, stop = [Tally() for _ in browsers], threading.Event()
    threads = [
        threading.Thread(target=post_until, args=(stop, b, t, path, f"client{i}", tallies[i]))
        for i, (b, t) in enumerate(zip(browsers, tokens))
    ]
    for thread in threads:
        thread.start()
    try:
        for cycle in CYCLES:
            time.sleep(LOAD_SECONDS)
            if cycle == "worker":
                server.kill_a_worker()
            else:
                server.kill_everything()
                server.start()
        before_last = sum(len(t.acknowledged) for t in tallies)
        time.sleep(LOAD_SECONDS)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    return tallies, sum(len(t.acknowledged) for t in tallies) - before_last


def stored_comments() -> set[tuple[int, str]]:
    db.session.rollback()  # a fresh snapshot: the server wrote after this session's last read
    rows = db.session.execute(sa.select(Comment.id, Comment.body)).all()
    return {(comment_id, body) for comment_id, body in rows}


def test_no_acknowledged_comment_is_lost_when_gunicorn_is_killed(app, backend, commentable, crowd):
    key = clause_of(commentable).key
    path = (
        f"/policies/{commentable.policy.slug}/revisions/{commentable.number}/clauses/{key}/comments"
    )
    server = Server(server_env(app), free_port())
    server.start()
    try:
        tallies, after_last_restart = run_load_with_kills(server, path)
    finally:
        server.stop()
    acknowledged = [comment for tally in tallies for comment in tally.acknowledged]
    statuses = sum((t.statuses for t in tallies), Counter())
    errors = sum((t.errors for t in tallies), Counter())
    stored = stored_comments()
    found = len(stored.intersection(acknowledged))
    report = (
        f"{backend.name}: {CLIENTS} clients, {len(CYCLES)} kill -9 cycles {CYCLES}, "
        f"{server.starts} gunicorn starts; acknowledged {len(acknowledged)}, found {found}, "
        f"stored {len(stored)}; statuses {dict(statuses)}; transport errors {dict(errors)}"
    )
    print(report)
    assert found == len(acknowledged), report
    assert after_last_restart > 0, f"nothing acknowledged after the last restart: {report}"
    assert errors, f"no request was cut by a kill, so nothing was tested: {report}"
    assert not [s for s in statuses if s >= 500], report
    if backend.name == "sqlite":
        assert db.session.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
