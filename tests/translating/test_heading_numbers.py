"""Translations show a numbered heading with one number, by the same choice as the source."""

from consult.extensions import db
from consult.policies.services import set_heading_numbers
from tests.policies.test_heading_numbers import NUMBERED, shown_heading
from tests.redline.test_heading_numbers import INSERTED, title


def translated(create_policy, create_revision, greta, translate):
    policy = create_policy()
    first = create_revision(policy, NUMBERED)
    translate(greta, first, "1-correction", "Eine private Warnung.", "1. Korrektur")
    return policy, first


def test_reading_in_a_language_shows_the_documents_numbers_once(
    client, create_policy, create_revision, greta, translate
):
    translated(create_policy, create_revision, greta, translate)
    page = client.get("/policies/guidelines/revisions/1?lang=de").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("", "1. Korrektur")


def test_reading_in_a_language_shows_consults_numbers_once(
    client, create_policy, create_revision, greta, translate, staff
):
    policy, _first = translated(create_policy, create_revision, greta, translate)
    set_heading_numbers(staff, policy, "consult")
    db.session.commit()
    page = client.get("/policies/guidelines/revisions/1?lang=de").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("2.1", "Korrektur")
    assert "1. Korrektur" not in page


def test_the_workspace_and_editor_show_consults_numbers_once(
    client, auth, create_policy, create_revision, greta, translate, staff
):
    policy, _first = translated(create_policy, create_revision, greta, translate)
    set_heading_numbers(staff, policy, "consult")
    db.session.commit()
    auth.login("greta")
    workspace = client.get("/policies/guidelines/revisions/1/translations/de").get_data(
        as_text=True
    )
    row = workspace.split('id="clause-1-correction"')[1].split("</tr>")[0]
    assert '<span class="num">2.1</span>' in row and "Correction" in row
    assert "1. Correction" not in row and "1. Korrektur" not in row and "Korrektur" in row
    editor = client.get(
        "/policies/guidelines/revisions/1/translations/de/clauses/1-correction"
    ).get_data(as_text=True)
    assert '<span class="num">2.1</span> Correction' in editor
    assert '<h3 lang="de" dir="ltr">Korrektur</h3>' in editor


def test_the_redline_of_a_translation_shows_consults_numbers_once(
    client, create_policy, create_revision, greta, translate, staff
):
    policy, _first = translated(create_policy, create_revision, greta, translate)
    second = create_revision(policy, INSERTED, summary="A reminder first")
    translate(greta, second, "2-warning", "Eine Warnung mit Folgen.", "3. Warnung")
    set_heading_numbers(staff, policy, "consult")
    db.session.commit()
    page = client.get("/policies/guidelines/compare/1/2/in/de").get_data(as_text=True)
    unchanged = page.split('id="change-1-correction"')[1].split("</summary>")[0]
    assert '<span class="num">2.1</span>' in unchanged and ">Korrektur</bdi>" in unchanged
    warning = title(page, "2-warning")
    assert '<span class="num">2.3</span>' in warning and "3. Warnung" not in warning
