"""The comparison cache: a comparison carries clause keys, so equal texts with other keys are
another comparison."""

import re

import pytest

from consult import create_app
from consult.redline import services

FIRST = """# Guidelines

## Purpose

We want a friendly place for everyone who takes part.

## Scope

These guidelines apply in every space the project runs.
"""

SECOND = FIRST.replace("friendly place", "kind and friendly place")
# The same bodies under other headings: imported first, these clauses keep their keys when
# renamed to FIRST's headings, so the policy ends up with FIRST's and SECOND's texts under
# other keys.
EARLIER = FIRST.replace("## Purpose", "## Aims").replace("## Scope", "## Range")


@pytest.fixture
def twins(create_policy, create_revision):
    """Two policies whose revisions 1→2 and 2→3 hold the same texts under different keys."""
    plain = create_policy("plain", "Guidelines")
    for text in (FIRST, SECOND):
        create_revision(plain, text)
    renamed = create_policy("renamed", "Guidelines")
    for text in (EARLIER, FIRST, SECOND):
        create_revision(renamed, text)
    return plain, renamed


def change_ids(page: str) -> set[str]:
    return set(re.findall(r'id="change-([^"]+)"', page))


def test_equal_texts_under_other_keys_get_their_own_keys_on_the_page(client, twins):
    plain = client.get("/policies/plain/compare/1/2").get_data(as_text=True)
    assert change_ids(plain) == {"purpose", "scope"}
    renamed = client.get("/policies/renamed/compare/2/3").get_data(as_text=True)
    assert change_ids(renamed) == {"aims", "range"}
    assert "/policies/renamed/clauses/aims/history" in renamed
    assert "/policies/renamed/clauses/purpose/history" not in renamed


def test_equal_texts_under_other_keys_get_their_own_keys_in_the_json(client, twins):
    plain = client.get("/api/v1/policies/plain/compare/1/2").json
    assert [item["new"]["key"] for item in plain["clauses"]] == ["purpose", "scope"]
    renamed = client.get("/api/v1/policies/renamed/compare/2/3").json
    assert [item["new"]["key"] for item in renamed["clauses"]] == ["aims", "range"]
    assert renamed["summary"] == plain["summary"]


def test_the_same_pair_is_still_computed_once(client, twins, monkeypatch):
    """Once, at publish: the pages read it from this process or from the database."""
    calls = []
    original = services.compute_comparison
    monkeypatch.setattr(
        services, "compute_comparison", lambda old, new: calls.append(1) or original(old, new)
    )
    for _ in range(2):
        services.published_comparisons().clear()
        client.get("/api/v1/policies/plain/compare/1/2")
        client.get("/api/v1/policies/renamed/compare/2/3")
    assert calls == []


def test_each_app_keeps_its_own_comparisons(app, client, twins):
    """An app serves one database, where a revision id names one text: another app (another
    database, with the same ids for other texts) starts with no comparison."""
    services.published_comparisons().clear()
    client.get("/api/v1/policies/plain/compare/1/2")
    assert len(services.published_comparisons()) == 1
    other = create_app({**app.config, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with other.app_context():
        assert len(services.published_comparisons()) == 0
