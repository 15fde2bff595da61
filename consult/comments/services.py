"""Writing comments: post, reply, edit, delete, endorse. Every write checks the
window, the author's standing and the rules, then flushes; nothing commits here."""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from consult.accounts.models import User
from consult.audit.services import record
from consult.comments.errors import CommentCode, CommentError, CommentForbidden
from consult.comments.generations import UNCOUNTED
from consult.comments.models import Comment, CommentStatus, CommentVersion, Endorsement
from consult.comments.similar import place
from consult.comments.window import WindowState, conversation_window, require_open
from consult.extensions import db, dialect_insert
from consult.i18n import canonical_language
from consult.policies.models import Clause, Revision
from consult.signals import is_writing_refused
from consult.types import utcnow

# Depth 0 is a comment on the clause; 1 and 2 are replies: three levels in all.
MAX_DEPTH = 3


@dataclass(frozen=True)
class Draft:
    """What a person wrote in the comment form."""

    body: str
    language: str
    suggested_wording: str = ""


def normalised_language(tag: str) -> str:
    """The stored spelling of `tag` (pt_br → pt-BR), or CommentError if Babel does not know it."""
    language = canonical_language(tag)
    if language is None:
        raise CommentError(CommentCode.LANGUAGE_UNKNOWN, language=tag)
    return language


