"""Importing a translation whose headings differ from the source's: the level review, the
pairing step, confirmation, and the CLI's --match-by-order. Nothing is stored before the
person confirms."""

import pytest
import sqlalchemy as sa
from werkzeug.test import encode_multipart

from consult.audit.models import AuditEvent
from consult.extensions import db
from consult.translating.models import Translation
from tests.translating.conftest import states, translation_count
from tests.translating.test_workspace import GERMAN, URL, upload

# Heading 5 ("### Inakzeptabel") made level 2: same headings, same order.
LEVELS_DIFFER = GERMAN.replace("### Inakzeptabel", "## Inakzeptabel")
# A section the source lacks added after "Zweck": seven headings for six clauses.
COUNTS_DIFFER = GERMAN.replace("## Verhalten", "## Zusatz\n\nNicht im Original.\n\n## Verhalten")


def confirm(client, text: str, url: str = URL, **pairs: str):
    """Posted as a browser does (multipart), encoded here: the test client would spool a large
    body to a temporary file it never closes."""
    boundary, body = encode_multipart({"document_text": text, **pairs})
    return client.post(
        url + "/import/confirm",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def imports_recorded() -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "translation.imported")
    )


def body_of(key: str) -> str | None:
    db.session.expire_all()
    rows = db.session.scalars(sa.select(Translation)).all()
    return next((row.body for row in rows if row.clause.key == key), None)


def test_a_level_difference_is_shown_before_anything_is_stored(client, auth, published, greta):
    auth.login("greta")
    response = upload(client, LEVELS_DIFFER.encode())
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Check the headings before importing" in page
    assert "1 heading is at another level" in page
    row = page[page.index("<tbody>") : page.index("</tbody>")]
    assert '<th scope="row">5</th>' in row
    assert "Level 3: <code>###</code> Unacceptable" in row
    assert "Level 2: <code>##</code> Inakzeptabel" in row
    assert 'name="document_text"' in page and "/import/confirm" in page
    assert translation_count() == 0 and imports_recorded() == 0


def test_confirming_a_level_difference_imports_by_order(client, auth, published, greta):
    auth.login("greta")
    upload(client, LEVELS_DIFFER.encode())
    response = confirm(client, LEVELS_DIFFER)
    assert response.status_code == 302 and response.headers["Location"].endswith(URL)
    assert set(states(published, "de").values()) == {"unreviewed"}
    assert body_of("unacceptable") == "Belästige niemanden."
    event = db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "translation.imported" and event.details["matching"] == "by_order"


def test_an_exact_document_still_imports_at_once(client, auth, published, greta):
    auth.login("greta")
    assert upload(client, GERMAN.encode()).status_code == 302
    assert translation_count() == 6


def test_a_count_difference_offers_pairs_guessed_in_order(client, auth, published, greta):
    auth.login("greta")
    response = upload(client, COUNTS_DIFFER.encode())
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "The revision has 6 clauses. The document has 7 headings." in page
    selects = page.split('<select id="heading-')[1:]
    assert len(selects) == 7 and "Zusatz" in page
    chosen = [s.split('" selected>')[0].rsplit('value="', 1)[1] for s in selects]
    # Levels in order: each source clause is guessed once, one heading is left to skip.
    assert chosen[:2] == ["preamble", "purpose"] and chosen[-1] == "reporting"
    assert sorted(chosen) == sorted(
        ["", "preamble", "purpose", "behaviour", "expected", "unacceptable", "reporting"]
    )
    assert translation_count() == 0 and imports_recorded() == 0


def test_pairs_and_skips_chosen_are_honoured(client, auth, published, greta):
    auth.login("greta")
    upload(client, COUNTS_DIFFER.encode())
    pairs = {
        "heading-0": "preamble",
        "heading-1": "purpose",
        "heading-2": "",  # Zusatz: skipped
        "heading-3": "behaviour",
        "heading-4": "expected",
        "heading-5": "unacceptable",
        "heading-6": "",  # Meldungen: skipped, so "reporting" stays untranslated
    }
    response = confirm(client, COUNTS_DIFFER, **pairs)
    assert response.status_code == 302
    by_key = states(published, "de")
    assert by_key["reporting"] == "missing"
    assert {key for key, state in by_key.items() if state == "unreviewed"} == {
        "preamble",
        "purpose",
        "behaviour",
        "expected",
        "unacceptable",
    }
    assert body_of("behaviour") == ""
    assert body_of("purpose") == "Ein *freundlicher* Ort."
    assert "Nicht im Original." not in {body_of(key) for key in by_key}


