"""The demo: one account per role and a policy with a short history, created once.

Everything goes through the ordinary services, so the demo data is exactly
what staff would have produced by hand, audit trail included.
"""

from dataclasses import dataclass, field
from importlib.resources import files

from consult.accounts.models import Role, User
from consult.accounts.services import create_account, find_user
from consult.demo.comments import load_comments
from consult.demo.translations import load_comment_translations, load_translations
from consult.drafting.importing import ImportOptions, import_document, parse
from consult.errors import ConsultError, ErrorCode
from consult.policies.models import Policy
from consult.policies.services import create_policy, current_draft, find_policy, revisions_of

DEMO_PASSWORD = "consult-demo"
POLICY_SLUG = "riverbank-commons-guidelines"
POLICY_TITLE = "Riverbank Commons Community Participation Guidelines"
POLICY_SUMMARY = (
    "How the volunteers, visitors and partners of Riverbank Commons, a community garden, tool "
    "library and repair café, treat one another, and what happens when someone falls short."
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    roles: tuple[Role, ...] = ()
    languages: tuple[str, ...] = ()


ACCOUNTS = (
    DemoAccount("admin", "Ada Admin", (Role.ADMIN,)),
    DemoAccount("staff", "Sam Staff", (Role.STAFF,)),
    DemoAccount("moderator", "Mo Moderator", (Role.MODERATOR,)),
    DemoAccount("translator", "Tariq Translator", (Role.TRANSLATOR,), ("fr", "de", "es", "ar")),
    DemoAccount("reviewer", "Rosa Reviewer", (Role.TRANSLATOR,), ("fr", "de")),
    DemoAccount("volunteer", "Val Volunteer"),
)
# Staff own the policy: the history then shows a person as publisher.
AUTHOR = "staff"


@dataclass(frozen=True)
class DemoRevision:
    filename: str
    change_summary: str


PUBLISHED = (
    DemoRevision(
        "revision-1.md",
        (
            "First public draft, written by the volunteer working group after two open meetings. "
            "Comments are welcome on every clause."
        ),
    ),
    DemoRevision(
        "revision-2.md",
        (
            "Changes after the first comment period: harassment now names unwanted physical contact, "
            "the Care Team's response times are ones a volunteer team can keep, and mediation is "
            "listed as a possible response. 'Raising a concern' is now 'Reporting a concern', and a "
            "new clause asks everyone to welcome newcomers."
        ),
    ),
    DemoRevision(
        "revision-3.md",
        (
            "Confidentiality now comes first in 'Reporting a concern', so people read it before they "
            "report. 'Making decisions together' was removed: decision-making belongs in the "
            "Riverbank Commons Charter. A new clause says who handles reports and when a Care Team "
            "member steps aside."
        ),
    ),
)
DRAFT = "draft-4.md"


class DemoCode(ErrorCode):
    DRAFT_IN_THE_WAY = "draft_in_the_way"


class DemoError(ConsultError):
    """The demo cannot be completed without touching someone's work; `code` says why."""


@dataclass
class DemoReport:
    """What `load_demo` found and what it created."""

    users: list[User] = field(default_factory=list)
    users_created: list[str] = field(default_factory=list)
    policy: Policy | None = None
    policy_created: bool = False
    revisions_created: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.users_created or self.policy_created or self.revisions_created)


def demo_text(filename: str) -> str:
    return (files("consult.demo") / "content" / filename).read_text(encoding="utf-8")


def load_demo() -> DemoReport:
    """Create whatever part of the demo is missing; existing data is left as it is."""
    report = DemoReport()
    load_accounts(report)
    author = find_user(AUTHOR)
    report.policy = load_policy(author, report)
    load_revisions(author, report.policy, report)
    load_translations(report, DEMO_PASSWORD)
    load_comments(report.policy)
    load_comment_translations(report.policy)
    return report


def load_accounts(report: DemoReport) -> None:
    for account in ACCOUNTS:
        user = find_user(account.username)
        if user is None:
            user = create_account(
                None,
                account.username,
                DEMO_PASSWORD,
                account.display_name,
                account.roles,
                account.languages,
            )
            report.users_created.append(user.username)
        report.users.append(user)


def load_policy(author: User | None, report: DemoReport) -> Policy:
    policy = find_policy(POLICY_SLUG)
    if policy is None:
        policy = create_policy(author, POLICY_SLUG, POLICY_TITLE, "en", POLICY_SUMMARY)
        report.policy_created = True
    return policy


def load_revisions(author: User | None, policy: Policy, report: DemoReport) -> None:
    """Import the revisions the policy does not have yet, then the draft.

    Counting published revisions (rather than comparing texts) lets staff
    play with the demo: their edits and publications are never undone.
    """
    published = len(revisions_of(policy, include_drafts=False))
    for demo in PUBLISHED[published:]:
        refuse_foreign_draft(policy)
        options = ImportOptions(change_summary=demo.change_summary, publish=True)
        revision = import_document(author, policy, parse(demo_text(demo.filename)), options)
        report.revisions_created.append(revision.number)
    # Once staff have published past the demo's history, its draft is obsolete.
    if published <= len(PUBLISHED) and current_draft(policy) is None:
        revision = import_document(author, policy, parse(demo_text(DRAFT)), ImportOptions())
        report.revisions_created.append(revision.number)


def refuse_foreign_draft(policy: Policy) -> None:
    # A policy has one draft at a time; publishing the demo's history would
    # mean deleting or publishing someone's unfinished work.
    draft = current_draft(policy)
    if draft is not None:
        raise DemoError(DemoCode.DRAFT_IN_THE_WAY, revision=draft.number)
