"""Reading a revision in a language; the redline of a translation; acceptance 2 (Arabic)."""

import re

import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Revision
from consult.policies.services import find_policy
from drafts import parse_document

# A clause's section, up to the language of its text (the section itself speaks the interface's).
SECTION = re.compile(
    r'<section class="clause" id="clause-([\w-]+)".*?<div class="clause-body" lang="([\w-]+)" dir="(\w+)"',
    re.S,
)


def clause_languages(html: str) -> dict[str, tuple[str, str]]:
    return {key: (lang, direction) for key, lang, direction in SECTION.findall(html)}


def covenant_21(runner, shared_data) -> Revision:
    for version in ("2.0", "2.1"):
        result = runner.invoke(
            args=["drafts", "import", "covenant", str(shared_data / version / "en.md"), "--publish"]
        )
        assert result.exit_code == 0, result.output
    policy = find_policy("covenant")
    return db.session.scalar(
        sa.select(Revision).where(Revision.policy_id == policy.id, Revision.number == 2)
    )


def test_reading_21_in_arabic_marks_every_clause_with_its_language(
    client, runner, shared_data, create_translator, translate
):
    revision = covenant_21(runner, shared_data)
    arabic = parse_document((shared_data / "2.1" / "ar.md").read_text(encoding="utf-8")).clauses
    layla = create_translator("layla", "ar")
    translated = {revision.clauses[i].key for i in (0, 2, 5)}
    for i in (0, 2, 5):
        translate(layla, revision, revision.clauses[i].key, arabic[i].body, arabic[i].heading, "ar")
    response = client.get("/policies/covenant/revisions/2?lang=ar")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    languages = clause_languages(html)
    assert len(languages) == 11
    for key, attributes in languages.items():
        assert attributes == (("ar", "rtl") if key in translated else ("en", "ltr")), key
    assert arabic[2].heading in html
    # The language named in the interface's language, inside the interface's sentence.
    assert "27% translated into Arabic." in html
    assert html.count("Not translated yet") == 8


def test_source_reading_is_unchanged_without_a_language(client, published):
    html = client.get("/policies/guidelines/revisions/1").get_data(as_text=True)
    assert set(clause_languages(html).values()) == {("en", "ltr")}
    assert "Not translated yet" not in html


def test_unknown_language_is_404(client, published):
    assert client.get("/policies/guidelines?lang=not-a-language-at-all").status_code == 404


def test_a_right_to_left_source_read_in_a_left_to_right_language(
    client, create_policy, create_revision, greta, translate
):
    policy = create_policy("mithaq", "ميثاق", "ar")
    revision = create_revision(
        policy, "# ميثاق\n\n## الغرض\n\nمكان ودود.\n\n## النطاق\n\nالجميع.\n"
    )
    translate(greta, revision, revision.clauses[0].key, "Ein freundlicher Ort.", "Zweck")
    html = client.get("/policies/mithaq/revisions/1?lang=de").get_data(as_text=True)
    assert sorted(clause_languages(html).values()) == [("ar", "rtl"), ("de", "ltr")]


def republish(create_revision, policy, text: str, summary: str = "Next") -> Revision:
    return create_revision(policy, text, summary=summary)


EDITED = """# Community Guidelines

Welcome to the guidelines.

## Purpose

We want a *friendly* and calm place.

## Behaviour

### Expected

Be
kind.

### Unacceptable

Do not harass anyone.

## Reporting

Write to the team.
"""


def test_outdated_translation_is_shown_marked_with_a_link_to_the_source(
    client, published, greta, translate, create_revision
):
    translate(greta, published, "purpose", "Ein *freundlicher* Ort.", "Zweck")
    translate(greta, published, "expected", "Sei freundlich.", "Erwartet")
    second = republish(create_revision, published.policy, EDITED)
    html = client.get("/policies/guidelines/revisions/2?lang=de").get_data(as_text=True)
    assert clause_languages(html)["purpose"] == ("de", "ltr")
    assert html.count("translation-marker outdated") == 1
    assert 'href="/policies/guidelines/revisions/2#clause-purpose"' in html
    # Revision 1 still reads as translated, unmarked.
    assert "translation-marker outdated" not in client.get(
        "/policies/guidelines/revisions/1?lang=de"
    ).get_data(as_text=True)
    assert second.number == 2


def test_outdated_editor_shows_the_source_redline(
    client, auth, published, greta, translate, create_revision
):
    translate(greta, published, "purpose", "Ein *freundlicher* Ort.", "Zweck")
    republish(create_revision, published.policy, EDITED)
    auth.login("greta")
    html = client.get("/policies/guidelines/revisions/2/translations/de/clauses/purpose").get_data(
        as_text=True
    )
    assert "What changed in the source since it was translated" in html
    assert re.search(r"<ins>.*and calm.*</ins>", html)
    html = client.get("/policies/guidelines/revisions/2/translations/de/clauses/expected").get_data(
        as_text=True
    )
    assert "What changed in the source" not in html


def test_translation_redline_between_revisions(
    client, published, greta, translate, create_revision
):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    second = republish(create_revision, published.policy, EDITED)
    translate(greta, second, "purpose", "Ein ruhiger Ort.", "Zweck")
    response = client.get("/policies/guidelines/compare/1/2/in/de")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'lang="de"' in html and re.search(r"<ins>.*ruhiger.*</ins>", html)
    assert (
        '<a href="#change-purpose"><span class="num">1</span> <bdi lang="de" dir="ltr">Zweck</bdi></a>'
        in html
    )
    assert re.search(r'href="/policies/guidelines/compare/1/2/in/de\?[^"]*unchanged=open', html)
    opened = client.get("/policies/guidelines/compare/1/2/in/de?unchanged=open").get_data(
        as_text=True
    )
    assert re.search(r'<details class="compared unchanged"[^>]* open>', opened)
    assert client.get("/policies/guidelines/compare/1/2/in/en").status_code == 404


