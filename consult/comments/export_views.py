"""Staff downloads of a policy's comments: `/policies/<slug>/comments/export.csv` and
`.json`, every comment or (`?revision=N`) one revision's, streamed as they are read."""

from collections.abc import Iterator

from flask import Response, abort, request, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user

from consult.audit.services import record
from consult.comments.export import columns_for, csv_chunks, export_rows, json_chunks
from consult.comments.views import bp
from consult.inputs import MAX_INT
from consult.permissions import staff_required
from consult.policies.loading import policy_or_404, revision_or_404
from consult.policies.models import Policy, Revision
from consult.types import utcnow

EXPORT = "/policies/<slug>/comments/export"


def requested_revision(policy: Policy) -> Revision | None:
    text = request.args.get("revision", "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_INT):
        # Translators: Error for an invalid revision number in an export request; %(max)d is the largest allowed number. Read by policy staff.
        abort(400, _("A revision is a whole number from 1 to %(max)d.", max=MAX_INT))
    return revision_or_404(policy, int(text))


def export_scope(slug: str, kind: str) -> tuple[Policy, Revision | None]:
    """The policy and revision asked for; the download is audited (it holds names)."""
    policy = policy_or_404(slug)
    revision = requested_revision(policy)
    number = revision.number if revision else None
    record(current_user, "comments.exported", policy, policy.slug, format=kind, revision=number)
    return policy, revision


def filename(policy: Policy, revision: Revision | None, extension: str) -> str:
    part = f"-revision-{revision.number}" if revision else ""
    return f"{policy.slug}-comments{part}-{utcnow():%Y%m%d}.{extension}"


def streamed(chunks: Iterator[str], mimetype: str, name: str) -> Response:
    # The request's context stays open while the body is written: the rows are read then.
    return Response(
        stream_with_context(chunks),
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get(EXPORT + ".csv")
@staff_required
def export_csv(slug: str):
    policy, revision = export_scope(slug, "csv")
    columns = columns_for(staff=True)
    rows = export_rows(policy.id, revision.id if revision else None, staff=True)
    chunks = csv_chunks(columns, rows, bom=request.args.get("bom") == "1")
    return streamed(chunks, "text/csv", filename(policy, revision, "csv"))


@bp.get(EXPORT + ".json")
@staff_required
def export_json(slug: str):
    policy, revision = export_scope(slug, "json")
    columns = columns_for(staff=True)
    about = {
        "policy": policy.slug,
        "revision": revision.number if revision else None,
        "exported_at": utcnow().isoformat(),
        "columns": [column.name for column in columns],
    }
    rows = export_rows(policy.id, revision.id if revision else None, staff=True)
    return streamed(
        json_chunks(about, columns, rows), "application/json", filename(policy, revision, "json")
    )
