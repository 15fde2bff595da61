"""Who may do what: every route of the URL map × every role, as the sweeps expect it.

An entry per (endpoint, method) lists cases: URL values (and for a write, a valid form) over
the data set of tests/sweeps/conftest.py, and the outcome each role must get. A route added
later has no entry, and both sweeps fail until it gets one.
"""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from tests.factories import DOCUMENT, PASSWORD
from tests.sweeps.dataset import FRENCH

# Heading 5 at another level: the upload is reviewed, then confirmed by order.
FRENCH_LEVELS_DIFFER = FRENCH.replace("### Inacceptable", "## Inacceptable")

ROLES = (
    "anonymous",
    "volunteer",
    "other_translator",
    "translator",
    "reviewer",
    "moderator",
    "staff",
    "admin",
    "blocked",
)
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class Outcome(enum.Enum):
    OK = "200"
    REDIRECT = "3xx, not to the sign-in page"
    SIGN_IN = "302 to the sign-in page"
    FORBIDDEN = "403"
    MISSING = "404"
    CONFLICT = "409"


OK, REDIRECT, SIGN_IN, FORBIDDEN, MISSING, CONFLICT = Outcome
STAFF = ("staff", "admin")
MODERATORS = ("moderator", "admin")
FRENCH_TRANSLATORS = ("translator", "reviewer")


@dataclass(frozen=True)
class Upload:
    """A file field: a fresh stream is made for every request."""

    text: str
    filename: str = "document.md"


@dataclass(frozen=True)
class Case:
    expect: Mapping[str, Outcome]
    values: Mapping[str, object] = field(default_factory=dict)
    data: Mapping[str, object] = field(default_factory=dict)
    query: str = ""


def everyone(outcome: Outcome, **others: Outcome) -> dict[str, Outcome]:
    return {role: others.get(role, outcome) for role in ROLES}


def signed_in(outcome: Outcome, **others: Outcome) -> dict[str, Outcome]:
    """Anonymous readers are sent to sign in; every account gets `outcome` unless named."""
    return everyone(outcome, anonymous=SIGN_IN, **others)


def only(outcome: Outcome, *roles: str, **others: Outcome) -> dict[str, Outcome]:
    """`roles` get `outcome`, other accounts 403, anonymous readers the sign-in page."""
    return signed_in(FORBIDDEN, **{role: outcome for role in roles}, **others)


def staff_sees(outcome: Outcome) -> dict[str, Outcome]:
    """Drafts: staff get `outcome`; for everyone else the page does not exist."""
    return everyone(MISSING, **{role: outcome for role in STAFF})