def test_reading_shows_the_picker_with_languages_begun(client, published, greta, translate):
    translate(greta, published, "purpose", "Ein Ort.", "Zweck")
    html = client.get("/policies/guidelines").get_data(as_text=True)
    assert 'name="lang"' in html and '<option value="de" lang="de" >Deutsch</option>' in html


def test_the_reading_language_follows_the_revision_picker(client, published, create_revision):
    create_revision(published.policy, EDITED, summary="Next")
    response = client.get("/policies/guidelines/revisions?number=1&lang=de")
    assert response.headers["Location"].endswith("/policies/guidelines/revisions/1?lang=de")
    html = client.get("/policies/guidelines/revisions/2?lang=de").get_data(as_text=True)
    assert '<input type="hidden" name="lang" value="de">' in html
    assert 'href="/policies/guidelines/compare/1/2/in/de"' in html


def test_the_title_is_imported_shown_carried_and_outdated(
    client, auth, published, greta, runner, tmp_path, create_revision
):
    from tests.translating.test_workspace import GERMAN

    path = tmp_path / "de.md"
    path.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(
        args=["drafts", "import-translation", "guidelines", "1", "de", str(path)]
    )
    assert result.exit_code == 0, result.output
    html = client.get("/policies/guidelines/revisions/1?lang=de").get_data(as_text=True)
    assert '<h1 lang="de" dir="ltr">Gemeinschaftsrichtlinien</h1>' in html
    create_revision(published.policy, EDITED, summary="Same title")
    assert "Gemeinschaftsrichtlinien</h1>" in client.get(
        "/policies/guidelines/revisions/2?lang=de"
    ).get_data(as_text=True)
    create_revision(
        published.policy,
        EDITED.replace("# Community Guidelines", "# Community Rules"),
        summary="Retitled",
    )
    html = client.get("/policies/guidelines/revisions/3?lang=de").get_data(as_text=True)
    assert (
        '<h1 lang="en" dir="ltr">Community Rules</h1>' in html
    )  # untranslated: the source's title
    auth.login("greta")
    assert "Outdated" in client.get(
        "/policies/guidelines/revisions/3/translations/de/title"
    ).get_data(as_text=True)
    response = client.post(
        "/policies/guidelines/revisions/3/translations/de/title",
        data={"title": "Gemeinschaftsregeln"},
    )
    assert response.status_code == 302
    assert '<h1 lang="de" dir="ltr">Gemeinschaftsregeln</h1>' in client.get(
        "/policies/guidelines/revisions/3?lang=de"
    ).get_data(as_text=True)


def test_translated_text_is_rendered_safely(client, auth, published, greta, translate):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    translate(
        greta, published, "purpose", f"Text {payload} [x](javascript:alert(3))", f"Zweck {payload}"
    )
    auth.login("greta")
    for path in (
        "/policies/guidelines/revisions/1?lang=de",
        "/policies/guidelines/revisions/1/translations/de",
        "/policies/guidelines/revisions/1/translations/de/clauses/purpose",
    ):
        html = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert 'href="javascript' not in html and "&lt;script&gt;" in html, path


def body_languages(html: str) -> dict[str, tuple[str, str]]:
    """Each compared clause's key and the lang/dir of its text."""
    found = re.findall(
        r'id="change-([\w-]+)".*?class="clause-body[^"]*" lang="([\w-]+)" dir="(\w+)"', html, re.S
    )
    return {key: (lang, direction) for key, lang, direction in found}


def test_a_translated_redline_marks_each_clause_and_leaves_the_page_in_the_interface_language(
    client, published, create_translator, translate, create_revision
):
    layla = create_translator("layla", "ar")
    translate(layla, published, "purpose", "مكان ودود.", "الغرض", "ar")
    second = republish(create_revision, published.policy, EDITED)
    translate(layla, second, "purpose", "مكان ودود وهادئ.", "الغرض", "ar")
    html = client.get("/policies/guidelines/compare/1/2/in/ar").get_data(as_text=True)
    assert (
        '<html lang="en" dir="ltr">' in html
        and '<article class="redline-page mode-inline">' in html
    )
    languages = body_languages(html)
    assert languages["purpose"] == ("ar", "rtl")
    assert {languages[key] for key in ("expected", "unacceptable", "reporting")} == {("en", "ltr")}
    assert re.search(r'<bdi lang="ar" dir="rtl">[^<]*الغرض', html)


def test_a_redline_read_with_a_right_to_left_interface(client, published, create_revision):
    republish(create_revision, published.policy, EDITED)
    html = client.get(
        "/policies/guidelines/compare/1/2", headers={"Accept-Language": "ar"}
    ).get_data(as_text=True)
    assert (
        '<html lang="ar" dir="rtl">' in html
        and '<article class="redline-page mode-inline">' in html
    )
    assert set(body_languages(html).values()) == {("en", "ltr")}
    assert re.search(r'<ins><span class="visually-hidden" lang="ar">', html)
    download = client.get(
        "/policies/guidelines/compare/1/2/download", headers={"Accept-Language": "ar"}
    )
    assert '<html lang="ar" dir="rtl">' in download.get_data(as_text=True)
    assert set(body_languages(download.get_data(as_text=True)).values()) == {("en", "ltr")}
