"""What the comment templates need: who may see and do what, suggestion redlines."""

from flask import url_for
from flask_login import current_user
from markupsafe import Markup

import drafts
from consult.accounts.labels import ROLE_LABELS
from consult.accounts.models import Role
from consult.comments.labels import disposition_label
from consult.comments.models import Comment, CommentStatus
from consult.comments.services import MAX_DEPTH, may_still_edit
from consult.i18n import carried_reading_language
from consult.markup import comment_html
from consult.permissions import is_staff
from consult.redline.labels import screen_reader_labels
from consult.redline.render import INLINE, redline_html
from drafts import COMMENT_PROFILE


def is_moderator() -> bool:
    return current_user.is_authenticated and current_user.has_role(Role.MODERATOR)


def is_author(comment: Comment) -> bool:
    return current_user.is_authenticated and comment.author_id == current_user.id


def text_visible(comment: Comment) -> bool:
    """Hidden text is for its author and the moderators; deleted text for nobody here."""
    if comment.status is CommentStatus.PUBLISHED:
        return True
    return comment.status is CommentStatus.HIDDEN and (is_author(comment) or is_moderator())


def may_edit(comment: Comment) -> bool:
    return is_author(comment) and may_still_edit(comment)


def may_reply(comment: Comment) -> bool:
    return comment.status is CommentStatus.PUBLISHED and comment.depth + 1 < MAX_DEPTH


def suggestion_redline(comment: Comment, clause_body: str) -> Markup:
    """The suggested wording as a redline against the clause it would replace."""
    diff = drafts.diff_text(clause_body, comment.suggested_wording or "")
    return redline_html(diff.ops, screen_reader_labels(), INLINE, profile=COMMENT_PROFILE)


def role_label(role: Role | str | None) -> str:
    return str(ROLE_LABELS[Role(role or Role.STAFF)])


def thread_url(slug: str, number: int, key: str, **params) -> str:
    # The reader's chosen reading language follows them into the thread.
    params.setdefault("lang", carried_reading_language())
    return url_for("comments.thread_page", slug=slug, number=number, key=key, **params)


def template_helpers() -> dict:
    return {
        "comment_html": comment_html,
        "comment_text_visible": text_visible,
        "comment_may_edit": may_edit,
        "comment_may_reply": may_reply,
        "comment_is_author": is_author,
        "is_moderator": is_moderator,
        "suggestion_redline": suggestion_redline,
        "comment_thread_url": thread_url,
        "disposition_label": disposition_label,
        "role_label": role_label,
        "is_staff": is_staff,
    }
