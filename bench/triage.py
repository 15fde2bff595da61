"""Benchmark the staff side of a consultation at 100,000 comments, against a hello-world route.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/triage.py [--comments 100000] [--backends sqlite,postgresql]

For each backend a fresh database (a temporary SQLite file; a new PostgreSQL database on
--postgres-url, dropped afterwards) is migrated, a policy of 400 clauses is imported and
published through the application's own services, and --comments comments are written in
bulk: 30 languages, 20% dispositioned, one in ten a reply, one in eight with a suggested
wording, 1% hidden, 1% flagged, 5% with a staff record (assignee and note). Every page is
requested through the WSGI application in this process, signed in as staff, each the
median of --runs warm requests (after two to warm up), and printed in milliseconds and as a
multiple of /healthz measured in the same run:

- the triage page, unfiltered and filtered by language + disposition (target ≤ 150 ms);
- the revision's report page (target ≤ 300 ms) and the statistics page;
- the CSV export: rows per second (target ≥ 20,000), and the peak memory Python allocates
  while streaming it for 1,000 comments and for all of them (tracemalloc; target: the two
  differ by ≤ 20 MB).

The exit status is 0 when every page answers 200 and every target is met.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa
from comments import postgresql_backend  # bench/comments.py: a throwaway PostgreSQL database
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

from consult import create_app
from consult.accounts.models import Role
from consult.accounts.services import create_user
from consult.comments.models import Comment, CommentStatus, CommentTriage, Disposition, Flag
from consult.drafting.importing import ImportOptions, import_document, parse
from consult.extensions import db
from consult.policies.models import Revision
from consult.policies.services import create_policy
from consult.types import utcnow

SLUG = "bench"
PASSWORD = "bench password, not secret"
CLAUSES = 400
LANGUAGES = (
    "en fr de es ar pt-BR ja zh-Hans ru id he fa it nl pl tr uk ko vi th "
    "hi bn sw ha yo am el cs sv fi"
).split()
DECIDED = [d for d in Disposition if d not in (Disposition.OPEN, Disposition.DUPLICATE)]
BATCH = 5_000
SMALL = 1_000
TARGETS = {"triage": 150.0, "report": 300.0}
MIN_ROWS_PER_SECOND = 20_000
MAX_MEMORY_GROWTH_MB = 20.0
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def document() -> str:
    clauses = [
        f"## Clause {n}\n\nThe text of clause {n}, which people comment on." for n in range(CLAUSES)
    ]
    return "# Bench policy\n\n" + "\n\n".join(clauses) + "\n"


def comment_rows(revision: Revision, author_id: int, count: int) -> Iterator[dict]:
    rng = random.Random(7)
    clauses = [(clause.id, clause.key) for clause in revision.clauses]
    start = utcnow() - timedelta(days=60)
    for number in range(1, count + 1):
        clause_id, key = clauses[rng.randrange(len(clauses))]
        reply = number > 10 and rng.random() < 0.1
        decided = rng.random() < 0.2
        yield {
            "id": number,
            "policy_id": revision.policy_id,
            "revision_id": revision.id,
            "clause_id": clause_id,
            "clause_key": key,
            "author_id": author_id,
            "language": LANGUAGES[number % len(LANGUAGES)],
            "body": f"Comment {number}: the wording of this clause could say more about "
            f"{rng.choice(['dignity', 'safety', 'respect', 'privacy', 'appeals'])}.",
            "suggested_wording": "A clearer wording." if rng.random() < 0.125 else None,
            "parent_id": rng.randrange(1, number) if reply else None,
            "depth": 1 if reply else 0,
            "status": CommentStatus.HIDDEN if rng.random() < 0.01 else CommentStatus.PUBLISHED,
            "created_at": start + timedelta(seconds=number * 50),
            "disposition": rng.choice(DECIDED) if decided else Disposition.OPEN,
            "response": "Thank you, we changed it." if decided else None,
        }


def batches(rows: Iterator[dict], size: int = BATCH) -> Iterator[list[dict]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(app: Flask, count: int) -> None:
    with app.app_context():
        logging.disable(logging.INFO)  # the migration's progress lines
        upgrade()
        logging.disable(logging.NOTSET)
        staff = create_user("staff", PASSWORD, "Staff", (Role.STAFF,), ())
        volunteer = create_user("volunteer", PASSWORD, "Volunteer", (), ())
        policy = create_policy(staff, SLUG, "Bench policy", "en", "")
        options = ImportOptions(change_summary="First", publish=True)
        revision = import_document(staff, policy, parse(document()), options)
        db.session.commit()
        for batch in batches(comment_rows(revision, volunteer.id, count)):
            db.session.execute(sa.insert(Comment), batch)
        ids = range(1, count + 1)
        flags = [{"comment_id": i, "user_id": staff.id, "reason": "Spam"} for i in ids[::100]]
        db.session.execute(sa.insert(Flag), flags)
        records = [{"comment_id": i, "note": "Look", "assignee_id": staff.id} for i in ids[::20]]
        db.session.execute(sa.insert(CommentTriage), records)
        db.session.commit()
        reset_sequence(count)


def reset_sequence(count: int) -> None:
    """Rows written with their ids leave PostgreSQL's sequence behind them; and the planner
    statistics that autovacuum gathers within a minute of a bulk load are gathered now, so
    that the pages are measured as a running site serves them."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text(f"SELECT setval('comments_id_seq', {count})"))
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(sa.text("ANALYZE"))


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    response = client.post("/login", data={"username": "staff", "password": PASSWORD})
    if response.status_code != 302:
        raise SystemExit(f"sign-in answered {response.status_code}")
    return client