GUIDE = {"slug": "guidelines"}
REV2 = {**GUIDE, "number": 2}
DRAFT = {**GUIDE, "number": 3}
FR = {**REV2, "language": "fr"}
VOLUNTEERS_COMMENT = {"comment_id": "@comment.by_volunteer"}
ADMINS_COMMENT = {"comment_id": "@comment.by_admin"}
HIDDEN_COMMENT = {"comment_id": "@comment.hidden"}
COMMENT_FORM = {"body": "Another view.", "language": "en"}
REASON = {"reason": "A reason."}
CLAUSE_FORM = {"heading": "Purpose", "level": "2", "body": "Changed.", "version": "@clause_version"}
NEW_CLAUSE = {"heading": "New", "level": "2", "body": "New text.", "version": "0", "after": ""}
STRUCTURE = {"structure_version": "@structure_version"}
WINDOW = {"revision": "", "opens_at": "2026-01-01T09:00", "closes_at": "2036-01-01T09:00"}
REGISTRATION = {
    "username": "newcomer",
    "display_name": "Newcomer",
    "password": PASSWORD,
    "confirm": PASSWORD,
}
PREFERENCES = {"locale": "de", "timezone": "Europe/Berlin"}
NEW_PASSWORD = "violet tangerine harbour mosaic"
PASSWORD_CHANGE = {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
SUGGESTING_COMMENT = {"comment_id": "@comment.suggesting"}
# The page's hidden fields: draft 3 is open, and its clause reads as the comment's revision.
ADOPT_FORM = {"draft": "3", "seen": "@purpose_hash", "disposition": "accepted", "confirm": "y"}
TRIAGE_FORM = {
    "disposition": "accepted",
    "original": "",
    "response": "",
    "assignee": "",
    "note": "",
}

TABLE: dict[tuple[str, str], list[Case]] = {
    ("healthz", "GET"): [Case(everyone(OK))],
    ("policies.home", "GET"): [Case(everyone(OK))],
    # Accounts
    ("accounts.login", "GET"): [Case(everyone(REDIRECT, anonymous=OK))],
    ("accounts.login", "POST"): [
        Case(everyone(REDIRECT), data={"username": "volunteer", "password": PASSWORD})
    ],
    ("accounts.register", "GET"): [Case(everyone(REDIRECT, anonymous=OK))],
    ("accounts.register", "POST"): [Case(everyone(REDIRECT), data=REGISTRATION)],
    ("accounts.logout", "POST"): [Case(everyone(REDIRECT))],
    ("accounts.set_language", "POST"): [Case(everyone(REDIRECT), data={"locale": "fr"})],
    ("accounts.user_list", "GET"): [Case(only(OK, "admin"))],
    ("accounts.user_edit", "GET"): [Case(only(OK, "admin"), {"user_id": "@user.volunteer"})],
    ("accounts.user_edit", "POST"): [
        Case(
            only(REDIRECT, "admin"),
            {"user_id": "@user.volunteer"},
            {"translator": "y", "languages": "es"},
        )
    ],
    ("accounts.user_rename", "POST"): [
        Case(only(REDIRECT, "admin"), {"user_id": "@user.volunteer"}, {"display_name": "Renamed"})
    ],
    ("accounts.user_sign_out", "POST"): [
        Case(only(REDIRECT, "admin"), {"user_id": "@user.volunteer"})
    ],
    ("accounts.account", "GET"): [Case(signed_in(OK))],
    ("accounts.account", "POST"): [Case(signed_in(REDIRECT), data={"display_name": "Newcomer"})],
    ("accounts.preferences", "POST"): [Case(signed_in(REDIRECT), data=PREFERENCES)],
    ("accounts.password", "GET"): [Case(signed_in(OK))],
    ("accounts.password", "POST"): [Case(signed_in(REDIRECT), data=PASSWORD_CHANGE)],
    ("audit.log", "GET"): [Case(only(OK, *STAFF))],
    # Reading, and drafts hidden from everyone but staff
    ("policies.policy", "GET"): [
        Case(everyone(OK), GUIDE),
        Case(staff_sees(REDIRECT), {"slug": "secret"}),
    ],
    ("policies.revision", "GET"): [Case(everyone(OK), REV2), Case(staff_sees(OK), DRAFT)],
    ("policies.revision_markdown", "GET"): [Case(everyone(OK), REV2), Case(staff_sees(OK), DRAFT)],
    ("policies.pick_revision", "GET"): [
        Case(everyone(REDIRECT), GUIDE, query="number=2"),
        Case(staff_sees(REDIRECT), {"slug": "secret"}, query="number=1"),
    ],
    ("redline.compare", "GET"): [
        Case(everyone(OK), {**GUIDE, "old": 1, "new": 2}),
        Case(staff_sees(OK), {**GUIDE, "old": 2, "new": 3}),
    ],
    ("redline.download", "GET"): [
        Case(everyone(OK), {**GUIDE, "old": 1, "new": 2}),
        Case(staff_sees(OK), {**GUIDE, "old": 2, "new": 3}),
    ],
    ("redline.pick", "GET"): [Case(everyone(REDIRECT), GUIDE, query="old=1&new=2")],
    ("redline.history", "GET"): [
        Case(everyone(OK), {**GUIDE, "key": "purpose"}),
        Case(staff_sees(OK), {"slug": "secret", "key": "purpose"}),
    ],
    ("api.policy", "GET"): [Case(everyone(OK), GUIDE), Case(everyone(MISSING), {"slug": "secret"})],
    ("api.revision", "GET"): [Case(everyone(OK), REV2), Case(staff_sees(OK), DRAFT)],
    ("api.compare", "GET"): [
        Case(everyone(OK), {**GUIDE, "old": 1, "new": 2}),
        Case(staff_sees(OK), {**GUIDE, "old": 2, "new": 3}),
    ],
    ("api.translation_progress", "GET"): [Case(everyone(OK), REV2)],
    ("api.translation", "GET"): [Case(everyone(OK), FR)],
    ("api.comments", "GET"): [
        Case(everyone(OK), GUIDE),
        Case(staff_sees(OK), {"slug": "secret"}),
        Case(everyone(OK), GUIDE, query="language=en&disposition=open&limit=5"),
    ],
    # Comments
    ("comments.thread_page", "GET"): [
        Case(everyone(OK), {**REV2, "key": "purpose"}),
        Case(everyone(MISSING), {**DRAFT, "key": "purpose"}),
    ],
    ("comments.post", "POST"): [
        Case(signed_in(REDIRECT, blocked=FORBIDDEN), {**REV2, "key": "purpose"}, COMMENT_FORM)
    ],
    ("comments.mine", "GET"): [Case(signed_in(OK))],
    ("comments.report", "GET"): [
        Case(everyone(OK), REV2),
        Case(everyone(MISSING), DRAFT),
        Case(everyone(MISSING), {"slug": "secret", "number": 1}),
    ],
    ("comments.statistics", "GET"): [
        Case(everyone(OK), GUIDE),
        Case(everyone(MISSING), {"slug": "secret"}),
    ],
    ("comments.triage", "GET"): [Case(only(OK, *STAFF), GUIDE)],
    ("comments.export_csv", "GET"): [
        Case(only(OK, *STAFF), GUIDE),
        Case(only(OK, *STAFF), GUIDE, query="revision=2&bom=1"),
    ],
    ("comments.export_json", "GET"): [Case(only(OK, *STAFF), GUIDE)],
    ("comments.triage_bulk", "POST"): [
        Case(
            only(REDIRECT, *STAFF),
            GUIDE,
            {"scope": "selected", "comment": "@comment.by_volunteer", "disposition": "noted"},
        )
    ],
    ("comments.triage_comment", "GET"): [Case(only(OK, *STAFF), VOLUNTEERS_COMMENT)],
    ("comments.triage_comment", "POST"): [
        Case(only(REDIRECT, *STAFF), VOLUNTEERS_COMMENT, TRIAGE_FORM)
    ],
    ("comments.adopt_wording", "GET"): [
        Case(only(OK, *STAFF), SUGGESTING_COMMENT),
        Case(only(MISSING, *STAFF), VOLUNTEERS_COMMENT),
    ],
    ("comments.adopt_wording_post", "POST"): [
        Case(only(REDIRECT, *STAFF), SUGGESTING_COMMENT, ADOPT_FORM),
        Case(only(CONFLICT, *STAFF), SUGGESTING_COMMENT, {**ADOPT_FORM, "draft": "2"}),
    ],
    ("comments.show", "GET"): [Case(everyone(OK), VOLUNTEERS_COMMENT)],
    ("comments.reply_page", "GET"): [Case(signed_in(OK, blocked=FORBIDDEN), VOLUNTEERS_COMMENT)],
    ("comments.reply_page", "POST"): [
        Case(signed_in(REDIRECT, blocked=FORBIDDEN), VOLUNTEERS_COMMENT, COMMENT_FORM)
    ],
    ("comments.edit", "GET"): [Case(only(OK, "volunteer"), VOLUNTEERS_COMMENT)],
    ("comments.edit", "POST"): [
        Case(only(REDIRECT, "volunteer"), VOLUNTEERS_COMMENT, {"body": "Edited.", "language": "en"})
    ],
    ("comments.delete", "POST"): [Case(only(REDIRECT, "volunteer"), VOLUNTEERS_COMMENT)],
    ("comments.endorse", "POST"): [
        Case(signed_in(REDIRECT, volunteer=FORBIDDEN, blocked=FORBIDDEN), VOLUNTEERS_COMMENT)
    ],
    ("comments.flag", "GET"): [
        Case(signed_in(OK, blocked=FORBIDDEN), VOLUNTEERS_COMMENT),
        Case(signed_in(FORBIDDEN), HIDDEN_COMMENT),
        Case(signed_in(FORBIDDEN), {"comment_id": "@comment.deleted"}),
    ],
    ("comments.flag", "POST"): [
        Case(signed_in(REDIRECT, blocked=FORBIDDEN), VOLUNTEERS_COMMENT, REASON),
        Case(signed_in(FORBIDDEN), HIDDEN_COMMENT, REASON),
    ],
    ("comments.window", "GET"): [Case(only(OK, *STAFF), GUIDE)],
    ("comments.window", "POST"): [Case(only(REDIRECT, *STAFF), GUIDE, WINDOW)],
    # Moderation: an admin's comment and account are for another admin only
    ("moderation.queue_page", "GET"): [Case(only(OK, *MODERATORS))],
    ("moderation.comment", "GET"): [Case(only(OK, *MODERATORS), VOLUNTEERS_COMMENT)],
    ("moderation.act", "POST"): [
        Case(only(REDIRECT, *MODERATORS), {**VOLUNTEERS_COMMENT, "action": "hide"}, REASON),
        Case(only(REDIRECT, "admin"), {**ADMINS_COMMENT, "action": "hide"}, REASON),
        Case(only(REDIRECT, *MODERATORS), {**HIDDEN_COMMENT, "action": "restore"}, REASON),
        Case(only(REDIRECT, *MODERATORS), {**ADMINS_COMMENT, "action": "dismiss"}, REASON),
    ],
    ("moderation.account", "POST"): [
        Case(
            only(REDIRECT, *MODERATORS), {"user_id": "@user.volunteer", "action": "block"}, REASON
        ),
        Case(only(REDIRECT, "admin"), {"user_id": "@user.root", "action": "block"}, REASON),
        Case(
            only(REDIRECT, *MODERATORS), {"user_id": "@user.blocked", "action": "unblock"}, REASON
        ),
    ],
    # Translating: writers are the translators of the language, unless blocked
    ("translating.dashboard", "GET"): [Case(everyone(OK), REV2)],
    ("translating.workspace", "GET"): [Case(everyone(OK), FR)],
    ("translating.next_clause", "GET"): [Case(everyone(REDIRECT), FR)],
    ("translating.compare", "GET"): [
        Case(everyone(OK), {**GUIDE, "old": 1, "new": 2, "language": "fr"})
    ],
    ("translating.edit", "GET"): [Case(only(OK, *FRENCH_TRANSLATORS), {**FR, "key": "purpose"})],
    ("translating.edit", "POST"): [
        Case(
            only(REDIRECT, *FRENCH_TRANSLATORS),
            {**FR, "key": "purpose"},
            {"heading": "But", "body": "Un lieu aimable.", "version": "@translation_version"},
        )
    ],
    ("translating.review", "POST"): [Case(only(REDIRECT, "reviewer"), {**FR, "key": "purpose"})],
    ("translating.import_document", "GET"): [Case(only(OK, *FRENCH_TRANSLATORS), FR)],
    ("translating.import_document", "POST"): [
        Case(only(REDIRECT, *FRENCH_TRANSLATORS), FR, {"document": Upload(FRENCH)})
    ],
    ("translating.import_confirm", "POST"): [
        Case(only(REDIRECT, *FRENCH_TRANSLATORS), FR, {"document_text": FRENCH_LEVELS_DIFFER})
    ],
    ("translating.edit_title", "GET"): [Case(only(OK, *FRENCH_TRANSLATORS), FR)],
    ("translating.edit_title", "POST"): [
        Case(only(REDIRECT, *FRENCH_TRANSLATORS), FR, {"title": "Règles"})
    ],
    ("translating.translate_comment", "GET"): [Case(only(OK, *FRENCH_TRANSLATORS), ADMINS_COMMENT)],
    ("translating.translate_comment", "POST"): [
        Case(only(REDIRECT, *FRENCH_TRANSLATORS), ADMINS_COMMENT, {"body": "An opinion."})
    ],
    # Drafting: staff only; published text is a 409 even for them
    ("drafting.new_policy", "GET"): [Case(only(OK, *STAFF))],
    ("drafting.new_policy", "POST"): [
        Case(
            only(REDIRECT, *STAFF),
            data={"slug": "new-one", "title": "New", "source_language": "en"},
        )
    ],
    ("drafting.import_revision", "GET"): [Case(only(OK, *STAFF), {"slug": "charter"})],
    ("drafting.import_revision", "POST"): [
        Case(
            only(REDIRECT, *STAFF),
            {"slug": "charter"},
            {"document": Upload(DOCUMENT), "title": "Charter", "change_summary": "Updated."},
        )
    ],
    ("drafting.heading_numbers", "GET"): [Case(only(OK, *STAFF), GUIDE)],
    ("drafting.heading_numbers", "POST"): [
        Case(only(REDIRECT, *STAFF), GUIDE, {"heading_numbers": "consult"})
    ],
    ("drafting.fork", "POST"): [Case(only(REDIRECT, *STAFF), {"slug": "charter"})],
    ("drafting.edit_draft", "GET"): [
        Case(only(OK, *STAFF), DRAFT),
        Case(only(CONFLICT, *STAFF), REV2),
    ],
    ("drafting.edit_clause", "GET"): [Case(only(OK, *STAFF), {**DRAFT, "key": "purpose"})],
    ("drafting.edit_clause", "POST"): [
        Case(only(REDIRECT, *STAFF), {**DRAFT, "key": "purpose"}, CLAUSE_FORM),
        Case(only(CONFLICT, *STAFF), {**REV2, "key": "purpose"}, CLAUSE_FORM),
    ],
    ("drafting.add_clause", "POST"): [
        Case(only(REDIRECT, *STAFF), DRAFT, {**NEW_CLAUSE, **STRUCTURE})
    ],
    ("drafting.delete_clause", "POST"): [
        Case(only(REDIRECT, *STAFF), {**DRAFT, "key": "reporting"}, STRUCTURE)
    ],
    ("drafting.move_clause", "POST"): [
        Case(
            only(REDIRECT, *STAFF), {**DRAFT, "key": "reporting"}, {**STRUCTURE, "direction": "up"}
        )
    ],
    ("drafting.publish_draft", "GET"): [Case(only(OK, *STAFF), DRAFT)],
    ("drafting.publish_draft", "POST"): [
        Case(only(REDIRECT, *STAFF), DRAFT, {"change_summary": "Clearer."})
    ],
    ("drafting.delete_revision", "POST"): [
        Case(only(REDIRECT, *STAFF), DRAFT),
        Case(only(CONFLICT, *STAFF), REV2),
    ],
}
