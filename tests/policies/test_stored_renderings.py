"""Rendered clause HTML kept in the database: stored at publish, read in one query per page,
made again under a new renderer, and enough for a first view in a fresh process."""

import pytest
import sqlalchemy as sa

import drafts
import drafts.render as render_module
from consult.backup.schema import tables
from consult.extensions import db
from consult.markup import comment_html
from consult.redline import services
from consult.redline.render import forget_sources
from consult.renderings import RenderedHtml, prefetch, save_missed
from tests.factories import DOCUMENT

EDITED = DOCUMENT.replace("Do not harass anyone.", "Do not harass or threaten anyone.")


@pytest.fixture
def two_revisions(create_policy, create_revision):
    policy = create_policy()
    create_revision(policy)
    create_revision(policy, EDITED, summary="Second")
    return policy


@pytest.fixture
def renders(monkeypatch):
    """Every Markdown text the renderer is asked to render, from now on."""
    calls: list[str] = []
    original = render_module._rendering

    def counting(text):
        rendering = original(text)
        return lambda *args: calls.append(text) or rendering(*args)

    monkeypatch.setattr(render_module, "_rendering", counting)
    return calls


def forget_in_process(app) -> None:
    """What a new process does not have: comparisons, rendered texts, redline sources."""
    services.published_comparisons().clear()
    drafts.forget_renderings()
    forget_sources()


def stored_keys() -> set[tuple[str, str, str]]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(RenderedHtml.text_hash, RenderedHtml.profile, RenderedHtml.renderer_version)
    )
    return {tuple(row) for row in rows}


def rendering_queries(statements: list[str]) -> list[str]:
    return [statement for statement in statements if "rendered_html" in statement]


def test_publishing_stores_the_reading_page(app, published):
    keys = stored_keys()
    for clause in published.clauses:
        body = (*drafts.rendering_key(clause.body), drafts.RENDERER_VERSION)
        assert body in keys
    stored = db.session.scalars(sa.select(RenderedHtml.html)).all()
    assert drafts.render_markdown(published.clauses[1].body) in stored


def test_publishing_stores_the_comparison_with_the_revision_before(two_revisions, client, renders):
    forget_in_process(client.application)
    page = client.get(f"/policies/{two_revisions.slug}/compare/1/2")
    assert page.status_code == 200 and "threaten" in page.get_data(as_text=True)
    assert renders == []


def test_a_draft_stores_nothing_until_it_is_published(create_policy, create_revision):
    create_revision(create_policy(), publish=False)
    assert stored_keys() == set()


@pytest.mark.parametrize("url", ["/policies/guidelines", "/policies/guidelines/compare/1/2"])
def test_a_page_reads_its_renderings_in_one_query(two_revisions, client, count_queries, url):
    forget_in_process(client.application)
    client.get(url)  # the comparison computed, the session warmed: only the renderings count
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    assert len(rendering_queries(statements)) == 1, rendering_queries(statements)


def test_a_first_view_in_a_fresh_process_renders_nothing(two_revisions, client, renders):
    for url in ("/policies/guidelines", "/policies/guidelines/compare/1/2?mode=side"):
        forget_in_process(client.application)
        assert client.get(url).status_code == 200
        assert renders == [], url


def test_what_a_page_missed_is_stored_for_the_next_process(two_revisions, client, renders):
    db.session.execute(sa.delete(RenderedHtml))
    db.session.commit()
    forget_in_process(client.application)
    client.get("/policies/guidelines")
    assert renders and stored_keys()
    renders.clear()
    forget_in_process(client.application)
    client.get("/policies/guidelines")
    assert renders == []


def test_a_new_renderer_version_renders_again(two_revisions, client, renders, monkeypatch):
    before = stored_keys()
    monkeypatch.setattr(drafts, "RENDERER_VERSION", drafts.RENDERER_VERSION + "; changed")
    forget_in_process(client.application)
    client.get("/policies/guidelines")
    assert renders
    added = stored_keys() - before
    assert added and {version for _, _, version in added} == {drafts.RENDERER_VERSION}


def test_the_same_text_is_stored_once(create_policy, create_revision):
    create_revision(create_policy())
    count = len(stored_keys())
    create_revision(create_policy("other", "Other"))
    # The same clauses in another policy: only texts that differ (none but headings shown
    # the same way) add rows.
    assert len(stored_keys()) == count


def test_what_readers_write_is_never_stored(two_revisions, app):
    """A comment may be edited, hidden or erased: no copy of it outlives that."""
    text = "A reader's *comment*, to be erased"
    with app.test_request_context():
        prefetch([])
        assert "<em>comment</em>" in comment_html(text)
        save_missed()
    stored_hashes = {text_hash for text_hash, _, _ in stored_keys()}
    assert drafts.rendering_key(text, drafts.COMMENT_PROFILE)[0] not in stored_hashes


def test_backups_leave_the_renderings_out():
    """They are made again from the clause texts; a backup holds only what cannot be."""
    assert "rendered_html" not in {table.name for table in tables()}
    assert "clauses" in {table.name for table in tables()}


def test_pruning_deletes_what_only_a_draft_showed(two_revisions, create_revision, client, auth):
    published = stored_keys()
    draft = create_revision(two_revisions, EDITED.replace("threaten", "intimidate"), publish=False)
    db.session.commit()
    auth.login()
    assert client.get(f"/policies/guidelines/compare/2/{draft.number}").status_code == 200
    previewed = stored_keys() - published
    assert previewed  # the draft's comparison was rendered and stored when the page committed
    result = client.application.test_cli_runner().invoke(args=["drafts", "prune-renderings"])
    assert result.exit_code == 0, result.output
    assert f"Pruned {len(previewed)} stored renderings." in result.output
    assert stored_keys() == published


def test_pruning_keeps_every_published_page_and_drops_older_renderers(
    two_revisions, client, renders, monkeypatch
):
    db.session.add(
        RenderedHtml(text_hash="0" * 64, profile="clause", renderer_version="old", html="")
    )
    db.session.commit()
    published = stored_keys()
    result = client.application.test_cli_runner().invoke(args=["drafts", "prune-renderings"])
    assert "Pruned 1 stored renderings." in result.output
    assert stored_keys() == {key for key in published if key[2] != "old"}
    for url in ("/policies/guidelines", "/policies/guidelines/compare/1/2"):
        forget_in_process(client.application)
        assert client.get(url).status_code == 200
    assert renders == []
