"""Acceptance 5: in a real browser a volunteer comments in French, replies, endorses and flags;
a moderator hides the flagged comment."""

import re

from tests.comment_factories import clause_of
from tests.live import browser_test

PASSWORD = "correct horse battery"


def sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


@browser_test
def test_volunteer_comments_and_moderator_hides(
    page, screenshot, commentable, volunteer, moderator, create_user, create_comment
):
    other = create_user("rude", display_name="Rude Rupert")
    rude = create_comment(other, commentable, body="You are all idiots.")
    key = clause_of(commentable).key

    sign_in(page, "volunteer")
    page.goto(f"/policies/{commentable.policy.slug}")
    page.locator(f"#clause-{key}").get_by_role("link", name=re.compile("comment", re.I)).click()
    page.wait_for_url(f"**/clauses/{key}/comments")
    screenshot("thread")

    form = page.locator("form.comment-form")
    form.get_by_label("Your comment", exact=True).fill(
        "Je propose une formulation plus *chaleureuse*."
    )
    form.get_by_label("Language of your comment").select_option("fr")
    form.get_by_role("button", name="Post comment").click()
    mine = page.locator("article.comment-depth-0", has_text="Je propose")
    assert mine.locator(".comment-body").get_attribute("lang") == "fr"
    assert mine.locator("em").inner_text() == "chaleureuse"
    screenshot("commented-in-french")

    thread = page.locator(f"#comment-{rude.id}")
    thread.locator("summary", has_text="Reply").click()
    thread.get_by_label("Your reply").fill("Please keep it kind.")
    thread.get_by_role("button", name="Post reply").click()
    assert page.locator(
        f"#comment-{rude.id} .comment-replies", has_text="Please keep it kind."
    ).is_visible()
    screenshot("replied")

    page.locator(f"#comment-{rude.id}").get_by_role("button", name="Endorse").first.click()
    assert (
        "1 endorsement"
        in page.locator(f"#comment-{rude.id} .comment-endorsements").first.inner_text()
    )
    screenshot("endorsed")

    page.locator(f"#comment-{rude.id} > .comment-actions").get_by_role("link", name="Flag").click()
    page.get_by_label("Reason").fill("Insults other participants.")
    page.get_by_role("button", name="Flag").click()
    assert page.get_by_text("A moderator will look at this comment").is_visible()
    screenshot("flagged")
    sign_out(page)

    sign_in(page, "moderator")
    page.get_by_role("link", name="Moderation").click()
    assert page.get_by_text("Insults other participants.").is_visible()
    screenshot("queue")
    page.get_by_role("link", name="Comment by Rude Rupert").click()
    page.get_by_label("Reason").first.fill("Personal insults.")
    page.get_by_role("button", name="Hide").click()
    assert page.locator(".comment-status").inner_text() == "hidden"
    screenshot("hidden")
    sign_out(page)

    page.goto(f"/policies/{commentable.policy.slug}/revisions/1/clauses/{key}/comments")
    hidden = page.locator(f"#comment-{rude.id}")
    assert "hidden by a moderator" in hidden.inner_text()
    assert "idiots" not in page.content()
    screenshot("public-sees-placeholder")
