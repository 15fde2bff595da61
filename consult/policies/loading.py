"""What a view loads first: the policy, revisions and clause of its URL, or a 404.

One family for every area (like flaskr's `get_post`): drafts count only for
staff, so a volunteer cannot learn that a draft exists — a policy with only
drafts is as missing as one never created — and a view that works on
published text only says so with `published_only`.
"""

from flask import abort

from consult.permissions import is_staff
from consult.policies.errors import NotFound
from consult.policies.models import Clause, Policy, Revision
from consult.policies.services import get_clause, get_policy, get_revision


def policy_or_404(slug: str, message: str | None = None) -> Policy:
    try:
        return get_policy(slug, include_unpublished=is_staff())
    except NotFound:
        abort(404, message)


def revision_or_404(
    policy: Policy, number: int, message: str | None = None, published_only: bool = False
) -> Revision:
    try:
        return get_revision(policy, number, include_drafts=is_staff() and not published_only)
    except NotFound:
        abort(404, message)


def revisions_or_404(policy: Policy, *numbers: int, message: str | None = None) -> list[Revision]:
    return [revision_or_404(policy, number, message) for number in numbers]


def policy_revision_or_404(
    slug: str, number: int, message: str | None = None, published_only: bool = False
) -> tuple[Policy, Revision]:
    policy = policy_or_404(slug, message)
    return policy, revision_or_404(policy, number, message, published_only)


def clause_or_404(revision: Revision, key: str) -> Clause:
    try:
        return get_clause(revision, key)
    except NotFound:
        abort(404)
