"""Benchmark the staff comment exports: memory and time for 1,000, 10,000 and 100,000
comments.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/exports.py [--sizes 1000,10000,100000]

A temporary SQLite database is migrated and given one published policy through the
application's services; comments (a fifth of them flagged, a tenth with a staff record)
are inserted in bulk up to each size. Each size is exported to CSV and to JSON through the
same pipeline the views stream (export_rows → csv_chunks / json_chunks), every chunk read
and dropped as a server would send it. tracemalloc's peak is the memory the export needed.
Prints size, bytes, seconds and peak per format; the exit status is 0 only when the largest
size peaks below 1.5 × the smallest.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOCUMENT = "# Bench policy\n\nIntro.\n\n## Purpose\n\nWe want a friendly place.\n"
INSERT_CHUNK = 5000


def prepare(app):
    """Migrate; a staff account, a published policy; return (staff, policy, revision)."""
    from flask_migrate import upgrade

    from consult.accounts.models import Role
    from consult.accounts.services import create_user
    from consult.drafting.importing import ImportOptions, import_document, parse
    from consult.extensions import db
    from consult.policies.services import create_policy

    upgrade(directory=str(ROOT / "migrations"))
    staff = create_user("benchstaff", "bench password 1234", "Bench Staff", (Role.STAFF,))
    policy = create_policy(staff, "bench", "Bench", "en")
    options = ImportOptions(change_summary="Bench", publish=True)
    revision = import_document(staff, policy, parse(DOCUMENT), options)
    db.session.commit()
    return staff, policy, revision


def grow(staff, revision, start: int, stop: int) -> None:
    """Comments start..stop-1 on the revision's second clause, with flags and records."""
    import sqlalchemy as sa

    from consult.comments.models import Comment, CommentTriage, Flag
    from consult.extensions import db
    from consult.types import utcnow

    clause = revision.clauses[1]
    moment = utcnow() - timedelta(days=1)
    for first in range(start, stop, INSERT_CHUNK):
        numbers = range(first, min(first + INSERT_CHUNK, stop))
        rows = [
            dict(
                policy_id=revision.policy_id,
                revision_id=revision.id,
                clause_id=clause.id,
                clause_key=clause.key,
                author_id=staff.id,
                language="en",
                body=f"Comment {n}: " + "words " * 30,
                suggested_wording="A better wording." if n % 3 == 0 else None,
                created_at=moment + timedelta(seconds=n),
            )
            for n in numbers
        ]
        db.session.execute(sa.insert(Comment), rows)
        ids = db.session.scalars(sa.select(Comment.id).where(Comment.id > first)).all()
        flags = [dict(comment_id=i, user_id=None, reason="Off topic") for i in ids if i % 5 == 0]
        records = [
            dict(comment_id=i, note="Check", assignee_id=staff.id) for i in ids if i % 10 == 0
        ]
        for model, extra in ((Flag, flags), (CommentTriage, records)):
            if extra:
                db.session.execute(sa.insert(model), extra)
        db.session.commit()


def measure(policy_id: int, kind: str) -> tuple[int, float, int]:
    """(bytes, seconds, peak bytes) of one export, read chunk by chunk."""
    from consult.comments.export import columns_for, csv_chunks, export_rows, json_chunks

    columns = columns_for(staff=True)
    tracemalloc.start()
    started = time.perf_counter()
    rows = export_rows(policy_id, None, staff=True)
    chunks = csv_chunks(columns, rows) if kind == "csv" else json_chunks({}, columns, rows)
    size = sum(len(chunk.encode()) for chunk in chunks)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return size, seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    from consult import create_app

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "TESTING": False})
        with app.app_context(), app.test_request_context():
            staff, policy, revision = prepare(app)
            peaks: dict[str, list[int]] = {"csv": [], "json": []}
            done = 0
            for size in sizes:
                grow(staff, revision, done, size)
                done = size
                for kind in peaks:
                    length, seconds, peak = measure(policy.id, kind)
                    peaks[kind].append(peak)
                    print(
                        f"{kind:4} {size:>7} comments: {length / 1e6:7.1f} MB in {seconds:6.1f} s,"
                        f" peak {peak / 1e6:5.1f} MB"
                    )
    bounded = all(found[-1] < 1.5 * found[0] for found in peaks.values())
    print("memory bounded" if bounded else "MEMORY GROWS WITH THE COMMENTS")
    return 0 if bounded else 1


if __name__ == "__main__":
    sys.exit(main())
