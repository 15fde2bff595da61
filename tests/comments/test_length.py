"""Acceptance 1: the maximum comment length is a setting (COMMENT_MAX_LENGTH)."""

import pytest

from tests.comment_factories import clause_of
from tests.comments.helpers import comment_count, thread_path


@pytest.fixture
def app_config(app_config):
    return {**app_config, "COMMENT_MAX_LENGTH": 40}


def test_too_long_comment_is_refused_with_the_limit(client, auth, commentable, volunteer):
    path = thread_path(commentable, clause_of(commentable).key)
    auth.login("volunteer")
    response = client.post(path, data={"body": "x" * 41, "language": "en"})
    assert response.status_code == 422
    assert "40" in response.get_data(as_text=True)
    response = client.post(
        path, data={"body": "ok", "language": "en", "suggested_wording": "y" * 41}
    )
    assert response.status_code == 422
    assert comment_count() == 0
