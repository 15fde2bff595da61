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


def test_the_demo_shows_dispositions_responses_and_a_conversation_across_revisions(
    runner, client, auth
):
    load(runner)
    policy = find_policy(POLICY_SLUG)
    harassment = next(c.key for c in latest_revision(policy).clauses if c.heading == "Harassment")
    thread = f"/policies/{POLICY_SLUG}/revisions/3/clauses/{harassment}/comments"
    html = client.get(thread).get_data(as_text=True)
    earlier = html.split('class="comments-history"')[1]
    assert "Accepted" in earlier and "Addressed in revision 2" in earlier
    assert "Response from Sam Staff (Staff)" in earlier
    assert "it is what I hoped for" in earlier  # a reply written while revision 3 is open
    assert "the other members decide" not in html  # an internal note stays internal
    auth.login("volunteer", DEMO_PASSWORD)
    mine = client.get("/me/comments").get_data(as_text=True)
    assert "Noted" in mine and "Partly accepted" not in mine  # layla's, not the volunteer's
    auth.logout()
    auth.login("staff", DEMO_PASSWORD)
    triage = client.get(f"/policies/{POLICY_SLUG}/triage").get_data(as_text=True)
    assert "matches how they work now" in triage and "Partly accepted (1)" in triage
    assert "Duplicate (1)" in triage and "Original: comment" in triage


def test_the_demo_draft_takes_one_suggested_wording(runner, client, auth):
    load(runner)
    adopted = db.session.scalar(
        sa.select(Comment).where(Comment.body.startswith("¿Qué hago si una herramienta"))
    )
    assert str(adopted.disposition) == "accepted"
    html = client.get(f"/comments/{adopted.id}").get_data(as_text=True)
    assert "Adopted in draft 4" in html
    author = adopted.author.display_name
    auth.login("staff", DEMO_PASSWORD)
    editor = client.get(f"/policies/{POLICY_SLUG}/revisions/4/edit").get_data(as_text=True)
    assert f"Wording from comment #{adopted.id} by {author}" in editor
    assert "stop using it and tell the tool library volunteers" in editor


def test_the_demo_holds_a_campaign_staff_find_as_one_group(runner, client, auth):
    load(runner)
    copies = db.session.scalars(
        sa.select(Comment).where(Comment.body.contains("tool library stays free"))
    ).all()
    assert len(copies) == 4
    assert {copy.similar_group_id for copy in copies} == {min(copy.id for copy in copies)}
    auth.login("staff", DEMO_PASSWORD)
    triage = client.get(f"/policies/{POLICY_SLUG}/triage").get_data(as_text=True)
    assert "Groups of similar comments" in triage and "— 4 comments" in triage
    assert triage.count("Similar to 3 other comments") == 4