def test_a_clause_chosen_twice_is_refused_and_nothing_stored(client, auth, published, greta):
    auth.login("greta")
    pairs = {f"heading-{i}": key for i, key in enumerate(["preamble", "purpose", "purpose"])}
    pairs.update({f"heading-{i}": "" for i in range(3, 7)})
    response = confirm(client, COUNTS_DIFFER, **pairs)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Headings 2 and 3 are paired with the same clause" in page
    # The page keeps the person's choices.
    assert 'value="purpose" selected' in page.split('id="heading-2"')[1].split("</select>")[0]
    assert translation_count() == 0 and imports_recorded() == 0


@pytest.mark.parametrize(
    "pairs",
    [{}, {"heading-0": "no-such-clause"}],
    ids=["no choices", "an unknown clause"],
)
def test_a_count_difference_needs_a_valid_choice_per_heading(client, auth, published, greta, pairs):
    auth.login("greta")
    complete = {f"heading-{i}": "" for i in range(7)}
    response = confirm(client, COUNTS_DIFFER, **({**complete, **pairs} if pairs else {}))
    assert response.status_code == 422
    assert "Heading 1 is not paired with a clause" in response.get_data(as_text=True)
    assert translation_count() == 0


def test_a_confirmation_without_the_text_or_with_a_broken_one_stores_nothing(
    client, auth, published, greta
):
    auth.login("greta")
    assert confirm(client, "").status_code == 422
    assert "choose the file again" in confirm(client, "").get_data(as_text=True)
    too_large = "# T\n\n" + "x" * client.application.config["MAX_IMPORT_BYTES"]
    assert "too large" in confirm(client, too_large).get_data(as_text=True)
    assert translation_count() == 0


def test_the_confirmation_takes_a_document_larger_than_werkzeugs_form_default(
    client, auth, published, greta
):
    # Werkzeug keeps at most 500 000 bytes of a form field by default; an import may be larger.
    auth.login("greta")
    padding = "Ein langer Absatz. " * 30_000
    text = LEVELS_DIFFER.replace("Sei freundlich.", padding)
    assert len(text.encode()) > 500_000
    response = confirm(client, text)
    assert response.status_code == 302
    assert body_of("expected").startswith("Ein langer Absatz.")


def test_the_cli_refuses_a_level_difference_unless_matched_by_order(runner, published, tmp_path):
    path = tmp_path / "de.md"
    path.write_text(LEVELS_DIFFER, encoding="utf-8")
    args = ["drafts", "import-translation", "guidelines", "1", "de", str(path)]
    refused = runner.invoke(args=args)
    assert refused.exit_code == 1
    assert "not all at the same levels" in refused.output and "--match-by-order" in refused.output
    assert translation_count() == 0
    accepted = runner.invoke(args=[*args, "--match-by-order"])
    assert accepted.exit_code == 0, accepted.output
    assert "6 clauses translated into de" in accepted.output
    assert body_of("unacceptable") == "Belästige niemanden."


def test_match_by_order_still_needs_the_same_count(runner, published, tmp_path):
    path = tmp_path / "de.md"
    path.write_text(GERMAN.replace("## Meldungen\n\nSchreib dem Team.\n", ""), "utf-8")
    args = ["drafts", "import-translation", "guidelines", "1", "de", str(path), "--match-by-order"]
    result = runner.invoke(args=args)
    assert result.exit_code == 1 and "Expected headings:" in result.output
    assert translation_count() == 0


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_a_confirmation_without_its_token_is_refused(self, client, published, greta):
        from tests.accounts.helpers import csrf_token

        token = csrf_token(client, "/login")
        client.post(
            "/login",
            data={"username": "greta", "password": "correct horse battery", "csrf_token": token},
        )
        response = client.post(
            URL + "/import/confirm",
            data={"document_text": LEVELS_DIFFER},
            content_type="multipart/form-data",
        )
        assert response.status_code == 400
        assert translation_count() == 0