def checked_text(text: str, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise CommentError(CommentCode.BODY_REQUIRED)
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if len(text) > limit:
        raise CommentError(CommentCode.TOO_LONG, length=len(text), limit=limit)
    return text


def checked_draft(draft: Draft) -> Draft:
    return Draft(
        body=checked_text(draft.body, required=True),
        language=normalised_language(draft.language),
        suggested_wording=checked_text(draft.suggested_wording, required=False),
    )


def require_may_write(user: User, revision: Revision, window: WindowState | None = None) -> None:
    require_open(revision, window)
    if is_writing_refused(user):
        raise CommentForbidden(CommentCode.BLOCKED)


def require_may_join(user: User, comment: Comment) -> None:
    """Replying to, endorsing or editing `comment`: its conversation must be open (its own
    revision's window, or the latest revision's once the clause's thread moved there)."""
    revision = db.session.get(Revision, comment.revision_id)
    require_may_write(user, *conversation_window(revision, comment.clause_key))


def post_comment(author: User, clause: Clause, draft: Draft) -> Comment:
    revision = clause.revision
    require_may_write(author, revision)
    draft = checked_draft(draft)
    comment = Comment(
        policy_id=revision.policy_id,
        revision_id=revision.id,
        clause_id=clause.id,
        clause_key=clause.key,
        author_id=author.id,
        language=draft.language,
        body=draft.body,
        suggested_wording=draft.suggested_wording or None,
    )
    db.session.add(comment)
    db.session.flush()
    place(comment)
    record(author, "comment.posted", comment, clause.key, revision=revision.number)
    return comment


def require_replyable(parent: Comment) -> None:
    if parent.status is not CommentStatus.PUBLISHED:
        raise CommentForbidden(CommentCode.PARENT_UNAVAILABLE)
    if parent.depth + 1 >= MAX_DEPTH:
        raise CommentForbidden(CommentCode.DEPTH_LIMIT, limit=MAX_DEPTH)


def reply(author: User, parent: Comment, draft: Draft) -> Comment:
    """A reply joins its parent's conversation, on the parent's revision, even when it is
    written while a later revision is open."""
    require_may_join(author, parent)
    require_replyable(parent)
    draft = checked_draft(draft)
    comment = Comment(
        policy_id=parent.policy_id,
        revision_id=parent.revision_id,
        clause_id=parent.clause_id,
        clause_key=parent.clause_key,
        author_id=author.id,
        language=draft.language,
        body=draft.body,
        suggested_wording=draft.suggested_wording or None,
        parent_id=parent.id,
        depth=parent.depth + 1,
    )
    db.session.add(comment)
    db.session.flush()
    record(author, "comment.replied", comment, parent.clause_key, parent=parent.id)
    return comment


def edit_deadline(comment: Comment):
    return comment.created_at + timedelta(minutes=current_app.config["COMMENT_EDIT_MINUTES"])


def may_still_edit(comment: Comment) -> bool:
    return comment.status is CommentStatus.PUBLISHED and utcnow() < edit_deadline(comment)


def require_own(user: User, comment: Comment) -> None:
    if comment.author_id != user.id:
        raise CommentForbidden(CommentCode.NOT_AUTHOR)


def require_editable(author: User, comment: Comment) -> None:
    require_own(author, comment)
    require_may_join(author, comment)
    if comment.status is not CommentStatus.PUBLISHED:
        raise CommentForbidden(CommentCode.REMOVED)
    if not may_still_edit(comment):
        raise CommentForbidden(
            CommentCode.EDIT_WINDOW_OVER, minutes=current_app.config["COMMENT_EDIT_MINUTES"]
        )


def edit_comment(author: User, comment: Comment, draft: Draft) -> Comment:
    require_editable(author, comment)
    draft = checked_draft(draft)
    wording = draft.suggested_wording or None
    if (draft.body, draft.language, wording) == (
        comment.body,
        comment.language,
        comment.suggested_wording,
    ):
        raise CommentError(CommentCode.UNCHANGED)
    keep_version(comment)
    comment.body, comment.language, comment.suggested_wording = draft.body, draft.language, wording
    comment.edited_at = utcnow()
    db.session.flush()
    place(comment)
    record(author, "comment.edited", comment, comment.clause_key)
    return comment


def keep_version(comment: Comment) -> None:
    db.session.add(
        CommentVersion(
            comment_id=comment.id,
            body=comment.body,
            suggested_wording=comment.suggested_wording,
            written_at=comment.edited_at or comment.created_at,
        )
    )


def delete_comment(author: User, comment: Comment) -> Comment:
    """The thread keeps a placeholder; the text stays in the versions, for moderators only.
    Deleting is allowed outside the window: people may always withdraw what they wrote."""
    require_own(author, comment)
    if comment.status is CommentStatus.DELETED:
        raise CommentForbidden(CommentCode.REMOVED)
    keep_version(comment)
    comment.status, comment.deleted_at = CommentStatus.DELETED, utcnow()
    comment.body, comment.suggested_wording = "", None
    db.session.flush()
    place(comment)
    record(author, "comment.deleted", comment, comment.clause_key)
    return comment


def has_endorsed(user: User, comment: Comment) -> bool:
    return db.session.get(Endorsement, (comment.id, user.id)) is not None


def toggle_endorsement(user: User, comment: Comment) -> bool:
    """Endorse, or withdraw an endorsement; True when the comment is now endorsed by `user`."""
    require_may_join(user, comment)
    if comment.status is not CommentStatus.PUBLISHED:
        raise CommentForbidden(CommentCode.REMOVED)
    if comment.author_id == user.id:
        raise CommentForbidden(CommentCode.OWN_COMMENT)
    if withdrawn_endorsement(user, comment):
        change_endorsement_count(comment, -1)
        record(user, "comment.endorsement_withdrawn", comment, comment.clause_key)
        return False
    if added_endorsement(user, comment):
        change_endorsement_count(comment, +1)
        record(user, "comment.endorsed", comment, comment.clause_key)
    return True


# The count moves only when this request's own statement removed or added the row:
# of two requests that both find an endorsement, one deletes it and the other deletes
# nothing; of two that both find none, one inserts and the other meets the conflict.


def withdrawn_endorsement(user: User, comment: Comment) -> bool:
    statement = sa.delete(Endorsement).where(
        Endorsement.comment_id == comment.id, Endorsement.user_id == user.id
    )
    return db.session.execute(statement).rowcount == 1


def added_endorsement(user: User, comment: Comment) -> bool:
    table = Endorsement.__table__
    statement = (
        dialect_insert(table)
        .values(comment_id=comment.id, user_id=user.id)
        .on_conflict_do_nothing()
        .returning(table.c.user_id)
    )
    return db.session.execute(statement).first() is not None


def change_endorsement_count(comment: Comment, delta: int) -> None:
    # One UPDATE with the arithmetic in SQL: two concurrent endorsements both count.
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id == comment.id)
        .values(endorsement_count=Comment.endorsement_count + delta)
        .execution_options(**UNCOUNTED)
    )
    db.session.refresh(comment, ["endorsement_count"])
