"""JSON of a policy's visible comments with what staff decided about them and answered:
`/api/v1/policies/<slug>/comments`, filtered, a page at a time behind an opaque cursor.
Authors are pseudonyms; nothing only staff may read (notes, assignees, flags) is here."""

from flask import abort, jsonify, request, url_for
from flask_babel import gettext as _

from consult.api.views import bp, load_policy
from consult.comments.export import PolicyOutline
from consult.comments.models import Comment
from consult.comments.pseudonyms import author_pseudonym
from consult.comments.public import PARAMETERS, Cursor, public_filters, visible_page

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def response_json(comment: Comment) -> dict | None:
    if comment.response is None:
        return None
    role = comment.responder_role.value if comment.responder_role else None
    return {"text": comment.response, "at": iso(comment.responded_at), "role": role}


def comment_json(comment: Comment, outline: PolicyOutline) -> dict:
    disposition = comment.disposition.value if comment.disposition else None
    return {
        "id": comment.id,
        "revision": outline.revision_numbers[comment.revision_id],
        "clause": {"key": comment.clause_key, "number": outline.clause_number(comment)},
        "parent_id": comment.parent_id,
        "language": comment.language,
        "author": author_pseudonym(comment.author_id),
        "created": iso(comment.created_at),
        "edited": iso(comment.edited_at),
        "body": comment.body,
        "suggested_wording": comment.suggested_wording or None,
        "endorsements": comment.endorsement_count,
        "disposition": disposition,
        "duplicate_of": comment.duplicate_of_id,
        "addressed_in_revision": outline.revision_numbers.get(comment.addressed_revision_id),
        "response": response_json(comment),
    }


def requested_limit() -> int:
    """`limit`, kept between 1 and MAX_LIMIT."""
    text = request.args.get("limit", "")
    if not text:
        return DEFAULT_LIMIT
    if not (text.isascii() and text.isdigit()):
        # Translators: API error message (JSON) for an invalid "limit" parameter; %(max)d is the largest allowed limit; keep "limit" if quoted, read by developers.
        abort(400, _("The limit is a whole number from 1 to %(max)d.", max=MAX_LIMIT))
    return max(1, min(int(text) if len(text) <= 6 else MAX_LIMIT, MAX_LIMIT))


def requested_cursor() -> Cursor | None:
    text = request.args.get("cursor", "")
    if not text:
        return None
    cursor = Cursor.decode(text)
    if cursor is None:
        # Translators: API error message (JSON) when a pagination cursor was not issued by this API; read by developers.
        abort(400, _("That cursor is not one this API gave."))
    return cursor


def next_url(slug: str, cursor: Cursor | None, limit: int) -> str | None:
    """The next page's address: the same filters, after `cursor`."""
    if cursor is None:
        return None
    kept = {p: request.args[p] for p in PARAMETERS.values() if request.args.get(p)}
    return url_for(
        "api.comments", slug=slug, **kept, limit=limit, cursor=cursor.encode(), _external=True
    )


@bp.get("/policies/<slug>/comments")
def comments(slug: str):
    policy = load_policy(slug)
    filters, unreadable = public_filters(request.args)
    if unreadable:
        names = ", ".join(unreadable)
        # Translators: API error message (JSON) for unreadable query parameters; %(names)s is a comma-separated list of parameter names. Read by developers using the API.
        abort(400, _("These parameters have values we cannot read: %(names)s.", names=names))
    limit = requested_limit()
    page, following = visible_page(policy, filters, requested_cursor(), limit)
    outline = PolicyOutline.of(policy)
    return jsonify(
        {
            "policy": policy.slug,
            "comments": [comment_json(comment, outline) for comment in page],
            "next": next_url(policy.slug, following, limit),
        }
    )
