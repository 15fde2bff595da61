"""What a view loads first: the policy and revisions of its URL, or a 404.

Drafts count only for staff, so a volunteer cannot learn that a draft exists.
Kept apart from the views modules because views of other areas import it.
"""

from flask import abort

from consult.permissions import is_staff
from consult.policies.errors import NotFound
from consult.policies.models import Policy, Revision
from consult.policies.services import get_policy, get_revision


def policy_or_404(slug: str, message: str | None = None) -> Policy:
    try:
        return get_policy(slug)
    except NotFound:
        abort(404, message)


def revision_or_404(policy: Policy, number: int, message: str | None = None) -> Revision:
    try:
        return get_revision(policy, number, include_drafts=is_staff())
    except NotFound:
        abort(404, message)


def revisions_or_404(policy: Policy, *numbers: int, message: str | None = None) -> list[Revision]:
    return [revision_or_404(policy, number, message) for number in numbers]
