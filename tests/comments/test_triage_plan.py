"""A page of the triage list is read from an index in the order of its sort, and stops after a
page: with a hundred thousand comments, sorting all of a policy's comments for each page made
the unfiltered page take 210 ms on PostgreSQL (bench/triage.py)."""

import pytest
import sqlalchemy as sa

from consult.comments.sieve import TriageFilters, page_query
from consult.comments.threads import FOR_DISPLAY
from consult.extensions import db
from consult.policies.models import Policy


def plan_of(query: sa.Select) -> str:
    """The database's plan for `query`; PostgreSQL is told to avoid sorting when it can, since
    the tests' tables are too small for its costs to prefer an index by themselves."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text("SET LOCAL enable_sort = off"))
        lines = db.session.execute(sa.text("EXPLAIN " + compiled(query))).scalars()
    else:
        lines = (
            row[-1] for row in db.session.execute(sa.text("EXPLAIN QUERY PLAN " + compiled(query)))
        )
    return "\n".join(lines)


def compiled(query: sa.Select) -> str:
    return str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))


@pytest.mark.parametrize("sort", ["newest", "oldest", "endorsed"])
def test_a_page_is_read_in_the_order_of_its_sort(app, commentable, sort):
    policy = db.session.get_one(Policy, commentable.policy_id)
    filters = TriageFilters.from_args({"sort": sort})
    plan = plan_of(page_query(policy, filters, FOR_DISPLAY).limit(50))
    db.session.rollback()
    index = "ix_comments_policy_endorsed" if sort == "endorsed" else "ix_comments_policy_newest"
    assert index in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan  # SQLite's sort
    assert "Sort" not in plan  # PostgreSQL's
