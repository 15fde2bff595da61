"""Reading: home, policy page, revision picker, history, hash, Markdown download, JSON."""

import hashlib

import drafts
from tests.factories import DOCUMENT


def test_home_lists_published_policies_only_to_the_public(
    client, auth, create_policy, create_revision
):
    create_revision(create_policy("open", "Open policy"))
    create_revision(create_policy("hidden", "Hidden policy"), publish=False)
    page = client.get("/").get_data(as_text=True)
    assert "Open policy" in page and "Hidden policy" not in page
    auth.login()
    page = client.get("/").get_data(as_text=True)
    assert "Hidden policy" in page and "Draft" in page


def test_policy_page_shows_toc_numbers_anchors_history_and_hash(client, published):
    page = client.get("/policies/guidelines").get_data(as_text=True)
    assert 'id="clause-purpose"' in page and 'href="#clause-purpose"' in page
    assert '<span class="num">2.1</span>' in page
    assert "<em>friendly</em>" in page
    assert "Revision history" in page and "First" in page and "Sam Staff" in page
    assert published.content_hash in page


def test_drafts_are_for_staff_only(client, auth, draft):
    assert client.get("/policies/guidelines/revisions/2").status_code == 404
    assert client.get("/api/v1/policies/guidelines/revisions/2").status_code == 404
    assert client.get("/policies/guidelines/revisions/2.md").status_code == 404
    auth.login()
    assert client.get("/policies/guidelines/revisions/2").status_code == 200
    assert client.get("/api/v1/policies/guidelines/revisions/2").json["state"] == "draft"


def test_unpublished_policy_is_404_for_the_public(client, create_policy, create_revision):
    create_revision(create_policy(), publish=False)
    assert client.get("/policies/guidelines").status_code == 404


def test_revision_picker_redirects(client, published):
    response = client.get("/policies/guidelines/revisions?number=1")
    assert response.status_code == 302 and response.location.endswith(
        "/policies/guidelines/revisions/1"
    )


def test_api_policy_shape(client, published):
    data = client.get("/api/v1/policies/guidelines").json
    assert data["number"] == 1 and data["state"] == "published"
    assert data["content_hash"] == published.content_hash
    assert data["published_at"].startswith(str(published.published_at.year))
    assert [c["key"] for c in data["clauses"]][:3] == ["preamble", "purpose", "behaviour"]
    assert set(data["clauses"][1]) >= {"key", "number", "heading", "body", "hash"}


def test_content_hash_is_verifiable_from_the_json(client, published):
    data = client.get("/api/v1/policies/guidelines/revisions/1").json
    lines = [drafts.normalise(data["title"])]
    lines += [f"{c['level']}:{c['hash']}" for c in data["clauses"]]
    assert hashlib.sha256("\n".join(lines).encode()).hexdigest() == data["content_hash"]


def test_markdown_download_round_trips(client, published):
    response = client.get("/policies/guidelines/revisions/1.md")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    document = drafts.parse_document(response.get_data(as_text=True))
    assert document.content_hash == published.content_hash
    assert document.content_hash == drafts.parse_document(DOCUMENT).content_hash


def test_policy_page_query_count_does_not_grow_with_clauses(
    client, create_policy, create_revision, count_queries
):
    small = create_revision(create_policy("small", "Small"))
    big_text = DOCUMENT + "".join(f"\n## Section {i}\n\nText {i}.\n" for i in range(60))
    create_revision(create_policy("big", "Big"), big_text)
    slug = small.policy.slug
    with count_queries() as few:
        client.get(f"/policies/{slug}")
    with count_queries() as many:
        client.get("/policies/big")
    assert len(few) == len(many), "\n".join(few) + "\n-----\n" + "\n".join(many)


def test_the_policy_speaks_its_language_inside_a_page_in_the_interface_language(client, published):
    html = client.get("/policies/guidelines", headers={"Accept-Language": "ar"}).get_data(
        as_text=True
    )
    assert '<html lang="ar" dir="rtl">' in html and '<article class="policy">' in html
    assert '<h1 lang="en" dir="ltr">Community Guidelines</h1>' in html
    assert html.count('<div class="clause-body" lang="en" dir="ltr">') == len(published.clauses)
    assert '<bdi lang="en" dir="ltr">Purpose</bdi>' in html
    assert '<section class="clause" id="clause-purpose" aria-labelledby="heading-purpose">' in html
