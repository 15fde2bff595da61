"""In Chromium, every kind of page loads under the Content-Security-Policy without a violation,
and Markdown images written by staff, translators and commenters fetch nothing from another
origin: an outside listener hears no request."""

from consult.accounts.models import Role
from consult.comments.flags import flag_comment
from consult.drafting.services import fork_draft
from consult.extensions import db
from consult.translating.services import save_translation
from tests.comment_factories import clause_of
from tests.factories import DOCUMENT, PASSWORD
from tests.live import LiveServer, browser_test


class Listener:
    """A server on another origin that records every request reaching it."""

    def __init__(self) -> None:
        self.heard: list[str] = []

    def __call__(self, environ, start_response):
        self.heard.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "image/png")])
        return [b""]


def with_images(outside: str, version: int) -> str:
    """The document with images in a clause and a heading, and a table with aligned columns."""
    return (
        DOCUMENT.replace(
            "We want a *friendly* place.",
            f"We want a *friendly* place. ![Tracker {version}]({outside}/clause-{version}.png)",
        )
        .replace("## Reporting", f"## Reporting ![]({outside}/heading-{version}.png)")
        .replace("Be kind.", f"Be kind.\n\n| Who | Since |\n|:--|--:|\n| Sam | {2019 + version} |")
    )


def write_everywhere(outside: str, factories) -> dict[str, str]:
    """Images in clause text, a heading, a translation, a comment and a suggested wording."""
    create_policy, create_revision, create_user, create_comment, open_window = factories
    policy = create_policy()
    first = create_revision(policy, with_images(outside, 1))
    open_window(policy)
    everyone = create_user(
        "everyone",
        roles=(Role.STAFF, Role.MODERATOR, Role.TRANSLATOR),
        languages=("de",),
        display_name="Eve Everyone",
    )
    comment = create_comment(
        everyone,
        clause_of(first, "purpose"),
        body=f"Look: ![chart]({outside}/comment.png)",
        suggested_wording=f"We want a calm place. ![wording]({outside}/wording.png)",
    )
    flag_comment(everyone, comment, "Checking the queue")
    second = create_revision(policy, with_images(outside, 2), summary="New image")
    purpose = clause_of(second, "purpose")
    save_translation(everyone, purpose, "de", "Zweck", f"Ein Ort. ![Bild]({outside}/de.png)", 0)
    draft = fork_draft(everyone, policy)
    db.session.commit()
    return {"comment": str(comment.id), "draft": str(draft.number)}


def pages(ids: dict[str, str]) -> list[str]:
    base = "/policies/guidelines"
    return [
        "/",
        base,
        f"{base}/revisions/1",
        f"{base}/revisions/2?lang=de",
        f"{base}/compare/1/2",
        f"{base}/compare/1/2?mode=side&unchanged=open",
        f"{base}/clauses/purpose/history",
        f"{base}/revisions/1/clauses/purpose/comments",
        f"/comments/{ids['comment']}",
        "/login",
        "/register",
        "/api/v1/policies/guidelines",
        "/no-such-page",
    ]


def signed_in_pages(ids: dict[str, str]) -> list[str]:
    base = "/policies/guidelines"
    return [
        "/moderation",
        f"/moderation/comments/{ids['comment']}",
        f"{base}/revisions/2/translations/de",
        f"{base}/revisions/{ids['draft']}/edit",
        f"{base}/revisions/{ids['draft']}/publish",
        "/audit",
    ]


def sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def download_shown_in_the_page(route) -> None:
    """The download is an attachment; shown in the page instead, with its own headers."""
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-disposition"}
    route.fulfill(response=response, headers=headers)


@browser_test
def test_every_kind_of_page_loads_under_the_policy_and_fetches_nothing_from_outside(
    page,
    live_server,
    csp_violations,
    screenshot,
    create_policy,
    create_revision,
    create_user,
    create_comment,
    open_window,
):
    listener = Listener()
    with LiveServer(listener) as outside:
        factories = (create_policy, create_revision, create_user, create_comment, open_window)
        ids = write_everywhere(outside.url, factories)
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))

        for path in pages(ids):
            assert page.goto(path).status == (404 if path == "/no-such-page" else 200), path
        page.goto("/policies/guidelines")
        image_link = page.get_by_role("link", name="Tracker 2")
        assert image_link.get_attribute("href") == f"{outside.url}/clause-2.png"
        since = page.get_by_role("cell", name="2021")
        assert since.evaluate("e => getComputedStyle(e).textAlign") == "right"
        screenshot("policy-with-an-image-link")

        page.route("**/download", download_shown_in_the_page)
        page.goto("/policies/guidelines/compare/1/2/download")
        # Its embedded stylesheet applied: the policy's hash lets it through.
        assert page.locator("ins").first.evaluate("e => getComputedStyle(e).backgroundColor") == (
            "rgb(223, 245, 225)"
        )
        screenshot("download")

        sign_in(page, "everyone")
        for path in signed_in_pages(ids):
            assert page.goto(path).status == 200, path
        screenshot("signed-in-pages")

    assert listener.heard == []
    assert [url for url in requested if not url.startswith(live_server.url + "/")] == []
    assert csp_violations == []


@browser_test
def test_the_browser_refuses_an_image_from_another_origin_and_says_so(
    page, csp_violations, published
):
    """The guard the test above relies on: an image that did get into a page is refused by the
    policy, and the refusal is seen."""
    listener = Listener()
    with LiveServer(listener) as outside:
        page.goto("/policies/guidelines")
        page.evaluate(
            "url => { const image = new Image(); image.src = url; document.body.append(image); }",
            f"{outside.url}/injected.png",
        )
        page.wait_for_function("() => document.images[0].complete")
    assert listener.heard == []
    assert any("img-src" in violation for violation in csp_violations), csp_violations
    csp_violations.clear()
