"""The demo opens its consultation and holds a few comments in several languages, once."""

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.comments.window import window_state
from consult.demo.services import DEMO_PASSWORD, POLICY_SLUG
from consult.extensions import db
from consult.policies.services import find_policy, latest_revision


def load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()


def comment_languages() -> list[str]:
    return sorted(set(db.session.scalars(sa.select(Comment.language))))


def test_demo_comments_are_loaded_once(runner, client):
    load(runner)
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Comment))
    assert count >= 6
    assert {"ar", "de", "en", "fr", "id"} <= set(comment_languages())
    policy = find_policy(POLICY_SLUG)
    assert window_state(latest_revision(policy)).is_open
    load(runner)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == count
    html = client.get(f"/policies/{POLICY_SLUG}").get_data(as_text=True)
    assert "Open for comments" in html
    assert "on revision 1" in html and "on revision 2" in html and "changed since" in html


def test_the_demo_moderation_queue_holds_a_flagged_comment(runner, client, auth):
    load(runner)
    auth.login("moderator", DEMO_PASSWORD)
    html = client.get("/moderation").get_data(as_text=True)
    assert "this whole list is pointless" in html
    assert "Dismissive of the people this section protects" in html
    assert "Not a comment on the text." in html
