"""Comparisons of published revisions kept in the database (consult.redline.stored): written
at publish, read by another process, never read under another format or for other keys."""

import pytest
import sqlalchemy as sa

import drafts
import drafts.stored
from consult import create_app
from consult.backup.schema import tables
from consult.extensions import db
from consult.policies.models import Revision
from consult.redline import services
from consult.redline.stored import StoredComparison
from tests.redline.test_comparison_cache import change_ids, twins  # noqa: F401 (fixture)


def stored_pairs() -> set[tuple[int, int]]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(StoredComparison.old_revision_id, StoredComparison.new_revision_id)
    )
    return {tuple(row) for row in rows}


@pytest.fixture
def other_process(app):
    """Another app on the same database: what a new process starts with."""
    other = create_app(app.config)
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def computations(monkeypatch) -> list[tuple[int, int]]:
    """Every comparison computed from now on, as (old id, new id)."""
    calls: list[tuple[int, int]] = []
    original = services.compute_comparison

    def counting(old, new):
        calls.append((old.id, new.id))
        return original(old, new)

    monkeypatch.setattr(services, "compute_comparison", counting)
    return calls


def test_publishing_stores_the_comparison_with_the_previous_revision(twins):  # noqa: F811
    plain, renamed = twins
    pairs = {(old.id, new.id) for old, new in _consecutive(plain) + _consecutive(renamed)}
    assert stored_pairs() == pairs


def _consecutive(policy) -> list[tuple[Revision, Revision]]:
    revisions = sorted(policy.revisions, key=lambda revision: revision.number)
    return list(zip(revisions, revisions[1:]))


def test_another_process_reads_the_stored_comparison(other_process, twins, computations):  # noqa: F811
    plain, _ = twins
    old, new = sorted(plain.revisions, key=lambda revision: revision.number)
    expected = services.compute_comparison(old, new)
    computations.clear()
    with other_process.app_context():
        old, new = db.session.get(Revision, old.id), db.session.get(Revision, new.id)
        assert services.compare_revisions(old, new) == expected
        assert len(services.published_comparisons()) == 1
    assert computations == []


def test_a_page_of_a_new_process_shows_each_pair_with_its_own_keys(
    other_process,
    twins,  # noqa: F811
    computations,
):
    other = other_process.test_client()
    assert change_ids(other.get("/policies/plain/compare/1/2").get_data(as_text=True)) == {
        "purpose",
        "scope",
    }
    renamed = other.get("/policies/renamed/compare/2/3").get_data(as_text=True)
    assert change_ids(renamed) == {"aims", "range"}
    assert "/policies/renamed/clauses/aims/history" in renamed
    assert computations == []


def test_another_format_is_computed_again_and_stored_beside(
    client,
    twins,  # noqa: F811
    computations,
    monkeypatch,
):
    monkeypatch.setattr(drafts, "COMPARISON_FORMAT", "consult-comparison next")
    services.published_comparisons().clear()
    assert client.get("/api/v1/policies/plain/compare/1/2").status_code == 200
    assert len(computations) == 1
    formats = db.session.scalars(sa.select(StoredComparison.format_version).distinct())
    assert "consult-comparison next" in set(formats)
    services.published_comparisons().clear()
    client.get("/api/v1/policies/plain/compare/1/2")
    assert len(computations) == 1  # stored under the new format now


def test_a_pair_compared_later_is_stored_when_its_page_commits(client, twins, computations):  # noqa: F811
    _, renamed = twins
    first, _, third = sorted(renamed.revisions, key=lambda revision: revision.number)
    assert (first.id, third.id) not in stored_pairs()
    assert client.get("/policies/renamed/compare/1/3").status_code == 200
    assert (first.id, third.id) in stored_pairs()
    services.published_comparisons().clear()
    client.get("/policies/renamed/compare/1/3")
    assert computations == [(first.id, third.id)]


def test_a_row_for_other_texts_is_not_read(app, twins, computations):  # noqa: F811
    plain, _ = twins
    old, new = sorted(plain.revisions, key=lambda revision: revision.number)
    db.session.execute(
        sa.update(StoredComparison)
        .where(StoredComparison.old_revision_id == old.id)
        .values(new_hash="0" * 64)
    )
    db.session.commit()
    services.published_comparisons().clear()
    services.compare_revisions(old, new)
    assert computations == [(old.id, new.id)]
    result = app.test_cli_runner().invoke(args=["drafts", "prune-renderings"])
    assert "Pruned 1 stored comparisons." in result.output


def test_pruning_drops_other_formats(app, twins):  # noqa: F811
    plain, _ = twins
    old, new = sorted(plain.revisions, key=lambda revision: revision.number)
    db.session.add(
        StoredComparison(
            old_revision_id=old.id,
            new_revision_id=new.id,
            format_version="consult-comparison 0",
            old_hash=old.content_hash,
            new_hash=new.content_hash,
            data="{}",
        )
    )
    db.session.commit()
    before = stored_pairs()
    result = app.test_cli_runner().invoke(args=["drafts", "prune-renderings"])
    assert result.exit_code == 0, result.output
    assert "Pruned 1 stored comparisons." in result.output
    assert stored_pairs() == before


def test_backups_leave_the_stored_comparisons_out():
    assert "stored_comparisons" not in {table.name for table in tables()}
