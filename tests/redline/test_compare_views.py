"""Compare pages, clause history, download and JSON over real and hostile revisions."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from consult.redline import services
from tests.policies.test_xss import HEADINGS, PAYLOADS, problems


@pytest.fixture
def covenant(runner, shared_data):
    files = [str(shared_data / v / "en.md") for v in ("1.4", "2.0", "2.1")]
    result = runner.invoke(args=["drafts", "import", "covenant", *files, "--publish"])
    assert result.exit_code == 0, result.output
    return "covenant"


def section(page: str, key: str) -> str:
    match = re.search(rf'id="change-{re.escape(key)}".*?(?=id="change-|\Z)', page, re.S)
    assert match, key
    return match.group(0)


def test_2_0_to_2_1_marks_only_real_word_changes(client, covenant):
    page = client.get("/policies/covenant/compare/2/3").get_data(as_text=True)
    pledge = section(page, "our-pledge")
    assert "caste, color," in re.sub(
        r"<[^>]+>", "", re.search(r"<ins>.*?</ins>", pledge, re.S).group(0)
    )
    assert "<del>" not in pledge
    scope = section(page, "scope")
    assert scope.lstrip().startswith('id="change-scope"') and "<details" in page
    assert "<ins>" not in scope and "<del>" not in scope


def test_1_4_to_2_0_reports_rename_and_additions(client, covenant):
    data = client.get("/api/v1/policies/covenant/compare/1/2").json
    by_heading = {(c["new"] or c["old"])["heading"]: c for c in data["clauses"]}
    renamed = by_heading["Enforcement Responsibilities"]
    assert renamed["old"]["heading"] == "Our Responsibilities"
    assert {"renamed", "modified"} <= set(renamed["changes"])
    for heading in [
        "Enforcement Guidelines",
        "1. Correction",
        "2. Warning",
        "3. Temporary Ban",
        "4. Permanent Ban",
    ]:
        assert by_heading[heading]["kind"] == "added"
    assert data["summary"]["added"] == 5 and data["summary"]["renamed"] >= 1
    page = client.get("/policies/covenant/compare/1/2").get_data(as_text=True)
    assert "Renamed" in page and "Added" in page
    titles = re.findall(r'<h3 id="title-[^"]+" class="compared-title">(.*?)</h3>', page, re.S)
    renamed_title = next(title for title in titles if "Responsibilities" in title)
    assert re.search(r"<del>.*Our.*</del>", renamed_title) and re.search(
        r"<ins>.*Enforcement.*</ins>", renamed_title
    )
    collapsed = client.get("/policies/covenant/compare/2/3").get_data(as_text=True)
    summaries = re.findall(r"<summary>(.*?)</summary>", collapsed, re.S)
    assert summaries and not any("<ins>" in text or "<del>" in text for text in summaries)


def test_api_compare_shape(client, covenant):
    data = client.get("/api/v1/policies/covenant/compare/2/3").json
    assert data["from"] == 2 and data["to"] == 3
    assert set(data["summary"]) >= {
        "modified",
        "added",
        "removed",
        "moved",
        "words_added",
        "words_removed",
    }
    first = data["clauses"][0]
    assert set(first) >= {"kind", "old", "new", "ops", "words_added", "words_removed"}
    assert all(op[0] in {"equal", "insert", "delete"} for c in data["clauses"] for op in c["ops"])


def test_side_by_side_and_inline_modes(client, covenant):
    side = client.get("/policies/covenant/compare/2/3?mode=side").get_data(as_text=True)
    assert 'class="side-by-side"' in side
    inline = client.get("/policies/covenant/compare/2/3").get_data(as_text=True)
    assert 'class="side-by-side"' not in inline
    assert client.get("/policies/covenant/compare/2/3?mode=bogus").status_code == 404


def test_changes_since_previous_link(client, covenant):
    page = client.get("/policies/covenant").get_data(as_text=True)
    assert "/policies/covenant/compare/2/3" in page and "/policies/covenant/compare/1/2" in page


def test_clause_history(client, covenant):
    page = client.get("/policies/covenant/clauses/our-pledge/history").get_data(as_text=True)
    assert page.count('class="history-entry"') == 3
    assert "<ins>" in page
    assert (
        '<a href="/policies/covenant/compare/2/3#change-our-pledge">Changes from revision 2 to 3</a>'
        in page
    )
    assert client.get("/policies/covenant/clauses/nope/history").status_code == 404


def test_download_is_self_contained(client, covenant):
    response = client.get("/policies/covenant/compare/2/3/download")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    html = response.get_data(as_text=True)
    assert "<style>" in html and "<link" not in html and "<script" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html.split("</head>")[0])
    assert "caste, color," in html
    assert re.search(r"Changes from revision 2 to 3 · <time", html)


def test_published_pairs_are_computed_once(client, covenant, monkeypatch):
    calls = []
    original = services.compute_comparison
    monkeypatch.setattr(
        services, "compute_comparison", lambda old, new: calls.append(1) or original(old, new)
    )
    services.published_comparisons().clear()
    for _ in range(3):
        assert client.get("/api/v1/policies/covenant/compare/1/3").status_code == 200
    assert len(calls) == 1


def test_drafts_are_never_cached_and_hidden_from_the_public(client, auth, draft, staff):
    assert client.get("/policies/guidelines/compare/1/2").status_code == 404
    auth.login()
    before = len(services.published_comparisons())
    assert client.get("/policies/guidelines/compare/1/2").status_code == 200
    assert len(services.published_comparisons()) == before


def test_publish_page_previews_the_redline(client, auth, draft):
    auth.login()
    client.post(
        "/policies/guidelines/revisions/2/clauses/purpose/edit",
        data={
            "heading": "Purpose",
            "level": "2",
            "body": "We want a *calm* place.",
            "version": "1",
        },
    )
    page = client.get("/policies/guidelines/revisions/2/publish").get_data(as_text=True)
    assert "Changes against revision 1" in page and "<ins>" in page and "calm" in page


@pytest.fixture
def hostile_pair(create_policy, create_revision):
    policy = create_policy()
    create_revision(policy, "# T\n\n## A\n\nsafe text\n\n## " + PAYLOADS[0] + "\n\nx\n")
    body = "\n\n".join(PAYLOADS)
    create_revision(
        policy,
        f"# T\n\n## A\n\nsafe text\n\n{body}\n\n## {PAYLOADS[1]}\n\n{body}\n",
        summary="Hostile",
    )
    return policy


@pytest.mark.parametrize(
    "url",
    [
        "/policies/guidelines/compare/1/2",
        "/policies/guidelines/compare/1/2?mode=side",
        "/policies/guidelines/compare/2/1",
        "/policies/guidelines/compare/1/2/download",
        "/policies/guidelines/clauses/a/history",
    ],
)
def test_hostile_text_is_inert_in_every_redline_view(client, hostile_pair, url):
    response = client.get(url)
    assert response.status_code == 200
    assert problems(response.get_data(as_text=True)) == []


def test_markdown_structure_survives_the_redline(client, published, create_revision):
    create_revision(
        published.policy,
        "# Community Guidelines\n\n## Purpose\n\nWe want a calm and *kind* place, see "
        "[the rules](https://example.org/rules).\n\n- first item\n- new item\n",
        summary="Second",
    )
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    purpose = section(page, "purpose")
    text = re.sub(r"<[^>]+>", "", purpose)
    assert "*" not in text and "](" not in text
    assert re.search(r"<em><ins>kind</ins></em>|<ins><em>kind</em></ins>", purpose)
    assert re.search(r"<em><del>friendly</del></em>|<del><em>friendly</em></del>", purpose)
    assert '<a href="https://example.org/rules"' in purpose and "<li>" in purpose


PREAMBLE = """# Community Guidelines

