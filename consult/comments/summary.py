"""What the policy page shows of comments: the window, and per clause its counts.

The policy page includes a partial per clause; each include asks again, so the
answers are kept on `g` for the request and the queries run once per page.
"""

from flask import g

from consult.comments.threads import ClauseSummary, clause_summaries
from consult.comments.window import WindowState, window_state
from consult.policies.models import Revision


def once_per_request(name: str, revision: Revision, compute):
    cache = g.setdefault("comment_summaries", {})
    if (name, revision.id) not in cache:
        cache[(name, revision.id)] = compute(revision)
    return cache[(name, revision.id)]


def revision_comments(revision: Revision) -> dict[str, ClauseSummary]:
    if not revision.is_published:
        return {}
    return once_per_request("clauses", revision, clause_summaries)


def revision_window(revision: Revision) -> WindowState:
    return once_per_request("window", revision, window_state)


def summary_helpers() -> dict:
    return {"revision_comments": revision_comments, "revision_window": revision_window}
