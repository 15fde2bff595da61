"""`create_x` factories, loaded as a pytest plugin by conftest."""

import pytest

from consult.accounts.models import Role
from consult.accounts.services import create_user as create_account
from consult.drafting.importing import ImportOptions, import_document, parse
from consult.drafting.services import fork_draft
from consult.extensions import db
from consult.policies.services import create_policy as create_policy_row

PASSWORD = "correct horse battery"


@pytest.fixture
def create_user(app):
    def create(
        username: str = "volunteer",
        roles: tuple[Role, ...] = (),
        languages: tuple[str, ...] = (),
        password: str = PASSWORD,
        display_name: str = "",
    ):
        user = create_account(username, password, display_name, roles, languages)
        db.session.commit()
        return user

    return create


@pytest.fixture
def staff(create_user):
    return create_user("staff", roles=(Role.STAFF,), display_name="Sam Staff")


@pytest.fixture
def admin(create_user):
    return create_user("admin", roles=(Role.ADMIN,), display_name="Ada Admin")


DOCUMENT = """---
title: Community Guidelines
---
# Community Guidelines

Welcome to the guidelines.

## Purpose

We want a *friendly* place.

## Behaviour

### Expected

Be kind.

### Unacceptable

Do not harass anyone.

## Reporting

Write to the team.
"""


@pytest.fixture
def create_policy(app, staff):
    def create(
        slug: str = "guidelines",
        title: str = "Community Guidelines",
        language: str = "en",
        summary: str = "",
    ):
        policy = create_policy_row(staff, slug, title, language, summary)
        db.session.commit()
        return policy

    return create


@pytest.fixture
def create_revision(app, staff):
    def create(policy, text: str = DOCUMENT, publish: bool = True, summary: str = "First"):
        options = ImportOptions(change_summary=summary, publish=publish)
        revision = import_document(staff, policy, parse(text), options)
        db.session.commit()
        return revision

    return create


@pytest.fixture
def published(create_policy, create_revision):
    """A policy with one published revision."""
    return create_revision(create_policy())


@pytest.fixture
def draft(published, staff):
    revision = fork_draft(staff, published.policy)
    db.session.commit()
    return revision