Welcome to {place}.

## Purpose

We want a *friendly* place.
"""


@pytest.mark.parametrize("place", ["the garden", "our garden"])
def test_the_text_before_the_first_heading_is_titled_introduction(
    client, create_policy, create_revision, place
):
    policy = create_policy()
    create_revision(policy, PREAMBLE.format(place="the garden"))
    create_revision(policy, PREAMBLE.format(place=place), summary="Second")
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    title = re.search(r"<(summary|h3)[^>]*>(.*?)</\1>", section(page, "preamble"), re.S)
    assert "Introduction" in title.group(2)


def test_the_history_of_the_introduction_is_titled(client, create_policy, create_revision):
    policy = create_policy()
    create_revision(policy, PREAMBLE.format(place="the garden"))
    create_revision(policy, PREAMBLE.format(place="our garden"), summary="Second")
    page = client.get("/policies/guidelines/clauses/preamble/history").get_data(as_text=True)
    titles = re.findall(r"<h3>(.*?)</h3>", page, re.S)
    assert len(titles) == 2 and all("Introduction" in title for title in titles)


def test_a_clause_only_renumbered_says_so_where_it_is_collapsed(client, published, create_revision):
    from tests.factories import DOCUMENT

    text = DOCUMENT.replace("## Behaviour", "## Scope\n\nEveryone who takes part.\n\n## Behaviour")
    create_revision(published.policy, text, summary="Scope")
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    reporting = section(page, "reporting")
    summary = re.search(r"<summary>(.*?)</summary>", reporting, re.S).group(1)
    assert "Unchanged" in summary and "was 3, now 4" in summary
    assert "was" not in re.search(
        r"<summary>(.*?)</summary>", section(page, "purpose"), re.S
    ).group(1)
    history = client.get("/policies/guidelines/clauses/reporting/history").get_data(as_text=True)
    second = re.search(r'id="revision-2".*?</li>', history, re.S).group(0)
    assert re.search(r"Unchanged\. <span[^>]*>was 3, now 4</span>", second)


def test_the_history_page_speaks_the_interface_language_around_the_clause(
    client, published, create_revision
):
    from tests.factories import DOCUMENT

    create_revision(
        published.policy, DOCUMENT.replace("Be kind.", "Be kind and patient."), summary="2"
    )
    html = client.get(
        "/policies/guidelines/clauses/expected/history", headers={"Accept-Language": "ar"}
    ).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and '<article class="clause-history">' in html
    bodies = re.findall(r'class="clause-body[^"]*"( lang="en" dir="ltr")?', html)
    assert len(bodies) == 2 and all(bodies)
    assert re.search(r'<h1>[^<]*<bdi lang="en" dir="ltr">Expected</bdi></h1>', html)


def change_ids(page: str) -> list[str]:
    """The ids of the changed clauses' sections, in page order."""
    return re.findall(r'<section class="compared changed[^"]*" id="change-([^"]+)"', page)


