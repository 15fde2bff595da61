"""The reading language follows the reader: the draft opens in the interface language when
it is translated into it, and a chosen `?lang=` goes along to threads, history, compare and
the report; a thread shows its clause in the reader's language, the source one click away."""

import re

import pytest

from consult.translating.reading import requested_language
from tests.factories import DOCUMENT

PAGE = "/policies/guidelines/revisions/1"
PURPOSE = "Nous voulons un lieu *amical*."


@pytest.fixture
def in_french(published, create_translator, translate):
    """Revision 1 with its "Purpose" clause translated into French."""
    france = create_translator("france", "fr")
    key = purpose_key(published)
    translate(france, published, key, PURPOSE, "Objet", "fr")
    return published


def purpose_key(revision) -> str:
    return next(c.key for c in revision.clauses if c.heading == "Purpose")


def hrefs(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]


@pytest.mark.parametrize(
    ("asked", "interface", "read"),
    [
        (None, "fr", "fr"),  # the interface language, translated
        (None, "de", None),  # not translated: the source
        (None, "en", None),  # the source language itself
        ("", "fr", None),  # the original, chosen
        ("en", "fr", "en"),  # the source tag, chosen (reading_of makes it the source)
        ("fr", "de", "fr"),  # ?lang= beats the interface
        (None, "fr_CA", "fr"),  # a regional interface reads the language's translation
    ],
)
def test_which_language_a_revision_is_read_in(app, in_french, asked, interface, read):
    assert requested_language(in_french, asked, interface) == read


def test_the_draft_follows_the_interface_language(client, in_french):
    html = client.get(PAGE, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "un lieu <em>amical</em>" in html
    assert f'href="{PAGE}?lang=en"' in html  # one click to the source text


def test_an_explicit_language_beats_the_interface(client, in_french):
    html = client.get(PAGE + "?lang=en", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "amical" not in html
    assert "a <em>friendly</em> place" in html


def test_links_carry_the_chosen_language(client, in_french):
    html = client.get(PAGE + "?lang=fr").get_data(as_text=True)
    key = purpose_key(in_french)
    links = hrefs(html)
    assert f"/policies/guidelines/revisions/1/clauses/{key}/comments?lang=fr" in links
    assert f"/policies/guidelines/clauses/{key}/history?lang=fr" in links
    assert "/policies/guidelines/revisions/1/report?lang=fr" in links


def test_a_thread_shows_its_clause_in_the_reading_language(client, in_french):
    key = purpose_key(in_french)
    thread = f"/policies/guidelines/revisions/1/clauses/{key}/comments"
    html = client.get(thread + "?lang=fr").get_data(as_text=True)
    assert "un lieu <em>amical</em>" in html
    assert '<section class="clause" lang="fr" dir="ltr">' in html
    assert f"{thread}?lang=en" in hrefs(html)  # the source, one click away
    assert "/policies/guidelines/revisions/1?lang=fr#clause-" + key in hrefs(html)
    source = client.get(thread + "?lang=en", headers={"Accept-Language": "fr"})
    assert "a <em>friendly</em> place" in source.get_data(as_text=True)


def test_a_thread_follows_the_interface_language(client, in_french):
    key = purpose_key(in_french)
    thread = f"/policies/guidelines/revisions/1/clauses/{key}/comments"
    html = client.get(thread, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "un lieu <em>amical</em>" in html


def test_history_compare_and_report_keep_the_language(client, in_french, create_revision):
    changed = DOCUMENT.replace("a *friendly* place", "a *kind* place")
    create_revision(in_french.policy, changed, summary="Second")
    key = purpose_key(in_french)
    history = client.get(f"/policies/guidelines/clauses/{key}/history?lang=fr")
    assert "/policies/guidelines/compare/1/2?lang=fr#change-" + key in hrefs(
        history.get_data(as_text=True)
    )
    compare = client.get("/policies/guidelines/compare/1/2?lang=fr").get_data(as_text=True)
    assert '<input type="hidden" name="lang" value="fr">' in compare
    assert f"/policies/guidelines/clauses/{key}/history?lang=fr" in hrefs(compare)
    picked = client.get("/policies/guidelines/compare?old=1&new=2&lang=fr")
    assert picked.headers["Location"].endswith("lang=fr")
    report = client.get("/policies/guidelines/revisions/1/report?lang=fr").get_data(as_text=True)
    assert f"/policies/guidelines/revisions/1/clauses/{key}/comments?lang=fr" in hrefs(report)


def test_a_thread_refuses_an_unknown_language(client, in_french):
    key = purpose_key(in_french)
    thread = f"/policies/guidelines/revisions/1/clauses/{key}/comments"
    assert client.get(thread + "?lang=klingon-xx").status_code == 404
