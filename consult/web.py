"""Request-wide behaviour: the single commit point and template helpers."""

from collections.abc import Callable

from flask import Flask, Response, make_response
from flask_babel import format_decimal, format_number, format_percent
from jinja2 import pass_context

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


def counts_shown_by_babel(ngettext: Callable[..., str]) -> Callable[..., str]:
    """The templates' `ngettext` with `{{ count }}` in the reader's locale: `{% trans
    count=n %}{{ count }} comments{% endtrans %}` shows "1,234 comments", not "1234"."""

    @pass_context
    def ngettext_with_shown_count(context, singular, plural, num, **variables):
        count = variables.get("count")
        if isinstance(count, int) and not isinstance(count, bool):
            variables["count"] = format_number(count)
        return ngettext(context, singular, plural, num, **variables)

    return ngettext_with_shown_count


def init_app(app: Flask) -> None:
    app.after_request(commit_successful_request)
    app.add_url_rule("/healthz", "healthz", healthz)
    # Every figure a page shows goes through Babel: "1,234" in English, "1 234" in French.
    app.jinja_env.globals.update(
        format_number=format_number, format_percent=format_percent, format_decimal=format_decimal
    )
    app.jinja_env.globals["ngettext"] = counts_shown_by_babel(app.jinja_env.globals["ngettext"])
    app.jinja_env.filters["markdown"] = clause_html
    app.jinja_env.filters["inline_markdown"] = inline_html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
