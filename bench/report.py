"""Benchmark the public report and statistics pages at 100,000 comments, on SQLite and
PostgreSQL.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/report.py [--comments 100000] [--runs 20]
                                     [--backends sqlite,postgresql]

For each backend it creates a fresh database (a temporary SQLite file; a new PostgreSQL
database on --postgres-url, dropped afterwards), migrates it, publishes a ten-clause policy
and a second revision changing half the clauses, and inserts the comments in bulk: six
languages, a tenth of them replies, one in twenty hidden or deleted, a third given a
disposition over four weeks, most answered with one of thirty shared responses and one in
twenty with a response of its own, one in ten with a suggested wording. Then it requests
each page once (cold), and --runs times more through the app's test client (warm), and
prints the median and the slowest warm time. Exit status 0 when every warm median is
within --budget milliseconds (300).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from comments import postgresql_backend, sqlite_backend  # noqa: E402

LANGUAGES = ["en", "fr", "de", "es", "ar", "id"]
DISPOSITIONS = ["accepted", "partly_accepted", "declined", "noted", "duplicate"]
CPU: list[float] = []  # this process's CPU time per request: less noisy on a busy machine
PAGES = ["/policies/bench/revisions/1/report", "/policies/bench/statistics"]


def document(changed: bool) -> str:
    clauses = "".join(
        f"## Clause {n}\n\nThe text of clause {n}{' now reads better' if changed and n % 2 else ''}"
        f" and says what it means in plain words.\n\n"
        for n in range(1, 10)
    )
    return f"# Bench policy\n\nWhy this policy exists.\n\n{clauses}"


def comment_rows(revision, clauses, authors, staff, count: int) -> list[dict]:
    from consult.types import utcnow

    start = utcnow() - timedelta(days=28)
    rows = []
    for i in range(count):
        clause = clauses[i % len(clauses)]
        decided = i % 3 == 0
        rows.append(
            dict(
                policy_id=revision.policy_id,
                revision_id=revision.id,
                clause_id=clause.id,
                clause_key=clause.key,
                author_id=authors[i % len(authors)].id,
                language=LANGUAGES[i % len(LANGUAGES)],
                body=f"Comment {i}",
                suggested_wording=f"A better wording {i}." if i % 10 == 0 else None,
                depth=0,
                status=("hidden", "deleted")[i % 2] if i % 20 == 7 else "published",
                created_at=start + timedelta(seconds=i * 24),
                disposition=DISPOSITIONS[i % len(DISPOSITIONS)] if decided else "open",
                disposed_at=start + timedelta(seconds=i * 24 + 3600) if decided else None,
                response=(f"Answer {i}" if i % 20 == 0 else f"Shared answer {i % 30}")
                if decided
                else None,
                responder_id=staff.id if decided else None,
                responder_role="staff" if decided else None,
                responded_at=start + timedelta(seconds=i * 24 + 3600) if decided else None,
            )
        )
    return rows


def populate(count: int) -> None:
    import sqlalchemy as sa

    from consult.accounts.models import Role
    from consult.accounts.services import create_user
    from consult.comments.models import Comment
    from consult.drafting.importing import ImportOptions, import_document, parse
    from consult.extensions import db
    from consult.policies.services import create_policy

    staff = create_user("benchstaff", "bench password 1234", "Bench Staff", (Role.STAFF,))
    authors = [create_user(f"author{i}", "bench password 1234", f"Author {i}") for i in range(50)]
    policy = create_policy(staff, "bench", "Bench", "en")
    options = ImportOptions(change_summary="Bench", publish=True)
    first = import_document(staff, policy, parse(document(False)), options)
    import_document(staff, policy, parse(document(True)), options)
    rows = comment_rows(first, list(first.clauses), authors, staff, count)
    for at in range(0, len(rows), 5000):
        db.session.execute(sa.insert(Comment), rows[at : at + 5000])
    top = list(db.session.scalars(sa.select(Comment.id).order_by(Comment.id).limit(count // 10)))
    replies = db.session.scalars(
        sa.select(Comment.id).order_by(Comment.id.desc()).limit(count // 10)
    )
    for reply_id, parent_id in zip(replies, top):
        db.session.execute(
            sa.update(Comment).where(Comment.id == reply_id).values(parent_id=parent_id, depth=1)
        )
    db.session.commit()


def timed(client, path: str) -> float:
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    CPU.append((time.process_time() - cpu_started) * 1000)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed


def run(url: str, count: int, runs: int) -> dict[str, tuple[float, float, float]]:
    from flask_migrate import upgrade

    from consult import create_app
    from consult.extensions import db

    os.environ.update({"SECRET_KEY": secrets.token_urlsafe(32), "DATABASE_URL": url})
    app = create_app()
    with app.app_context():
        upgrade()
        populate(count)
        db.session.remove()
    client = app.test_client()
    results = {}
    for path in PAGES:
        cold = timed(client, path)
        CPU.clear()
        warm = [timed(client, path) for _ in range(runs)]
        results[path] = (cold, statistics.median(warm), max(warm), statistics.median(CPU))
    with app.app_context():
        db.engine.dispose()
    return results


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=300.0)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    return parser.parse_args()


def main() -> int:
    args = arguments()
    within = True
    for name in args.backends.split(","):
        with tempfile.TemporaryDirectory() as folder:
            backend = (
                sqlite_backend(Path(folder))
                if name == "sqlite"
                else postgresql_backend(args.postgres_url)
            )
            try:
                results = run(backend.url, args.comments, args.runs)
            finally:
                if backend.cleanup:
                    backend.cleanup()
        for path, (cold, median, slowest, cpu) in results.items():
            within &= median <= args.budget
            print(
                f"{name:10} {path:40} cold {cold:7.1f} ms  warm median {median:7.1f} ms"
                f"  slowest {slowest:7.1f} ms  CPU here {cpu:6.1f} ms  ({args.comments:,} comments)"
            )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
