"""The change summary typed at import is kept with the draft and offered when publishing; a
policy with no revision yet is listed for staff (linked to its import page) and for nobody else."""

import re

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Revision
from tests.factories import DOCUMENT
from tests.policies.test_drafting import upload


def summary_field(page: str) -> str:
    match = re.search(
        r'<textarea[^>]*name="change_summary"[^>]*>\r?\n?(.*?)</textarea>', page, re.S
    )
    assert match, "the publish form has a change summary"
    return match.group(1)


def test_the_summary_typed_at_import_is_kept_and_prefills_the_publish_form(
    client, auth, create_policy
):
    create_policy()
    auth.login()
    typed = "Adds a reporting section & <fixes> typos"
    assert upload(client, "guidelines", DOCUMENT.encode(), change_summary=typed).status_code == 302
    draft = db.session.scalar(sa.select(Revision))
    assert draft.is_draft and draft.proposed_summary == typed and draft.change_summary == ""
    page = client.get("/policies/guidelines/revisions/1/publish").get_data(as_text=True)
    assert summary_field(page) == "Adds a reporting section &amp; &lt;fixes&gt; typos"
    response = client.post(
        "/policies/guidelines/revisions/1/publish", data={"change_summary": typed + "."}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert draft.is_published and draft.change_summary == typed + "."


def test_without_a_summary_the_publish_form_starts_empty(client, auth, create_policy):
    create_policy()
    auth.login()
    upload(client, "guidelines", DOCUMENT.encode())
    page = client.get("/policies/guidelines/revisions/1/publish").get_data(as_text=True)
    assert summary_field(page) == ""


def test_a_refused_publish_shows_what_was_sent_not_the_kept_summary(client, auth, create_policy):
    create_policy()
    auth.login()
    upload(client, "guidelines", DOCUMENT.encode(), change_summary="Kept")
    response = client.post("/policies/guidelines/revisions/1/publish", data={"change_summary": ""})
    assert response.status_code == 422
    assert summary_field(response.get_data(as_text=True)) == ""
    assert db.session.scalar(sa.select(Revision)).is_draft


def test_the_cli_keeps_its_summary_on_a_draft(runner, create_policy, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    result = runner.invoke(
        args=["drafts", "import", "guidelines", str(path), "--summary", "From the CLI"]
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(Revision)).proposed_summary == "From the CLI"


@pytest.fixture
def new_policy(create_policy, published):
    """`guidelines` is published; `charter` was created and nothing imported yet."""
    return create_policy("charter", "The Charter")


def test_staff_see_a_new_policy_linked_to_its_import_page(client, auth, new_policy):
    auth.login()
    page = client.get("/").get_data(as_text=True)
    assert (
        '<a href="/policies/charter/import"><bdi lang="en" dir="ltr">The Charter</bdi></a>' in page
    )
    assert "No revision yet" in page
    assert client.get("/policies/charter/import").status_code == 200


@pytest.mark.parametrize("username", [None, "volunteer"])
def test_others_do_not_see_a_new_policy_and_its_address_stays_missing(
    client, auth, create_user, new_policy, username
):
    if username:
        create_user(username)
        auth.login(username)
    page = client.get("/").get_data(as_text=True)
    assert "Community Guidelines" in page and "The Charter" not in page
    assert "/policies/charter" not in page
    assert client.get("/policies/charter").status_code == 404
