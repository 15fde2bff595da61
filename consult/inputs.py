"""What every request must satisfy before a view reads it: numbers a database column can
hold, and text without NUL characters (PostgreSQL refuses U+0000 and SQLite would store it
silently). Checked once, here, so every route is covered, including routes added later."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Flask, abort, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

# The largest INTEGER column value on PostgreSQL (SQLite's are wider): every id and number.
MAX_INT = 2**31 - 1
NUL = "\x00"
# Fields a form sends once per checked box; any other field sent twice is not our form's.
MULTI_VALUED = frozenset({"minor", "comment"})
URLENCODED = "application/x-www-form-urlencoded"


class BoundedIntegerConverter(IntegerConverter):
    """`<int:…>` in every route: a number no INTEGER column holds matches no route (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_INT, signed=False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def json_texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_texts(item)


def submitted_texts() -> Iterator[str]:
    """The path, every query and form field (names too) and every JSON string; uploaded
    files are the importers' to check."""
    yield request.path
    for fields in (request.args, request.form):
        for name, value in fields.items(multi=True):
            yield name
            yield value
    if request.is_json:
        yield from json_texts(request.get_json(silent=True))


def refuse_nul() -> None:
    if any(NUL in text for text in submitted_texts()):
        abort(400, _("Text cannot contain the NUL character (U+0000). Remove it and try again."))


def undecodable(encoded: bytes) -> bool:
    """Werkzeug keeps a query or form value that is not UTF-8 as its %-escapes, which would
    be stored as if someone had typed them."""
    try:
        unquote_to_bytes(encoded.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def refuse_invalid_utf8() -> None:
    encoded = [request.query_string]
    if request.mimetype == URLENCODED:
        encoded.append(request.get_data(cache=True))
    if any(undecodable(part) for text in encoded for part in text.split(b"&")):
        abort(400, _("The request is not valid UTF-8 text. Check its encoding and try again."))


def refuse_repeated_fields() -> None:
    """A field sent twice, where the form has one value: WTForms would keep the first
    silently."""
    for fields in (request.args, request.form):
        for name, values in fields.lists():
            if len(values) > 1 and name not in MULTI_VALUED:
                abort(400, _("The field “%(name)s” was sent more than once.", name=name))


def valid_page(value: str) -> bool:
    return value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_INT


def check_page() -> None:
    # `?page=` means a page number on every list; an empty one (from a form) means page 1.
    page = request.args.get("page", "")
    if page and not valid_page(page):
        abort(400, _("Page numbers are whole numbers from 1 to %(max)d.", max=MAX_INT))


def register_converters(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedIntegerConverter


def init_app(app: Flask) -> None:
    app.before_request(refuse_invalid_utf8)
    app.before_request(refuse_nul)
    app.before_request(refuse_repeated_fields)
    app.before_request(check_page)