@pytest.mark.parametrize(
    "url",
    [
        "/policies/covenant/compare/1/2",
        "/policies/covenant/compare/1/2?mode=side",
        "/policies/covenant/compare/1/2/download",
    ],
)
def test_each_change_steps_to_its_neighbours_and_back_to_the_summary(client, covenant, url):
    page = client.get(url).get_data(as_text=True)
    keys = change_ids(page)
    assert len(keys) > 3 and 'id="summary-title"' in page
    for at, key in enumerate(keys):
        links = re.search(r'<p class="clause-links">(.*?)</p>', section(page, key), re.S).group(1)
        steps = re.findall(r'<a href="#change-([^"]+)">([^<]+)</a>', links)
        expected = ([(keys[at - 1], "Previous change")] if at else []) + (
            [(keys[at + 1], "Next change")] if at + 1 < len(keys) else []
        )
        assert steps == expected
        assert '<a href="#summary-title">Back to the summary</a>' in links
        # After the heading, not inside it: the link is no part of the heading's name.
        anchor = (
            f'</h3><a class="anchor" href="#change-{key}" aria-label="Link to this clause">#</a>'
        )
        assert anchor in section(page, key)


def test_the_download_lists_the_changes_like_the_page(client, covenant):
    page = client.get("/policies/covenant/compare/1/2").get_data(as_text=True)
    download = client.get("/policies/covenant/compare/1/2/download").get_data(as_text=True)
    jumps = re.compile(r'<ol class="jump-links">.*?</ol>', re.S)
    assert jumps.search(download).group(0) == jumps.search(page).group(0)
    assert re.findall(r'href="#change-([^"]+)"', jumps.search(page).group(0)) == change_ids(page)


