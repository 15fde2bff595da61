"""Acceptance: bad input gets a clear message and stores nothing."""

import io

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision
from tests.factories import DOCUMENT


def counts() -> tuple[int, int, int]:
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (Policy, Revision, Clause)
    )


def upload(client, data: bytes, slug: str = "guidelines"):
    return client.post(
        f"/policies/{slug}/import",
        content_type="multipart/form-data",
        data={"document": (io.BytesIO(data), "doc.md")},
    )


@pytest.fixture
def policy(create_policy):
    return create_policy()


BAD_FILES = {
    "not utf-8": ("Caf\xe9 policy\n".encode("latin-1"), "is not UTF-8 text"),
    "empty": (b"", "The document is empty"),
    "whitespace only": (b"  \n\n\t\n", "The document is empty"),
    "front matter only": (b"---\ntitle: x\n---\n\n", "The document is empty"),
    "malformed yaml": (b"---\ntitle: [unclosed\n---\n# A\n\nb\n", "YAML front matter is malformed"),
    "malformed toml": (b"+++\ntitle = \n+++\n# A\n\nb\n", "TOML front matter is malformed"),
    "unclosed front matter": (b"---\ntitle: x\n# A\n\nb\n", "never closed"),
    "front matter not a mapping": (b"---\n- a\n- b\n---\n# A\n\nb\n", "key: value pairs"),
    "binary": (b"# A\n\x00\x01\x02", "binary data"),
}


@pytest.mark.parametrize("data,message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_documents_are_refused(client, auth, policy, data, message):
    auth.login()
    before = counts()
    response = upload(client, data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert counts() == before


@pytest.fixture
def app_config(app_config):
    return {**app_config, "MAX_IMPORT_BYTES": 1000}


def test_file_over_the_size_limit(client, auth, policy):
    auth.login()
    before = counts()
    response = upload(client, b"# Big\n\n" + b"word " * 400)
    assert response.status_code == 422
    assert "too large" in response.get_data(as_text=True)
    assert "limit is 1,000 bytes" in response.get_data(as_text=True)
    assert counts() == before


def test_no_headings_gives_one_clause(client, auth, policy):
    auth.login()
    assert upload(client, b"Just one paragraph\nof text.\n").status_code == 302
    clauses = db.session.scalars(sa.select(Clause)).all()
    assert [(c.key, c.level, c.heading) for c in clauses] == [("preamble", 0, "")]


def test_duplicate_slug(client, auth, policy):
    auth.login()
    before = counts()
    response = client.post(
        "/policies/new", data={"slug": "guidelines", "title": "Again", "source_language": "en"}
    )
    assert response.status_code == 422
    assert "already exists" in response.get_data(as_text=True)
    assert counts() == before


@pytest.mark.parametrize("slug,message", [("Bad Slug", "lower-case"), ("-x-", "lower-case")])
def test_invalid_slug(client, auth, staff, slug, message):
    auth.login()
    response = client.post(
        "/policies/new", data={"slug": slug, "title": "T", "source_language": "en"}
    )
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert counts() == (0, 0, 0)


def test_unknown_language(client, auth, staff):
    auth.login()
    response = client.post(
        "/policies/new", data={"slug": "x", "title": "T", "source_language": "zz-qq-1"}
    )
    assert response.status_code == 422
    assert counts() == (0, 0, 0)


def test_document_in_another_language_is_refused(client, auth, policy):
    auth.login()
    response = upload(client, b"---\nlanguage: fr\n---\n# Titre\n\n## A\n\nb\n")
    assert response.status_code == 422
    assert "source language is en" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/policies/nope",
        "/policies/nope/revisions/1",
        "/policies/guidelines/revisions/9",
        "/policies/nope/import",
        "/policies/guidelines/revisions/9/edit",
        "/policies/guidelines/revisions/2/clauses/nope/edit",
    ],
)
def test_unknown_policy_or_revision_is_404(client, auth, draft, url):
    auth.login()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/api/v1/policies/nope", "/api/v1/policies/guidelines/revisions/9", "/api/v1/nothing-here"],
)
def test_api_errors_are_json(client, published, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.is_json and response.json["error"]["status"] == 404
    assert response.json["error"]["message"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/policies/nope", "There is no policy “nope”."),
        ("/api/v1/policies/guidelines/revisions/9", "Policy “guidelines” has no revision 9."),
        ("/api/v1/policies/guidelines/compare/1/9", "Policy “guidelines” has no such revision."),
        ("/api/v1/policies/guidelines/revisions/2", "Policy “guidelines” has no revision 2."),
    ],
)
def test_api_404s_say_what_is_missing_and_hide_drafts(client, draft, url, message):
    # Revision 2 is a draft: to anyone but staff it does not exist.
    response = client.get(url)
    assert response.status_code == 404
    assert response.json["error"]["message"] == message


def test_cli_refuses_bad_file_and_stores_nothing(runner, tmp_path):
    good = tmp_path / "good.md"
    good.write_text(DOCUMENT)
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = runner.invoke(args=["drafts", "import", "fresh", str(good), str(bad), "--publish"])
    assert result.exit_code != 0
    assert "not UTF-8" in result.output and "Nothing was imported" in result.output
    assert counts() == (0, 0, 0)


def clause_edit(client, draft, **fields):
    clause = draft.clauses[1]
    form = {"heading": clause.heading, "level": "2", "body": clause.body, "version": "1"}
    path = f"/policies/guidelines/revisions/{draft.number}/clauses/{clause.key}/edit"
    return client.post(path, data={**form, **fields})


@pytest.mark.parametrize("version", ["abc", "", "-1", "99999999999999999999"])
def test_clause_edit_with_a_broken_version_is_400(client, auth, draft, version):
    auth.login()
    assert clause_edit(client, draft, version=version).status_code == 400
    assert clause(draft).version == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"heading": "h" * 1001}, "1000"), ({"level": "9"}, "Not a valid choice")],
)
def test_an_invalid_clause_edit_is_422_with_the_form(client, auth, draft, fields, message):
    auth.login()
    response = clause_edit(client, draft, **fields)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and 'name="body"' in page
    assert clause(draft).version == 1


def clause(draft) -> Clause:
    db.session.expire_all()
    return db.session.get(Clause, draft.clauses[1].id)
