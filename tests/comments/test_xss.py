"""Acceptance 3: hostile text in comment bodies, suggested wordings, flag reasons, display
names, staff responses and internal notes renders inert in every view that shows it."""

import pytest
import sqlalchemy as sa

from consult.accounts.models import Role
from consult.comments.flags import flag_comment
from consult.comments.models import Comment, Disposition
from consult.comments.triage import Changes, Decision, annotate, apply
from consult.extensions import db
from consult.moderation.services import hide
from tests.comment_factories import clause_of
from tests.comments.helpers import thread_path
from tests.policies.test_xss import problems

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<a href=javascript:alert(1)>x</a>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<base href=javascript:alert(1)//>",
    "--><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](jav\tascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "[ref][bad]\n\n[bad]: javascript:alert(1)",
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
    "![x](javascript:alert(1))",
    "![x](https://evil.example/track.png)",
    '![x" onerror="alert(1)](https://example.org/a.png)',
    "**<img src=x onerror=alert(1)>**",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "- <svg onload=alert(1)>",
    "<<script>alert(1)//<</script>",
    "<a href='//evil.example' onclick=alert(1)>x</a>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\u202e<script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]
assert len(PAYLOADS) >= 50


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": False, "ITEMS_PER_PAGE": 200}


def answer(staff, comment: Comment, payload: str) -> None:
    selection = sa.select(Comment.id).where(Comment.id == comment.id)
    changes = Changes(Decision(Disposition.NOTED), assign=True, assignee=staff, response=payload)
    apply(staff, comment.revision.policy, selection, changes)
    annotate(staff, comment, payload)


@pytest.fixture
def hostile(
    commentable, create_user, create_comment, moderator, staff, create_revision, open_window
):
    """Every payload as a body, a suggested wording, a flag reason, a display name, a staff
    response and an internal note."""
    comments = []
    for index, payload in enumerate(PAYLOADS):
        author = create_user(f"author{index}", display_name=payload[:80])
        comment = create_comment(author, commentable, body=payload, suggested_wording=payload)
        flag_comment(moderator, comment, payload)
        answer(staff, comment, payload)
        comments.append(comment)
    hide(moderator, comments[0], PAYLOADS[0])
    db.session.commit()
    create_revision(commentable.policy, summary="Second")
    open_window(commentable.policy, revision=commentable)
    return comments


def pages(comments, key):
    threads = [
        f"/policies/guidelines/revisions/{number}/clauses/{key}/comments" for number in (1, 2)
    ]
    return threads + [
        "/policies/guidelines/revisions/1",
        "/policies/guidelines",
        "/moderation",
        "/moderation?show=hidden",
        "/audit",
        *[f"/comments/{c.id}" for c in comments[:3]],
        *[f"/moderation/comments/{c.id}" for c in comments[:3]],
        f"/comments/{comments[1].id}/flag",
        f"/comments/{comments[1].id}/reply",
        "/me/comments",
        "/policies/guidelines/triage?replies=yes",
        *[f"/comments/{c.id}/triage" for c in comments[:3]],
    ]


STAFF_ONLY = ("/moderation", "/audit", "/triage")


def assert_inert(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    assert problems(html) == [], path
    assert "<script>alert" not in html.lower() and "<svg" not in html.lower(), path
    return html


@pytest.mark.parametrize("username", ["overseer", "author0", None])
def test_every_view_renders_the_payloads_inert(
    client, auth, hostile, commentable, username, create_user
):
    # A moderator who is also staff sees every view: queue, audit log, hidden text.
    create_user("overseer", roles=(Role.MODERATOR, Role.STAFF), display_name=PAYLOADS[3])
    if username:
        auth.login(username)
    for path in pages(hostile, clause_of(commentable).key):
        if username != "overseer" and any(part in path for part in STAFF_ONLY):
            continue
        if username is None and ("/flag" in path or "/reply" in path or path.startswith("/me")):
            continue
        assert_inert(client, path)


def test_payloads_are_shown_as_text_not_dropped(client, auth, hostile, commentable, moderator):
    auth.login("moderator")
    html = assert_inert(client, "/moderation")
    assert (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
        or '&lt;img src=x onerror="alert(1)"&gt;' in html
    )  # a flag reason, escaped
    thread = assert_inert(client, thread_path(commentable, clause_of(commentable).key))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in thread  # a display name, escaped
