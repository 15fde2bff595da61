"""Comment fixtures, loaded as a pytest plugin by conftest: open windows, people, comments."""

from datetime import timedelta

import pytest

from consult.accounts.models import Role
from consult.comments.models import Comment
from consult.comments.services import Draft, post_comment, reply
from consult.comments.window import set_window
from consult.extensions import db
from consult.types import utcnow


@pytest.fixture
def open_window(app, staff):
    """`open_window(policy)`: comments open from an hour ago for a day (or given times)."""

    def open_(policy, opens=None, closes=None, revision=None):
        now = utcnow()
        window = set_window(
            staff,
            policy,
            revision,
            opens or now - timedelta(hours=1),
            closes or now + timedelta(days=1),
        )
        db.session.commit()
        return window

    return open_


@pytest.fixture
def commentable(published, open_window):
    """A published revision whose consultation is open."""
    open_window(published.policy)
    return published


@pytest.fixture
def volunteer(create_user):
    return create_user("volunteer", display_name="Val Volunteer")


@pytest.fixture
def moderator(create_user):
    return create_user("moderator", roles=(Role.MODERATOR,), display_name="Mo Moderator")


def clause_of(revision, key_or_position=1):
    if isinstance(key_or_position, int):
        return revision.clauses[key_or_position]
    return next(c for c in revision.clauses if c.key == key_or_position)


@pytest.fixture
def create_comment(app):
    """`create_comment(author, revision_or_clause, body=…, language=…, parent=…)`."""

    def create(
        author,
        target,
        body: str = "A thoughtful comment.",
        language: str = "en",
        parent: Comment | None = None,
        suggested_wording: str = "",
    ) -> Comment:
        draft = Draft(body, language, suggested_wording)
        if parent is not None:
            comment = reply(author, parent, draft)
        else:
            clause = clause_of(target) if hasattr(target, "clauses") else target
            comment = post_comment(author, clause, draft)
        db.session.commit()
        return comment

    return create
