"""Public reading views; drafts are visible to staff only."""

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

import drafts
from consult.hooks import page_context
from consult.permissions import is_staff
from consult.policies.loading import policy_or_404, revision_or_404
from consult.policies.models import Policy, Revision
from consult.policies.numbering import HeadingNumbers
from consult.policies.prefetch import reading_texts
from consult.policies.services import (
    as_domain,
    current_draft,
    draft_content_hash,
    latest_revision,
    policy_listings,
    revisions_of,
)
from consult.renderings import prefetch

bp = Blueprint("policies", __name__, template_folder="templates")


@bp.get("/")
def home():
    return render_template("policies/home.html", listings=policy_listings(is_staff()))


@bp.get("/policies/<slug>")
def policy(slug: str):
    policy = policy_or_404(slug)
    revision = latest_revision(policy)
    if revision is None:
        draft = current_draft(policy) if is_staff() else None
        if draft is None:
            abort(404)
        return redirect(url_for("policies.revision", slug=slug, number=draft.number))
    return show_revision(policy, revision, revision)


@bp.get("/policies/<slug>/revisions/<int:number>")
def revision(slug: str, number: int):
    policy = policy_or_404(slug)
    return show_revision(policy, revision_or_404(policy, number), latest_revision(policy))


def show_revision(policy: Policy, revision: Revision, latest: Revision | None) -> str:
    headings = HeadingNumbers.of(revision)
    prefetch(reading_texts(revision.clauses, headings))
    return render_template(
        "policies/revision.html",
        policy=policy,
        revision=revision,
        clauses=revision.clauses,
        headings=headings,
        revisions=revisions_of(policy, include_drafts=is_staff()),
        latest=latest,
        content_hash=draft_content_hash(revision),
        **page_context("revision", policy=policy, revision=revision),
    )


@bp.get("/policies/<slug>/revisions/<int:number>.md")
def revision_markdown(slug: str, number: int):
    policy = policy_or_404(slug)
    revision = revision_or_404(policy, number)
    text = drafts.render_document(revision.title, [as_domain(c) for c in revision.clauses])
    filename = f"{policy.slug}-{revision.number}.md"
    return Response(
        text,
        mimetype="text/markdown",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/policies/<slug>/revisions")
def pick_revision(slug: str):
    """The revision picker's target: works without JavaScript."""
    policy = policy_or_404(slug)
    number = request.args.get("number", type=int)
    if number is None:
        return redirect(url_for("policies.policy", slug=policy.slug))
    # The reading language stays when the reader moves between revisions.
    return redirect(
        url_for(
            "policies.revision",
            slug=policy.slug,
            number=number,
            lang=request.args.get("lang") or None,
        )
    )
