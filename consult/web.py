"""Request-wide behaviour: the single commit point and template helpers."""

from flask import Flask, Response, make_response

from consult.conflicts import DATABASE_ERRORS, commit_failed
from consult.extensions import db
from consult.markup import clause_html, inline_html
from consult.renderings import save_missed


def commit_successful_request(response: Response) -> Response:
    """The one place a request's work is committed: services only flush."""
    if response.status_code >= 400:
        db.session.rollback()
        return response
    try:
        save_missed()
        db.session.commit()
    except DATABASE_ERRORS as error:
        return make_response(commit_failed(error))
    return response


def healthz() -> Response:
    """Liveness for load balancers and the benchmarks' hello-world baseline: no database."""
    return Response("ok\n", mimetype="text/plain")


def init_app(app: Flask) -> None:
    app.after_request(commit_successful_request)
    app.add_url_rule("/healthz", "healthz", healthz)
    app.jinja_env.filters["markdown"] = clause_html
    app.jinja_env.filters["inline_markdown"] = inline_html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
