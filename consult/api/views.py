"""JSON views: `/api/v1/...`. Errors are JSON too (see consult.errors)."""

from flask import Blueprint, abort, jsonify
from flask_babel import gettext as _

from consult.policies.loading import policy_or_404, revision_or_404, revisions_or_404
from consult.policies.models import Clause, Policy, Revision
from consult.policies.services import draft_content_hash, latest_revision
from consult.redline.services import compare_revisions

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def clause_json(clause: Clause, hash_formula: int) -> dict:
    return {
        "key": clause.key,
        "number": clause.number,
        "level": clause.level,
        "heading": clause.heading,
        "body": clause.body,
        "hash": clause.hash,
        "hash_formula": hash_formula,
    }


def revision_json(revision: Revision) -> dict:
    published_at = revision.published_at.isoformat() if revision.published_at else None
    return {
        "policy": revision.policy.slug,
        "number": revision.number,
        "state": revision.state.value,
        "title": revision.title,
        "change_summary": revision.change_summary,
        "content_hash": draft_content_hash(revision),
        "chain_hash": revision.chain_hash,
        # Which drafts.text formula every hash of this revision is computed by.
        "hash_formula": revision.hash_formula,
        "published_at": published_at,
        "clauses": [clause_json(clause, revision.hash_formula) for clause in revision.clauses],
    }


def load_policy(slug: str) -> Policy:
    # Translators: API error message (JSON) for an unknown policy; %(slug)s is the policy's address as typed, such as "code-of-conduct". Read by developers using the API.
    return policy_or_404(slug, _("There is no policy “%(slug)s”.", slug=slug))


@bp.get("/policies/<slug>")
def policy(slug: str):
    """The latest published revision."""
    policy = load_policy(slug)
    revision = latest_revision(policy)
    if revision is None:
        # Translators: API error message (JSON) when a policy has no published revision yet; %(slug)s is the policy's address. Read by developers using the API.
        abort(404, _("Policy “%(slug)s” has no published revision.", slug=slug))
    return jsonify(revision_json(revision))


def load_revision(slug: str, number: int) -> Revision:
    # Translators: API error message (JSON) for a missing revision; %(slug)s is the policy's address and %(number)d the revision number requested. Read by developers using the API.
    message = _("Policy “%(slug)s” has no revision %(number)d.", slug=slug, number=number)
    return revision_or_404(policy_or_404(slug, message), number, message)


@bp.get("/policies/<slug>/revisions/<int:number>")
def revision(slug: str, number: int):
    return jsonify(revision_json(load_revision(slug, number)))


def side_json(clause) -> dict | None:
    if clause is None:
        return None
    return {"key": clause.key, "number": clause.number, "heading": clause.heading}


def ops_json(ops) -> list[list[str]]:
    return [[str(kind), text] for kind, text in ops]


def compared_json(item) -> dict:
    return {
        "kind": str(item.kind),
        "changes": sorted(str(change) for change in item.changes),
        "old": side_json(item.old),
        "new": side_json(item.new),
        "heading_ops": ops_json(item.heading.ops),
        "ops": ops_json(item.body.ops),
        "words_added": item.words_added,
        "words_removed": item.words_removed,
    }


@bp.get("/policies/<slug>/compare/<int:old>/<int:new>")
def compare(slug: str, old: int, new: int):
    policy = load_policy(slug)
    # Translators: API error message (JSON) when the requested revision of a policy does not exist; %(slug)s is the policy's address. Read by developers using the API.
    message = _("Policy “%(slug)s” has no such revision.", slug=slug)
    revisions = revisions_or_404(policy, old, new, message=message)
    comparison = compare_revisions(*revisions)
    summary = {name: getattr(comparison.summary, name) for name in SUMMARY_FIELDS}
    return jsonify(
        {
            "from": old,
            "to": new,
            "summary": summary,
            "clauses": [compared_json(item) for item in comparison.clauses],
        }
    )


SUMMARY_FIELDS = (
    "unchanged",
    "modified",
    "added",
    "removed",
    "moved",
    "renamed",
    "renumbered",
    "words_added",
    "words_removed",
)
