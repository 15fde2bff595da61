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
    compare = client.get("/policies/guidelines/compare/1/2?lang=fr", follow_redirects=True)
    assert compare.request.path == "/policies/guidelines/compare/1/2/in/fr"
    assert "/policies/guidelines/compare/1/2/in/fr?mode=side&lang=fr" in hrefs(
        compare.get_data(as_text=True)
    )
    source = client.get("/policies/guidelines/compare/1/2?lang=en").get_data(as_text=True)
    assert '<input type="hidden" name="lang" value="en">' in source
    assert f"/policies/guidelines/clauses/{key}/history?lang=en" in hrefs(source)
    picked = client.get("/policies/guidelines/compare?old=1&new=2&lang=fr")
    assert picked.headers["Location"].endswith("lang=fr")
    report = client.get("/policies/guidelines/revisions/1/report?lang=fr").get_data(as_text=True)
    assert f"/policies/guidelines/revisions/1/clauses/{key}/comments?lang=fr" in hrefs(report)


def test_a_thread_refuses_an_unknown_language(client, in_french):
    key = purpose_key(in_french)
    thread = f"/policies/guidelines/revisions/1/clauses/{key}/comments"
    assert client.get(thread + "?lang=klingon-xx").status_code == 404


@pytest.fixture
def two_revisions(in_french, create_revision):
    changed = DOCUMENT.replace("a *friendly* place", "a *kind* place")
    return in_french, create_revision(in_french.policy, changed, summary="Second")


def test_compare_in_a_reading_language_is_the_translated_redline(client, two_revisions):
    response = client.get("/policies/guidelines/compare/1/2?lang=fr&mode=side")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/policies/guidelines/compare/1/2/in/fr?")
    assert "mode=side" in response.headers["Location"]
    translated = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "amical" in translated


@pytest.mark.parametrize("lang", ["", "en", "EN"])
def test_compare_in_the_source_language_stays(client, two_revisions, lang):
    response = client.get(f"/policies/guidelines/compare/1/2?lang={lang}")
    assert response.status_code == 200
    assert "amical" not in response.get_data(as_text=True)


def test_pages_refuse_an_unknown_reading_language_as_threads_do(client, two_revisions):
    key = purpose_key(two_revisions[0])
    for page in (
        "/policies/guidelines/compare/1/2",
        f"/policies/guidelines/clauses/{key}/history",
        "/policies/guidelines/revisions/1/report",
    ):
        client.get(page)  # a warm report must not answer for an unknown language
        response = client.get(page + "?lang=klingon-xx")
        assert response.status_code == 404, page
        assert "klingon-xx" in response.get_data(as_text=True)


def test_history_shows_each_version_in_the_reading_language(client, two_revisions):
    key = purpose_key(two_revisions[0])
    history = f"/policies/guidelines/clauses/{key}/history"
    html = client.get(history + "?lang=fr").get_data(as_text=True)
    # Revision 1 is translated; revision 2 carries the translation over, marked outdated.
    assert html.count('<div class="clause-body" lang="fr" dir="ltr"><p>Nous voulons un') == 2
    assert html.count("This translation is outdated: the original has changed since.") == 1
    assert "Not translated yet" not in html
    assert f"{history}?lang=en" in hrefs(html)  # the source, one click away
    source = client.get(history + "?lang=en").get_data(as_text=True)
    assert "amical" not in source


def test_history_in_a_language_redlines_each_retranslation(
    client, two_revisions, create_translator, translate
):
    first, second = two_revisions
    key = purpose_key(first)
    translate(
        create_translator("francine", "fr"),
        second,
        key,
        "Nous voulons un lieu *bienveillant*.",
        "Objet",
        "fr",
    )
    html = client.get(f"/policies/guidelines/clauses/{key}/history?lang=fr").get_data(as_text=True)
    second_entry = html.split('id="revision-2"')[1].split('id="revision-1"')[0]
    assert '<div class="clause-body redline" lang="fr" dir="ltr">' in second_entry
    assert re.search(r"<del[^>]*>[^<]*amical", second_entry)
    assert re.search(r"<ins[^>]*>[^<]*bienveillant", second_entry)
    assert "This translation is outdated" not in second_entry


def test_history_in_an_untranslated_language_is_the_source_marked(
    client, in_french, create_revision
):
    create_revision(in_french.policy, DOCUMENT.replace("a *friendly* place", "a *kind* place"))
    key = purpose_key(in_french)
    html = client.get(f"/policies/guidelines/clauses/{key}/history?lang=de").get_data(as_text=True)
    assert html.count("Not translated yet: shown in English.") == 2
    assert "amical" not in html


def test_history_in_a_language_is_one_query_for_the_translations(
    client, two_revisions, count_queries
):
    key = purpose_key(two_revisions[0])
    history = f"/policies/guidelines/clauses/{key}/history"
    with count_queries() as source:
        client.get(history)
    with count_queries() as french:
        client.get(history + "?lang=fr")
    assert len(french) <= len(source) + 1


def test_the_report_titles_clauses_in_the_reading_language(client, in_french):
    report = "/policies/guidelines/revisions/1/report"
    html = client.get(report + "?lang=fr").get_data(as_text=True)
    assert '<bdi lang="fr" dir="ltr">Objet</bdi>' in html
    assert f"{report}?lang=en" in hrefs(html)
    # The cached content of one reading language is never served for another.
    assert "Objet" not in client.get(report).get_data(as_text=True)
    assert "Objet" not in client.get(report + "?lang=en").get_data(as_text=True)
    assert "Objet" in client.get(report + "?lang=fr").get_data(as_text=True)
