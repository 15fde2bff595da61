"""The public report of a published revision: what we heard, what we did."""

from flask import render_template

from consult.comments.labels import DISPOSITION_LABELS
from consult.comments.models import Disposition
from consult.comments.rendered import counts_formatter, rendered
from consult.comments.report import heard, next_published, totals
from consult.comments.views import bp
from consult.hooks import page_context
from consult.policies.loading import policy_revision_or_404
from consult.policies.models import Policy, Revision
from consult.policies.numbering import HeadingNumbers
from consult.redline.presenter import ClauseLanguages, ComparedHeadings, render_tools
from consult.redline.services import compare_revisions


def next_redline(policy: Policy, revision: Revision) -> dict:
    """The next published revision and, per clause key of `revision`, its comparison item
    (what the redline templates render); empty without a next revision."""
    following = next_published(revision)
    if following is None:
        return {"following": None, "changes": {}}
    compared = compare_revisions(revision, following)
    numbering = ComparedHeadings.of(policy.heading_numbers, compared)
    comparison = numbering.shown(compared)
    return {
        **render_tools(),
        "following": following,
        "changes": {item.old.key: item for item in comparison.clauses if item.old is not None},
        "numbering": numbering,
        "clause_languages": ClauseLanguages(policy.source_language),
    }


def report_content(policy: Policy, revision: Revision, reading: dict) -> str:
    by_clause = heard(revision)
    return render_template(
        "comments/_report_content.html",
        policy=policy,
        revision=revision,
        clauses=revision.clauses,
        headings=HeadingNumbers.of(revision),
        heard=by_clause,
        whole=totals(by_clause),
        dispositions=list(Disposition),
        disposition_labels=DISPOSITION_LABELS,
        format_number=counts_formatter(),
        **next_redline(policy, revision),
        **reading,
    )


@bp.get("/policies/<slug>/revisions/<int:number>/report")
def report(slug: str, number: int):
    policy, revision = policy_revision_or_404(slug, number, published_only=True)
    # Asked before the cache, so that an unknown `?lang=` is refused even when the page is warm.
    reading = page_context("report", revision=revision)
    content = rendered(
        ("report", revision.id), policy, lambda: report_content(policy, revision, reading)
    )
    return render_template(
        "comments/report.html", policy=policy, revision=revision, content=content
    )
