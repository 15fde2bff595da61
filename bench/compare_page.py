"""Benchmark the compare pages of a 100,000-word policy, against a hello-world route.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/compare_page.py

The policy and its edited, re-wrapped second revision are the ones
``bench/redline.py`` builds (400 clauses × 250 words, 45 edited). Both are
imported and published through the application's own services into a fresh
SQLite database, and every page is requested through the WSGI application in
this process (no network, no server), the way a test client does. Measured in
this one run, each the best of 10 requests with the median beside it:

- /healthz, the hello-world baseline (no database, no template);
- the inline compare page on a first view in a fresh process: the comparison
  cache and the in-process memo of rendered texts are emptied before every
  request, while the database keeps the renderings stored when the revisions
  were published (consult.renderings) and the comparison stored then
  (consult.redline.stored), so the page loads both revisions, reads their
  comparison and every clause's HTML, one query each;
- the same with the stored renderings deleted too (nothing cached anywhere), so
  the page renders every clause: what a first view cost before renderings were
  stored;
- the inline and side-by-side compare pages, the download and the JSON API
  once the comparison and the renderings are cached: every later view;
- the policy page (the new revision with its comment summaries).

Each figure is also printed as a multiple of the hello-world time, and the
fresh-process first view as a multiple of the warm inline view (best of each).
The target: that first view costs at most 2× the warm one. The exit status is 0
when every page answers 200, the compare page lists exactly the 45 edited
clauses as changed and the target is met.
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import redline as synthetic
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

import drafts
from consult import create_app
from consult.accounts.models import Role
from consult.accounts.services import create_user
from consult.drafting.importing import ImportOptions, import_document, parse
from consult.extensions import db
from consult.policies.services import create_policy
from consult.redline import services
from consult.redline.render import forget_sources
from consult.redline.stored import StoredComparison
from consult.renderings import RenderedHtml

RUNS = 10
SLUG = "big"
FIRST_VIEW_TARGET = 2.0
COMPARE = f"/policies/{SLUG}/compare/1/2"


def app_with_policy(directory: str):
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{directory}/bench.sqlite3",
            "BABEL_DEFAULT_LOCALE": "en",
        }
    )
    old, new, edited_keys = synthetic.build()
    with app.app_context():
        logging.disable(logging.INFO)  # the migration's progress lines
        upgrade()
        logging.disable(logging.NOTSET)
        author = create_user("staff", "bench password, not secret", "Staff", (Role.STAFF,), ())
        policy = create_policy(author, SLUG, "A long policy", "en", "")
        for number, clauses in enumerate((old, new), start=1):
            options = ImportOptions(change_summary=f"Revision {number}", publish=True)
            import_document(author, policy, parse(drafts.render_document(None, clauses)), options)
        db.session.commit()
    return app, len(edited_keys)


def forget_in_process(app) -> None:
    """What a new process does not have: the comparison cache, the memo of renderings."""
    with app.app_context():
        services.published_comparisons().clear()
    drafts.forget_renderings()
    forget_sources()


def forget_everything(app) -> None:
    """The above, and the renderings and comparisons stored in the database."""
    forget_in_process(app)
    with app.app_context():
        db.session.execute(sa.delete(RenderedHtml))
        db.session.execute(sa.delete(StoredComparison))
        db.session.commit()


def timed_ms(
    client: FlaskClient, url: str, prepare: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    samples = []
    for _ in range(RUNS):
        prepare()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return min(samples), statistics.median(samples)


def changed_clauses_listed(client: FlaskClient) -> int:
    return client.get(f"/api/v1/policies/{SLUG}/compare/1/2").get_json()["summary"]["modified"]


def main() -> int:
    with tempfile.TemporaryDirectory() as directory:
        app, edited = app_with_policy(directory)
        client = app.test_client()
        hello = timed_ms(client, "/healthz")
        fresh = timed_ms(client, COMPARE, lambda: forget_in_process(app))
        warm = timed_ms(client, COMPARE)
        rows = [
            ("compare, first view (fresh process)", fresh),
            ("compare, inline (warm)", warm),
            (
                "compare, first view (nothing stored)",
                timed_ms(client, COMPARE, lambda: forget_everything(app)),
            ),
            ("compare, side by side", timed_ms(client, COMPARE + "?mode=side")),
            ("download (one HTML file)", timed_ms(client, COMPARE + "/download")),
            ("JSON API", timed_ms(client, f"/api/v1/policies/{SLUG}/compare/1/2")),
            ("policy page", timed_ms(client, f"/policies/{SLUG}")),
        ]
        listed = changed_clauses_listed(client)
    print(
        f"policy: {synthetic.CLAUSES} clauses × {synthetic.WORDS_PER_CLAUSE} words, {edited} edited"
    )
    print(f"{'best of ' + str(RUNS):>48} {'median':>11} {'× hello':>9}")
    print(f"{'/healthz (hello world):':<36} {hello[0]:8.2f} ms {hello[1]:8.2f} ms {1:8.0f} ×")
    for label, (best, median) in rows:
        print(f"{label + ':':<36} {best:8.2f} ms {median:8.2f} ms {best / hello[0]:8.0f} ×")
    print(f"clauses listed as modified: {listed} of {edited} edited")
    ratio = fresh[0] / warm[0]
    met = "met" if ratio <= FIRST_VIEW_TARGET else "NOT MET"
    print(f"first view in a fresh process / warm view: {ratio:.2f} × (target ≤ 2 ×: {met})")
    return 0 if listed == edited and ratio <= FIRST_VIEW_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
