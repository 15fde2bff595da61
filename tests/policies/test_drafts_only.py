"""A policy with only drafts answers every non-staff reader exactly like a policy that does
not exist: same status, same body (the slug aside), nothing that tells the two apart."""

import re

import pytest

from consult.drafting.services import publish
from consult.extensions import db

PATHS = [
    "/policies/SLUG",
    "/policies/SLUG/revisions/1",
    "/policies/SLUG/revisions/1.md",
    "/policies/SLUG/revisions?number=1",
    "/policies/SLUG/revisions",
    "/policies/SLUG/compare/1/1",
    "/policies/SLUG/compare/1/1/download",
    "/policies/SLUG/compare/1/1/in/fr",
    "/policies/SLUG/compare?old=1&new=1",
    "/policies/SLUG/clauses/purpose/history",
    "/policies/SLUG/revisions/1/translations",
    "/policies/SLUG/revisions/1/translations/fr",
    "/policies/SLUG/revisions/1/translations/fr/next",
    "/policies/SLUG/revisions/1/clauses/purpose/comments",
    "/api/v1/policies/SLUG",
    "/api/v1/policies/SLUG/revisions/1",
    "/api/v1/policies/SLUG/compare/1/1",
    "/api/v1/policies/SLUG/revisions/1/translations",
    "/api/v1/policies/SLUG/revisions/1/translations/fr",
]

CSRF_VALUE = re.compile(r'(?<=name="csrf_token" )value="[^"]*"')


@pytest.fixture
def drafts_only(create_policy, create_revision):
    return create_revision(create_policy("secret", "Secret plans"), publish=False)


def answer(client, path: str, slug: str) -> tuple[int, str | None, str]:
    response = client.get(path.replace("SLUG", slug))
    location = response.location.replace(slug, "SLUG") if response.location else None
    # The CSRF token carries the time it was signed: two pages a second apart differ there.
    body = CSRF_VALUE.sub('value="TOKEN"', response.get_data(as_text=True))
    return response.status_code, location, body.replace(slug, "SLUG")


@pytest.mark.parametrize("reader", [None, "volunteer"])
def test_a_drafts_only_policy_answers_like_a_missing_one(
    client, auth, drafts_only, volunteer, reader
):
    if reader:
        auth.login(reader)
    for path in PATHS:
        assert answer(client, path, "secret") == answer(client, path, "missing"), path
    home = client.get("/").get_data(as_text=True)
    assert "secret" not in home and "Secret plans" not in home


def test_staff_still_find_the_draft(client, auth, drafts_only, staff):
    auth.login("staff")
    response = client.get("/policies/secret")
    assert response.status_code == 302 and response.location.endswith(
        "/policies/secret/revisions/1"
    )
    assert client.get("/policies/secret/revisions?number=1").status_code == 302
    assert client.get("/api/v1/policies/secret/revisions/1").json["state"] == "draft"
    assert "Secret plans" in client.get("/").get_data(as_text=True)


def test_the_policy_is_found_once_its_draft_is_published(client, drafts_only, staff):
    publish(staff, drafts_only, "Now public")
    db.session.commit()
    assert client.get("/policies/secret").status_code == 200
    assert client.get("/api/v1/policies/secret").json["number"] == 1