def test_the_revision_pickers_date_each_published_revision(client, auth, draft):
    published = re.compile(
        r'<option value="1"( selected)?( data-content)?>1 · \w{3} \d{1,2}, \d{4}</option>'
    )
    assert published.search(client.get("/policies/guidelines/compare/1/1").get_data(as_text=True))
    auth.login()
    for url in ("/policies/guidelines/compare/1/2", "/policies/guidelines/revisions/2"):
        page = client.get(url).get_data(as_text=True)
        assert published.search(page), url
        assert re.search(r'<option value="2"( selected)?>2 \(draft\)</option>', page), url


def missing_anchors(page: str) -> set[str]:
    """In-page links whose target id the page does not have."""
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    return set(re.findall(r'href="#([^"]+)"', page)) - ids


@pytest.mark.parametrize(
    "url",
    [
        "/policies/covenant/compare/1/3",
        "/policies/covenant/compare/1/3?mode=side",
        "/policies/covenant/compare/1/3/download",
        "/policies/covenant/clauses/our-pledge/history",
    ],
)
def test_every_in_page_link_of_a_redline_view_has_its_target(client, covenant, url):
    page = client.get(url).get_data(as_text=True)
    assert 'href="#' in page and missing_anchors(page) == set()


def test_the_publish_preview_steps_through_its_changes(client, auth, draft):
    auth.login()
    for key, body in (("purpose", "We want a *calm* place."), ("behaviour", "Be kind, always.")):
        client.post(
            f"/policies/guidelines/revisions/2/clauses/{key}/edit",
            data={"heading": key.title(), "level": "2", "body": body, "version": "1"},
        )
    page = client.get("/policies/guidelines/revisions/2/publish").get_data(as_text=True)
    assert "Next change" in page and "Back to the summary" in page
    assert missing_anchors(page) == set()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(unescape(url)).query)


def test_every_unchanged_clause_opens_at_once_and_the_links_keep_it_open(client, covenant):
    page = client.get("/policies/covenant/compare/2/3").get_data(as_text=True)
    collapsed = re.findall(r'<details class="compared unchanged"[^>]*>', page)
    assert collapsed and not any(" open" in tag for tag in collapsed)
    toggle = re.search(r'<p class="unchanged-toggle">(.*?)</p>', page, re.S).group(1)
    assert f"{len(collapsed)} unchanged clauses are collapsed." in " ".join(toggle.split())
    show = re.search(r'<a href="([^"]+)">Show unchanged clauses in full</a>', toggle).group(1)
    assert query_of(show) == {"mode": ["inline"], "unchanged": ["open"]}

    opened = client.get(unescape(show)).get_data(as_text=True)
    tags = re.findall(r'<details class="compared unchanged"[^>]*>', opened)
    assert len(tags) == len(collapsed) and all(tag.endswith(" open>") for tag in tags)
    labels = r"Side by side|Download \(HTML\)|Collapse unchanged clauses"
    links = dict(re.findall(rf'<a href="([^"]+)"[^>]*>({labels})</a>', opened))
    by_label = {label: query_of(url) for url, label in links.items()}
    assert by_label["Side by side"] == {"mode": ["side"], "unchanged": ["open"]}
    assert by_label["Download (HTML)"] == {"mode": ["inline"], "unchanged": ["open"]}
    assert by_label["Collapse unchanged clauses"] == {"mode": ["inline"]}
    assert '<input type="hidden" name="unchanged" value="open">' in opened

    download = client.get("/policies/covenant/compare/2/3/download?unchanged=open").get_data(
        as_text=True
    )
    download_tags = re.findall(r'<details class="compared unchanged"[^>]*>', download)
    assert download_tags and all(tag.endswith(" open>") for tag in download_tags)
    picked = client.get("/policies/covenant/compare?old=1&new=3&mode=side&unchanged=open")
    assert query_of(picked.headers["Location"]) == {"mode": ["side"], "unchanged": ["open"]}


