"""Compare pages, clause history and the self-contained download."""

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from consult.headers import content_security_policy, hash_source
from consult.hooks import page_context
from consult.i18n import carried_reading_language
from consult.permissions import is_staff
from consult.policies.loading import policy_or_404, revisions_or_404
from consult.policies.models import Policy, Revision
from consult.policies.numbering import heading_numbers_by_revision
from consult.policies.services import revisions_of
from consult.redline.presenter import (
    redline_context,
    render_tools,
    requested_mode,
    shown_history,
    unchanged_open,
)
from consult.redline.services import clause_history

bp = Blueprint("redline", __name__, template_folder="templates")


def load(slug: str, *numbers: int) -> tuple[Policy, list[Revision]]:
    policy = policy_or_404(slug)
    return policy, revisions_or_404(policy, *numbers)


@bp.get("/policies/<slug>/compare/<int:old>/<int:new>")
def compare(slug: str, old: int, new: int):
    policy, (old_revision, new_revision) = load(slug, old, new)
    # Read in a translation (`?lang=`), the comparison is the translation's (translating's page).
    elsewhere = page_context("compare", old=old_revision, new=new_revision).get("elsewhere")
    if elsewhere:
        return redirect(elsewhere)
    return render_template(
        "redline/compare.html",
        revisions=revisions_of(policy, is_staff()),
        **redline_context(policy, old_revision, new_revision, requested_mode()),
    )


@bp.get("/policies/<slug>/compare")
def pick(slug: str):
    """The compare form's target: works without JavaScript."""
    old, new = request.args.get("old", type=int), request.args.get("new", type=int)
    if old is None or new is None:
        abort(404)
    return redirect(
        url_for(
            "redline.compare",
            slug=slug,
            old=old,
            new=new,
            mode=requested_mode(),
            unchanged="open" if unchanged_open() else None,
            lang=carried_reading_language(),
        )
    )


@bp.get("/policies/<slug>/compare/<int:old>/<int:new>/download")
def download(slug: str, old: int, new: int):
    policy, (old_revision, new_revision) = load(slug, old, new)
    # The file is read offline, so its stylesheet is inside it: its hash (not a nonce, which
    # a saved file would keep) lets that one stylesheet through the page's policy.
    stylesheet = render_template("redline/_download.css")
    allowed_style = hash_source(stylesheet)
    html = render_template(
        "redline/download.html",
        stylesheet=stylesheet,
        allowed_style=allowed_style,
        **redline_context(policy, old_revision, new_revision, requested_mode()),
    )
    filename = f"{policy.slug}-{old}-to-{new}-redline.html"
    return Response(
        html,
        mimetype="text/html",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Content-Security-Policy": content_security_policy(style_src=allowed_style),
        },
    )


@bp.get("/policies/<slug>/clauses/<key>/history")
def history(slug: str, key: str):
    policy, _revisions = load(slug)
    entries = clause_history(policy, key, include_drafts=is_staff())
    if not entries:
        abort(404)
    by_revision = heading_numbers_by_revision(policy, [entry.revision for entry in entries])
    entries, numbering = shown_history(entries, by_revision)
    return render_template(
        "redline/history.html",
        policy=policy,
        key=key,
        entries=entries,
        headings=by_revision,
        numbering=numbering,
        **render_tools(),
        **page_context("history", policy=policy, entries=entries, headings=by_revision),
    )
