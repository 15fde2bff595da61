"""Adopting a suggested wording: staff put a comment's wording into its clause in the
policy's draft — never into a published revision — started from the latest revision when
no draft is open. A clause whose text changed since the comment's revision is replaced only
once staff have seen the three texts and confirmed. The comment and the clause are linked
(a CommentAdoption row), the comment gets a disposition (accepted unless staff choose
another) and every change is audited. Nothing commits here.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.errors import CommentCode, CommentError
from consult.comments.models import Comment, CommentAdoption, Disposition
from consult.comments.triage import Decision, decide, require_staff
from consult.drafting.editing import ClauseText, edit_clause
from consult.drafting.services import fork_draft
from consult.errors import ErrorCode
from consult.extensions import db
from consult.policies.errors import RevisionLocked
from consult.policies.models import Clause, Policy, Revision
from consult.policies.services import current_draft, find_clause, latest_revision

# Staff may adopt a wording and still call the comment anything but a duplicate, which
# names another comment and is decided on the triage page.
ADOPTION_DISPOSITIONS = tuple(d for d in Disposition if d is not Disposition.DUPLICATE)


class AdoptionCode(ErrorCode):
    NO_SUGGESTION = "no_suggestion"
    CLAUSE_NOT_IN_DRAFT = "clause_not_in_draft"
    NOT_CONFIRMED = "not_confirmed"
    DRAFT_CHANGED = "draft_changed"


class AdoptionConflict(CommentError):
    """The draft is not as the page showed it, or the replacement was not confirmed (409)."""

    status = 409


@dataclass(frozen=True)
class Plan:
    """What adopting the comment's wording would do, as the adopt page shows it."""

    comment: Comment
    policy: Policy
    # The clause as the comment's revision had it.
    commented: Clause
    # The open draft; None: one will be started from `source`.
    draft: Revision | None
    source: Revision | None
    # The clause the wording replaces: the draft's, or the latest revision's when no draft
    # is open (a new draft copies it). None: the clause is not there.
    current: Clause | None

    @property
    def changed_since(self) -> bool:
        """The clause reads differently from the text the comment was written against."""
        return self.current is not None and self.current.body != self.commented.body

    @property
    def draft_number(self) -> int | None:
        return self.draft.number if self.draft else None

    @property
    def reads_as_suggested(self) -> bool:
        """The clause already reads as the suggestion."""
        return self.current is not None and self.current.body == wording_of(self.comment)


@dataclass(frozen=True)
class Request:
    """What staff submitted: the draft and clause text they saw, and their choices."""

    disposition: Disposition
    draft_number: int | None
    seen_hash: str
    confirmed: bool


def wording_of(comment: Comment) -> str:
    """The suggestion as a clause body would store it (see drafting.editing.ClauseText)."""
    return (comment.suggested_wording or "").replace("\r\n", "\n").strip("\n")


def require_suggestion(comment: Comment) -> None:
    if comment.is_deleted:
        raise CommentError(CommentCode.REMOVED)
    if not wording_of(comment).strip():
        raise CommentError(AdoptionCode.NO_SUGGESTION)


def plan_for(comment: Comment) -> Plan:
    policy = comment.revision.policy
    draft = current_draft(policy)
    source = draft or latest_revision(policy)
    current = find_clause(source, comment.clause_key) if source else None
    commented = db.session.get(Clause, comment.clause_id)
    return Plan(comment, policy, commented, draft, source, current)


def require_same_draft(plan: Plan, number: int | None) -> None:
    """The draft staff saw must still be the open one: a draft published meanwhile is a
    revision now, and its text never changes."""
    if number == plan.draft_number:
        return
    if number is not None:
        seen = db.session.scalar(
            sa.select(Revision).where(
                Revision.policy_id == plan.policy.id, Revision.number == number
            )
        )
        if seen is not None and seen.is_published:
            raise RevisionLocked(revision=number)
    raise AdoptionConflict(AdoptionCode.DRAFT_CHANGED)


def require_confirmed(plan: Plan, request: Request) -> None:
    if plan.current is None:
        raise CommentError(AdoptionCode.CLAUSE_NOT_IN_DRAFT, clause=plan.comment.clause_key)
    if request.seen_hash != plan.current.hash:
        raise AdoptionConflict(AdoptionCode.DRAFT_CHANGED)
    if plan.changed_since and not request.confirmed:
        raise AdoptionConflict(AdoptionCode.NOT_CONFIRMED, revision=plan.comment.revision.number)


def replace_text(actor: User, draft: Revision, comment: Comment) -> Clause:
    clause = find_clause(draft, comment.clause_key)
    if clause.body == wording_of(comment):
        return clause
    text = ClauseText(clause.heading, clause.level, wording_of(comment))
    return edit_clause(actor, draft, clause.key, clause.version, text)


def link(actor: User, comment: Comment, clause: Clause) -> CommentAdoption:
    adoption = db.session.scalar(
        sa.select(CommentAdoption).where(
            CommentAdoption.comment_id == comment.id,
            CommentAdoption.revision_id == clause.revision_id,
        )
    )
    if adoption is None:
        adoption = CommentAdoption(comment_id=comment.id, revision_id=clause.revision_id)
        db.session.add(adoption)
    adoption.clause_id, adoption.clause_hash, adoption.adopted_by_id = (
        clause.id,
        clause.hash,
        actor.id,
    )
    db.session.flush()
    return adoption


def adopt(actor: User, comment: Comment, request: Request) -> Revision:
    """Put the comment's wording into its clause in the draft; returns the draft."""
    require_staff(actor)
    require_suggestion(comment)
    plan = plan_for(comment)
    require_same_draft(plan, request.draft_number)
    require_confirmed(plan, request)
    draft = plan.draft or fork_draft(actor, plan.policy)
    clause = replace_text(actor, draft, comment)
    link(actor, comment, clause)
    number, key, comment_id = draft.number, clause.key, comment.id
    record(
        actor,
        "comment.adopted",
        comment,
        key,
        draft=number,
        clause=key,
        changed_since=plan.changed_since,
    )
    selection = sa.select(Comment.id).where(Comment.id == comment_id)
    decide(actor, plan.policy, selection, Decision(request.disposition))
    return db.session.get(Revision, draft.id)