def median_ms(client: FlaskClient, url: str, runs: int) -> float:
    samples = []
    for attempt in range(runs + 2):
        started = time.perf_counter()
        response = client.get(url)
        response.get_data()
        if attempt >= 2:
            samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return statistics.median(samples)


def read_rows(client: FlaskClient, url: str) -> int:
    response = client.get(url, buffered=False)
    lines = sum(chunk.count(b"\n") for chunk in response.response)
    response.close()
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return lines - 1  # the header line


def streamed(client: FlaskClient, url: str) -> tuple[int, float]:
    """(rows, seconds) for one streamed export, read chunk by chunk."""
    started = time.perf_counter()
    rows = read_rows(client, url)
    return rows, time.perf_counter() - started


def peak_mb(client: FlaskClient, url: str) -> tuple[int, float]:
    """(rows, peak MB Python allocated) while streaming the export; timed apart, since
    tracemalloc slows every allocation."""
    tracemalloc.start()
    rows = read_rows(client, url)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return rows, peak


def pages() -> list[tuple[str, str, str]]:
    """(label, url, target name or "") for every page measured."""
    base = f"/policies/{SLUG}"
    return [
        ("triage, unfiltered", f"{base}/triage", "triage"),
        (
            "triage, language + disposition",
            f"{base}/triage?language=fr&disposition=accepted",
            "triage",
        ),
        ("report (revision 1)", f"{base}/revisions/1/report", "report"),
        ("statistics", f"{base}/statistics", ""),
    ]


def app_for(url: str, count: int) -> Flask:
    config = {"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False}
    app = create_app({**config, "RATELIMIT_ENABLED": False, "BABEL_DEFAULT_LOCALE": "en"})
    fill(app, count)
    return app


def measure(name: str, urls: tuple[str, str], count: int, runs: int) -> bool:
    """`urls`: the database for `count` comments, and one for 1,000 (the export's memory)."""
    app = app_for(urls[0], count)
    client = signed_in(app)
    hello = median_ms(client, "/healthz", runs * 4)
    print(f"\n{name}: {count:,} comments over {CLAUSES} clauses, {len(LANGUAGES)} languages")
    print(f"{'/healthz (hello world):':<36} {hello:9.2f} ms {1:9.0f} ×")
    ok = True
    for label, page, target in pages():
        ms = median_ms(client, page, runs)
        limit = TARGETS.get(target)
        verdict = "" if limit is None else (" ok" if ms <= limit else f" OVER {limit:.0f} ms")
        ok &= limit is None or ms <= limit
        print(f"{label + ':':<36} {ms:9.2f} ms {ms / hello:9.0f} ×{verdict}")
    small = app_for(urls[1], SMALL)
    ok &= export_figures(signed_in(small), client, count)
    for each in (app, small):
        with each.app_context():
            db.engine.dispose()
    return ok


def export_figures(small: FlaskClient, client: FlaskClient, count: int) -> bool:
    export = f"/policies/{SLUG}/comments/export.csv"
    small_rows, small_peak = peak_mb(small, export)
    _rows, peak = peak_mb(client, export)
    rows, seconds = streamed(client, export)
    rate, growth = rows / seconds, peak - small_peak
    print(f"{'CSV export:':<36} {rate:9,.0f} rows/s ({rows:,} rows in {seconds:.2f} s)")
    print(
        f"{'export peak memory:':<36} {small_peak:9.1f} MB for {small_rows:,} rows, "
        f"{peak:.1f} MB for {rows:,} (growth {growth:.1f} MB)"
    )
    return rows == count and rate >= MIN_ROWS_PER_SECOND and growth <= MAX_MEMORY_GROWTH_MB


@contextlib.contextmanager
def databases(backend: str, admin_url: str) -> Iterator[tuple[str, str]]:
    """Two empty databases of the backend, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as directory:
            yield (f"sqlite:///{directory}/big.sqlite3", f"sqlite:///{directory}/small.sqlite3")
        return
    made = [postgresql_backend(admin_url) for _ in range(2)]
    try:
        yield (made[0].url, made[1].url)
    finally:
        for backend in made:
            backend.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    ok = True
    for backend in args.backends.split(","):
        with databases(backend, args.postgres_url) as urls:
            ok &= measure(NAMES[backend], urls, args.comments, args.runs)
    print("\nall targets met" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