@pytest.fixture
def reporting_moved_first(published, create_revision):
    from tests.factories import DOCUMENT

    body = DOCUMENT.split("## Reporting")[0]
    moved = body.replace("## Purpose", "## Reporting\n\nWrite to the team.\n\n## Purpose")
    create_revision(published.policy, moved, summary="Reporting first")
    return published.policy


@pytest.mark.parametrize(
    "url",
    [
        "/policies/guidelines/compare/1/2",
        "/policies/guidelines/compare/1/2?mode=side",
        "/policies/guidelines/compare/1/2/download",
    ],
)
def test_a_moved_clause_is_marked_where_it_stood_and_each_place_links_to_the_other(
    client, reporting_moved_first, url
):
    page = client.get(url).get_data(as_text=True)
    order = re.findall(r'id="(change-[^"]+|moved-from-[^"]+)"', page)
    assert order == [
        "change-preamble",
        "change-reporting",
        "change-purpose",
        "change-behaviour",
        "change-expected",
        "change-unacceptable",
        "moved-from-reporting",
    ]
    mark = re.search(
        r'<p class="moved-away" id="moved-from-reporting">(.*?)</p>', page, re.S
    ).group(1)
    assert '<span class="num">3</span>' in mark and "Reporting" in mark
    assert '<a href="#change-reporting">Moved to 1</a>' in mark
    assert '<a href="#moved-from-reporting">Where it was</a>' in section(page, "reporting")
    assert missing_anchors(page) == set()


def test_the_publish_preview_marks_where_a_moved_clause_stood(client, auth, draft):
    auth.login()
    moved = client.post(
        "/policies/guidelines/revisions/2/clauses/reporting/move",
        data={"direction": "up", "structure_version": "1"},
    )
    assert moved.status_code == 302
    page = client.get("/policies/guidelines/revisions/2/publish").get_data(as_text=True)
    assert 'id="moved-from-' in page and missing_anchors(page) == set()


@pytest.mark.parametrize(
    "url",
    [
        "/policies/covenant/compare/1/3",
        "/policies/covenant/compare/1/3/download",
        "/policies/covenant/compare/1/3?mode=side",
    ],
)
def test_the_clauses_sit_under_their_own_heading_and_no_level_is_skipped(client, covenant, url):
    page = client.get(url).get_data(as_text=True)
    headings = [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", page, re.S)
    ]
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and all(
        later - earlier <= 1 for earlier, later in zip(levels, levels[1:])
    )
    h2s = [text for level, text in headings if level == 2]
    assert h2s[-1] == "Clause by clause"
    clauses_at = headings.index((2, "Clause by clause"))
    clause_titles = re.findall(r'<h3 id="title-', page)
    assert len(clause_titles) == len(headings) - clauses_at - 1


@pytest.fixture
def hostile_move(create_policy, create_revision):
    body = "\n\n".join(PAYLOADS)
    hostile = "".join(f"## {heading}\n\n{body}\n\n" for heading in HEADINGS)
    plain = "".join(f"## {name}\n\nText of {name}.\n\n" for name in "ABC")
    policy = create_policy()
    create_revision(policy, f"# T\n\n{plain}{hostile}## D\n\nText of D.\n")
    create_revision(policy, f"# T\n\n{hostile}{plain}## D\n\nText of D.\n", summary="Hostile first")
    return policy


@pytest.mark.parametrize(
    "url",
    [
        "/policies/guidelines/compare/1/2",
        "/policies/guidelines/compare/1/2?mode=side&unchanged=open",
        "/policies/guidelines/compare/1/2/download?unchanged=open",
    ],
)
def test_the_mark_a_moved_hostile_clause_leaves_is_inert(client, hostile_move, url):
    page = client.get(url).get_data(as_text=True)
    assert page.count('<p class="moved-away"') == len(HEADINGS)
    assert problems(page) == []
