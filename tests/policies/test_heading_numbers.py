"""Headings that carry their own numbers are shown with one number: the document's or
Consult's, as the policy chose."""

import re

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from consult.audit.models import AuditEvent
from consult.extensions import db
from consult.policies.errors import PolicyError
from consult.policies.services import set_heading_numbers

NUMBERED = """# Guidelines

## Pledge

We pledge.

## Enforcement Guidelines

Leaders follow these.

### 1. Correction

A private warning.

### 2. Warning

A warning with consequences.

## Attribution

Adapted.
"""


def shown_heading(page: str, key: str, id_prefix: str = "heading") -> tuple[str, str]:
    """(number, heading) as shown in the element with id ``{id_prefix}-{key}``."""
    found = re.search(
        rf'id="{id_prefix}-{re.escape(key)}"[^>]*>\s*(?:<span class="num">([^<]*)</span>)?\s*<bdi[^>]*>(.*?)</bdi>',
        page,
        re.S,
    )
    assert found, key
    return found.group(1) or "", re.sub(r"<[^>]+>", "", found.group(2)).strip()


@pytest.fixture
def numbered(create_policy, create_revision):
    policy = create_policy()
    create_revision(policy, NUMBERED)
    return policy


def choose(policy, style: str, staff) -> None:
    set_heading_numbers(staff, policy, style)
    db.session.commit()


def test_a_level_whose_every_heading_is_numbered_shows_the_documents_numbers(client, numbered):
    page = client.get("/policies/guidelines").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("", "1. Correction")
    assert shown_heading(page, "2-warning") == ("", "2. Warning")
    assert shown_heading(page, "pledge") == ("1", "Pledge")
    assert "2.1" not in page


def test_consults_numbers_hide_the_documents(client, numbered, staff):
    choose(numbered, "consult", staff)
    page = client.get("/policies/guidelines").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("2.1", "Correction")
    assert shown_heading(page, "2-warning") == ("2.2", "Warning")
    assert "1. Correction" not in page


def test_the_documents_numbers_hide_consults_everywhere(client, numbered, staff):
    choose(numbered, "document", staff)
    page = client.get("/policies/guidelines").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("", "1. Correction")
    assert shown_heading(page, "pledge") == ("", "Pledge")
    assert 'class="num"' not in page


def test_staff_choose_on_the_policy_page(client, auth, numbered):
    auth.login()
    policy_page = client.get("/policies/guidelines").get_data(as_text=True)
    assert "/policies/guidelines/numbering" in policy_page
    form = client.get("/policies/guidelines/numbering").get_data(as_text=True)
    assert 'value="auto" selected' in form or 'selected value="auto"' in form
    response = client.post("/policies/guidelines/numbering", data={"heading_numbers": "consult"})
    assert response.status_code == 302
    page = client.get("/policies/guidelines").get_data(as_text=True)
    assert shown_heading(page, "1-correction") == ("2.1", "Correction")
    event = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == "policy.heading_numbers")
    )
    assert event is not None
    bad = client.post("/policies/guidelines/numbering", data={"heading_numbers": "roman"})
    assert bad.status_code == 422


def test_only_staff_choose(client, auth, numbered, create_user):
    assert client.get("/policies/guidelines/numbering").status_code == 302  # to sign in
    create_user("volunteer")
    auth.login("volunteer")
    assert (
        client.post(
            "/policies/guidelines/numbering", data={"heading_numbers": "consult"}
        ).status_code
        == 403
    )


def test_an_unknown_choice_is_refused(numbered, staff):
    with pytest.raises(PolicyError) as caught:
        set_heading_numbers(staff, numbered, "roman")
    assert caught.value.code == "heading_numbers_invalid"


def test_policies_made_before_the_choice_existed_show_numbers_automatically(app, numbered):
    db.session.remove()
    downgrade(revision="7c4e9a2b5d31")  # the migration before policy_heading_numbers
    upgrade()
    with db.engine.connect() as connection:
        query = "SELECT heading_numbers FROM policies"
        assert list(connection.exec_driver_sql(query).scalars()) == ["auto"]
