"""Error pages: readable HTML for people, JSON for the API."""

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from consult.extensions import db

MESSAGES = {
    400: _l("The request could not be understood."),
    403: _l("You do not have permission to do that."),
    404: _l("That page does not exist."),
    405: _l("That method is not allowed here."),
    409: _l("Someone else changed this in the meantime."),
    413: _l("That upload is too large."),
    429: _l("Too many requests. Please wait a moment and try again."),
    500: _l("Something went wrong on our side."),
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_message(error: HTTPException) -> str:
    # A description set by the code that aborted is specific; Werkzeug's
    # default one is English boilerplate, so the translated message wins.
    default = type(error).description
    if error.description and error.description != default:
        return error.description
    return str(MESSAGES.get(error.code or 500, error.name))


def handle_http_error(error: HTTPException):
    # An error answer stores nothing (see consult/web.py), and its page must not flush
    # what a refused or failed request left in the session.
    db.session.rollback()
    code = error.code or 500
    message = error_message(error)
    if wants_json():
        response = jsonify({"error": {"status": code, "message": message}})
    else:
        response = render_template("error.html", code=code, message=message)
    return response, code, extra_headers(error)


def extra_headers(error: HTTPException) -> list[tuple[str, str]]:
    """What the exception adds to its answer (`Allow` on a 405), less its own body's type."""
    return [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
