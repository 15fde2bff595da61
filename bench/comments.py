"""Benchmark posting comments: concurrent clients against gunicorn, on SQLite and PostgreSQL.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/comments.py [--seconds 30] [--clients 100] [--workers 2]
                                       [--backends sqlite,postgresql]

For each backend it creates a fresh database (a temporary SQLite file; a new
PostgreSQL database on --postgres-url, dropped afterwards), migrates it, creates
one account per client, a published policy and an open consultation window
through the application's own services, and starts gunicorn (sync workers) on a
free loopback port. Every client is a thread with its own session: it signs in
through the login form with the form's CSRF token, then posts comments to one
clause as fast as the server answers for --seconds. The same clients then GET
/healthz (no database) for the same time: the hello-world baseline of that
server. Rate limits are switched off for the run (CONSULT_RATELIMIT_ENABLED).

Checks, per backend: no 5xx and no transport error, and every acknowledged post
(a 302 to the new comment) is a stored row — the rows are counted afterwards.
Prints comments/s, hello/s and their ratio; the exit status is 0 only when
every check passes on every backend.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench password 1234"
CSRF = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
DOCUMENT = "# Bench policy\n\nIntro.\n\n## Purpose\n\nWe want a friendly place.\n"


@dataclass
class Tally:
    ok: int = 0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One browser: a keep-alive-when-possible connection and a cookie jar."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()  # the server closed an idle connection: retry once
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
        return response.status, data.decode("utf-8", "replace")

    def sign_in(self, username: str) -> str:
        _status, page = self.request("GET", "/login")
        token = CSRF.search(page).group(1)
        status, _page = self.request(
            "POST", "/login", {"username": username, "password": PASSWORD, "csrf_token": token}
        )
        if status != 302:
            raise RuntimeError(f"sign-in of {username} answered {status}")
        return token


def run_clients(clients: list[Client], seconds: float, step) -> list[Tally]:
    tallies = [Tally() for _ in clients]
    deadline = time.monotonic() + seconds
    start = threading.Barrier(len(clients) + 1)

    def work(index: int) -> None:
        start.wait()
        tally, client, sequence = tallies[index], clients[index], 0
        while time.monotonic() < deadline:
            sequence += 1
            try:
                status = step(client, index, sequence)
            except (http.client.HTTPException, OSError) as error:
                tally.errors[type(error).__name__] += 1
                client.connection.close()
                continue
            tally.statuses[status] += 1

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return tallies


@dataclass
class Backend:
    name: str
    url: str
    cleanup: object = None


def sqlite_backend(folder: Path) -> Backend:
    return Backend("sqlite", f"sqlite:///{folder / 'bench.sqlite3'}")


def postgresql_backend(admin_url: str) -> Backend:
    import sqlalchemy as sa

    from consult.config import database_uri

    engine = sa.create_engine(database_uri(admin_url), isolation_level="AUTOCOMMIT")
    name = f"consult_bench_{secrets.token_hex(6)}"
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    url = engine.url.set(database=name).render_as_string(hide_password=False)
    return Backend("postgresql", url.replace("postgresql+psycopg://", "postgresql://"), drop)


def server_env(backend: Backend) -> dict[str, str]:
    return {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(32),
        "DATABASE_URL": backend.url,
        "CONSULT_RATELIMIT_ENABLED": "false",
    }


def prepare(env: dict[str, str], clients: int) -> str:
    """Migrate, then create the accounts, the policy and an open window; return the thread path."""
    flask = [str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi"]
    subprocess.run(
        flask + ["db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=300
    )
    os.environ.update({"SECRET_KEY": env["SECRET_KEY"], "DATABASE_URL": env["DATABASE_URL"]})
    from consult import create_app
    from consult.accounts.models import Role
    from consult.accounts.services import create_user
    from consult.comments.window import set_window
    from consult.drafting.importing import ImportOptions, import_document, parse
    from consult.extensions import db
    from consult.policies.services import create_policy
    from consult.types import utcnow

    app = create_app()
    with app.app_context():
        staff = create_user("benchstaff", PASSWORD, "Bench Staff", (Role.STAFF,))
        for index in range(clients):
            create_user(f"bench{index}", PASSWORD, f"Bench client {index}")
        policy = create_policy(staff, "bench", "Bench", "en")
        revision = import_document(
            staff, policy, parse(DOCUMENT), ImportOptions(change_summary="Bench", publish=True)
        )
        set_window(staff, policy, None, utcnow() - timedelta(hours=1), utcnow() + timedelta(days=1))
        key = next(c.key for c in revision.clauses if c.heading == "Purpose")
        db.session.commit()
        db.engine.dispose()
    return f"/policies/bench/revisions/1/clauses/{key}/comments"


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "120",
        "--log-level",
        "warning",
        "wsgi:app",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Client(port).request("GET", "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def stored_comments(env: dict[str, str]) -> int:
    import sqlalchemy as sa

    from consult.config import database_uri

    engine = sa.create_engine(database_uri(env["DATABASE_URL"]))
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM comments")).scalar_one()
    engine.dispose()
    return count


def summed(tallies: list[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.statuses.update(tally.statuses)
        total.errors.update(tally.errors)
    return total


def measure(backend: Backend, args) -> bool:
    env = server_env(backend)
    thread_path = prepare(env, args.clients)
    port = free_port()
    server = start_server(env, port, args.workers)
    try:
        clients = [Client(port) for _ in range(args.clients)]
        tokens = [client.sign_in(f"bench{i}") for i, client in enumerate(clients)]

        def post(client: Client, index: int, sequence: int) -> int:
            form = {
                "csrf_token": tokens[index],
                "language": "en",
                "body": f"Comment {sequence} from client {index}: this clause reads well.",
            }
            return client.request("POST", thread_path, form)[0]

        def hello(client: Client, _index: int, _sequence: int) -> int:
            return client.request("GET", "/healthz")[0]

        posts = summed(run_clients(clients, args.seconds, post))
        hellos = summed(run_clients(clients, args.seconds, hello))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(backend, args, posts, hellos, stored_comments(env))


def report(backend: Backend, args, posts: Tally, hellos: Tally, stored: int) -> bool:
    acknowledged = posts.statuses[302]
    per_second, hello_per_second = acknowledged / args.seconds, hellos.statuses[200] / args.seconds
    server_errors = sum(n for s, n in (posts.statuses + hellos.statuses).items() if s >= 500)
    print(
        f"{backend.name}: {args.clients} clients, {args.workers} gunicorn workers, {args.seconds:g} s each"
    )
    print(f"  posts: {dict(posts.statuses)} transport errors: {dict(posts.errors)}")
    print(f"  hello: {dict(hellos.statuses)} transport errors: {dict(hellos.errors)}")
    print(f"  acknowledged {acknowledged}, stored {stored}")
    print(
        f"  {per_second:.1f} comments/s; hello-world {hello_per_second:.1f} requests/s; "
        f"ratio {per_second / hello_per_second:.3f}"
        if hello_per_second
        else "  no hello answered"
    )
    checks = {
        "every acknowledged comment stored": stored == acknowledged,
        "no 5xx": server_errors == 0,
        "no transport errors": not posts.errors and not hellos.errors,
        "only 302 for posts": set(posts.statuses) <= {302},
    }
    for name, passed in checks.items():
        print(f"  {'ok' if passed else 'FAILED'}: {name}")
    return all(checks.values())


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name in args.backends.split(","):
            backend = (
                sqlite_backend(Path(folder))
                if name == "sqlite"
                else postgresql_backend(args.postgres_url)
            )
            try:
                results.append(measure(backend, args))
            finally:
                if backend.cleanup:
                    backend.cleanup()
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
