"""Errors: readable HTML error pages for people, JSON for the API, and the one base of
the app's rule errors with its message registry."""

import enum
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from consult.extensions import db
from consult.zones import moment_text

MESSAGES = {
    # Translators: Error page text for a malformed request (HTTP 400), read by any visitor; neutral.
    400: _l("The request could not be understood."),
    # Translators: Error page text (HTTP 403) when someone lacks the right to do an action; neutral, not accusing. Read by anyone using the site.
    403: _l("You do not have permission to do that."),
    # Translators: Error page text (HTTP 404) for a page that does not exist; read by any visitor.
    404: _l("That page does not exist."),
    # Translators: Error page text (HTTP 405) for a request method the page does not accept; rarely seen, technical but plain. Read by anyone using the site.
    405: _l("That method is not allowed here."),
    # Translators: Error message (HTTP 409) when another person changed the same thing meanwhile; read by staff, translators or moderators.
    409: _l("Someone else changed this in the meantime."),
    # Translators: Error page text (HTTP 413) for an uploaded file or form that is too big. Read by anyone using the site.
    413: _l("That upload is too large."),
    # Translators: Error page text (HTTP 429) when someone sends requests too quickly; polite, asks them to wait. Read by anyone using the site.
    429: _l("Too many requests. Please wait a moment and try again."),
    # Translators: Error page text (HTTP 500) for an internal failure; apologetic in tone but brief. Read by anyone using the site.
    500: _l("Something went wrong on our side."),
}

# Pages are titled in words: a number alone tells a reader nothing.
TITLES = {
    # Translators: Title of the error page (also the browser tab title) for a malformed request (HTTP 400); a short noun phrase, read by any visitor.
    400: _l("Request not understood"),
    # Translators: Title of the error page (also the browser tab title) for an action the visitor has no right to do (HTTP 403); neutral, not accusing.
    403: _l("Not allowed"),
    # Translators: Title of the error page (also the browser tab title) for an address that does not exist (HTTP 404); read by any visitor.
    404: _l("Page not found"),
    # Translators: Title of the error page (also the browser tab title) for a request method the page does not accept (HTTP 405); rarely seen.
    405: _l("Method not allowed"),
    # Translators: Title of the error page (also the browser tab title) for a save that collided with someone else's change (HTTP 409).
    409: _l("Changed in the meantime"),
    # Translators: Title of the error page (also the browser tab title) for an uploaded file or form that is too big (HTTP 413).
    413: _l("Upload too large"),
    # Translators: Title of the error page (also the browser tab title) for a request that was understood but refused (HTTP 422); the page text says why.
    422: _l("Could not be done"),
    # Translators: Title of the error page (also the browser tab title) for someone sending requests too quickly (HTTP 429).
    429: _l("Too many requests"),
    # Translators: Title of the error page (also the browser tab title) for an internal failure (HTTP 500); read by any visitor.
    500: _l("Server error"),
}
# Translators: Title of the error page (also the browser tab title) for a form whose security token is missing or expired (CSRF check); read by anyone who sent a form.
CSRF_TITLE = _l("Form expired")
# Flask-WTF's descriptions ("The CSRF token is missing.") are English and technical.
# Translators: Error page text when a sent form's security token is missing or expired; read by anyone who sent a form, tells them how to recover without technical words.
CSRF_MESSAGE = _l(
    "This form has expired or did not come from this site. Go back, reload the page and "
    "send it again."
)


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_message(error: HTTPException) -> str:
    if isinstance(error, CSRFError):
        return str(CSRF_MESSAGE)
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
        response = render_template(
            "error.html", code=code, title=error_title(error), message=message
        )
    return response, code, extra_headers(error)


def error_title(error: HTTPException) -> str:
    if isinstance(error, CSRFError):
        return str(CSRF_TITLE)
    code = error.code or 500
    return str(TITLES.get(code) or TITLES[500 if code >= 500 else 400])


def extra_headers(error: HTTPException) -> list[tuple[str, str]]:
    """What the exception adds to its answer (`Allow` on a 405), less its own body's type."""
    return [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)


# One error base for the app's rules, like drafts/errors.py for the library: services
# raise a ConsultError carrying an enum code (each area has its ErrorCode subclass) and
# the details its message needs; views turn it into words with `message_of`, from one
# registry each area fills in its `register(app)`. tests/test_errors.py checks that every
# code has a message.


class ErrorCode(enum.StrEnum):
    """Base of each area's codes (PolicyCode, CommentCode …); it has no members itself."""


class ConsultError(Exception):
    """A rule was broken: `code` says which, `details` fill in its message.

    `status` is the HTTP answer when the error has no form to be shown on."""

    code: enum.Enum
    status = 422

    def __init__(self, code: enum.Enum | None = None, **details: Any):
        code = code if code is not None else getattr(type(self), "code", None)
        if not isinstance(code, enum.Enum):
            raise TypeError(f"{type(self).__name__} needs an enum code, got {code!r}")
        super().__init__(code)
        self.code = code
        self.details = details

    def message_details(self) -> dict[str, Any]:
        """What the message's placeholders take: times in the reader's locale and zone."""
        return {
            name: moment_text(value, "long") if isinstance(value, datetime) else value
            for name, value in self.details.items()
        }


class _Unknown(dict):
    # A message may name a detail some raise sites leave out: show "?" rather than fail.
    def __missing__(self, name: str) -> str:
        return "?"


class Counted:
    """A message whose words follow a count: `words(count, **details)` calls `ngettext` with
    the literal msgids (so extraction finds them) when the message is shown, not at import.
    `message % details` works as for a lazy string, so WTForms validators take one too."""

    def __init__(self, count: str, words: Callable[..., str]):
        self.count = count
        self.words = words

    def __mod__(self, details: Mapping[str, Any]) -> str:
        shown = {name: shown_number(value) for name, value in details.items()}
        return self.words(details[self.count], **shown)


def shown_number(value: Any) -> Any:
    """Whole numbers in the reader's locale ("10,000", "10 000", "١٠٬٠٠٠")."""
    is_count = isinstance(value, int) and not isinstance(value, bool)
    return format_number(value) if is_count else value


_MESSAGES: dict[tuple[type, str], Any] = {}


def register_messages(messages: Mapping[enum.Enum, Any]) -> None:
    """Add an area's messages, keyed by code (codes of two enums never collide)."""
    _MESSAGES.update({(type(code), code.value): text for code, text in messages.items()})


def has_message(code: enum.Enum) -> bool:
    return (type(code), code.value) in _MESSAGES


def message_of(error: ConsultError) -> str:
    template = _MESSAGES.get((type(error.code), error.code.value))
    if template is None:
        # Translators: Fallback error message when no specific text exists; %(code)s is an internal error code such as "policies.not_found", keep it as is. Read by anyone using the site.
        return _("That could not be done (%(code)s).", code=error.code.value)
    if isinstance(template, Counted):
        return template % _Unknown(error.message_details())
    return str(template) % _Unknown(error.message_details())
