"""Acceptance 6 of issue 13: in a real browser staff triage a policy's comments (a filter,
a bulk disposition, a public response), adopt a suggested wording and publish it; the volunteer
sees their comment addressed, and the revision's report shows the response and the change."""

import re

from tests.browser.test_comment_journey import sign_in, sign_out
from tests.comment_factories import clause_of
from tests.live import browser_test

SLUG = "guidelines"
RESPONSE = "Thank you: the team's address is on the contact page."


def comments_by_volunteer(commentable, volunteer, create_comment) -> dict:
    """Two French comments on two clauses, and an English one suggesting a wording."""
    wording = create_comment(
        volunteer,
        clause_of(commentable, 1),
        body="“Friendly” is vague.",
        suggested_wording="We want a *welcoming* place.",
    )
    behaviour = create_comment(
        volunteer, clause_of(commentable, 2), body="Précisez ce qui est attendu.", language="fr"
    )
    reporting = create_comment(
        volunteer, clause_of(commentable, 5), body="Écrire à qui, et où ?", language="fr"
    )
    return {"wording": wording, "behaviour": behaviour, "reporting": reporting}


def filter_french_and_note_them(page, screenshot, french: list) -> None:
    page.goto(f"/policies/{SLUG}/triage")
    page.get_by_role("heading", name="Triage comments").wait_for()
    screenshot("triage")
    filters = page.locator("form.triage-filters")
    filters.get_by_label("Language", exact=True).select_option("fr")
    filters.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/triage\?.*language=fr"))
    assert page.get_by_role("heading", name="2 comments match").is_visible()
    assert page.locator(".triage-item").count() == 2
    screenshot("filtered-french")

    for comment in french:
        page.get_by_label(f"Select comment {comment.id}", exact=True).check()
    bulk = page.get_by_role("group", name="Change several comments at once")
    bulk.get_by_label("Disposition", exact=True).select_option(label="Noted")
    bulk.get_by_role("button", name="Apply to the selection").click()
    page.get_by_text("2 changes saved.").wait_for()
    assert "language=fr" in page.url
    for comment in french:
        assert page.locator(f"#triage-{comment.id} .triage-state .badge").first.inner_text() == (
            "Noted"
        )
    screenshot("bulk-noted")


def respond(page, screenshot, comment) -> None:
    page.locator(f"#triage-{comment.id}").get_by_role(
        "link", name=f"Comment {comment.id}", exact=True
    ).click()
    page.wait_for_url(re.compile(rf"/comments/{comment.id}/triage\?next="))
    page.get_by_label("Public response").fill(RESPONSE)
    screenshot("responding")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    assert page.locator(f"#triage-{comment.id} .comment-response").inner_text().endswith(RESPONSE)
    screenshot("responded")


def adopt_and_publish(page, screenshot, comment) -> None:
    page.goto(f"/comments/{comment.id}/triage")
    page.get_by_role("link", name="Adopt this wording into the draft…").click()
    page.wait_for_url(f"**/comments/{comment.id}/adopt")
    assert page.get_by_label("Disposition of the comment").input_value() == "accepted"
    assert page.locator(".adopt-text ins", has_text="welcoming").is_visible()
    screenshot("adopt-page")
    page.get_by_role("button", name="Adopt this wording").click()
    page.wait_for_url(re.compile(rf"/policies/{SLUG}/revisions/2/edit"))
    page.get_by_text("The suggested wording is in draft 2.").wait_for()
    screenshot("adopted-in-draft")

    page.get_by_role("link", name="Publish…").first.click()
    page.wait_for_url(f"**/policies/{SLUG}/revisions/2/publish")
    page.get_by_label("Change summary").fill("A welcoming place, as suggested.")
    screenshot("publish-page")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(f"**/policies/{SLUG}/revisions/2")
    page.get_by_text("Revision 2 is published.").wait_for()
    screenshot("published")


def volunteer_sees_addressed(page, screenshot, comment) -> None:
    page.goto(f"/policies/{SLUG}/revisions/2/clauses/{comment.clause_key}/comments")
    addressed = page.locator(f"#comment-{comment.id} .comment-addressed")
    assert addressed.inner_text() == "Addressed in revision 2"
    assert page.locator(f"#comment-{comment.id} .comment-disposition .badge").inner_text() == (
        "Accepted"
    )
    screenshot("thread-of-revision-2")
    page.goto("/me/comments")
    mine = page.get_by_role("link", name="Addressed in revision 2")
    assert mine.count() == 1
    mine.click()
    page.wait_for_url(re.compile(rf"/policies/{SLUG}/compare/.*"))
    screenshot("my-comments-to-redline")


def report_shows_response_and_wording(page, screenshot, comments: dict) -> None:
    page.goto(f"/policies/{SLUG}/revisions/1/report")
    page.get_by_role("heading", name="What we heard and what we did: revision 1").wait_for()
    reporting = page.locator(f"#report-{comments['reporting'].clause_key}")
    assert RESPONSE in reporting.locator(".report-responses").inner_text()
    purpose = page.locator(f"#report-{comments['wording'].clause_key}")
    adopted = purpose.locator(".report-adopted")
    assert adopted.locator("ins", has_text="welcoming").is_visible()
    name = f"Wording from comment #{comments['wording'].id}"
    assert adopted.get_by_role("link", name=name).is_visible()
    assert "Adopted in revision 2" in adopted.inner_text()
    assert purpose.get_by_role("heading", name="In revision 2").is_visible()
    assert purpose.locator("ins", has_text="welcoming").count() >= 2  # suggestion and change
    assert purpose.locator("del", has_text="friendly").count() >= 1
    screenshot("report")


@browser_test
def test_staff_triage_adopt_publish_and_the_report(
    page, screenshot, commentable, staff, volunteer, create_comment
):
    comments = comments_by_volunteer(commentable, volunteer, create_comment)

    sign_in(page, "staff")
    filter_french_and_note_them(page, screenshot, [comments["behaviour"], comments["reporting"]])
    respond(page, screenshot, comments["reporting"])
    adopt_and_publish(page, screenshot, comments["wording"])
    sign_out(page)

    sign_in(page, "volunteer")
    volunteer_sees_addressed(page, screenshot, comments["wording"])
    report_shows_response_and_wording(page, screenshot, comments)
