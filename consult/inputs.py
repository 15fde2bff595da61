"""What every request must satisfy before a view reads it: numbers a database column can
hold, and text without NUL characters (PostgreSQL refuses U+0000 and SQLite would store it
silently). Checked once, here, so every route is covered, including routes added later."""

from collections.abc import Callable, Iterator
from typing import IO, Any
from urllib.parse import unquote_to_bytes

from flask import Flask, Request, abort, request
from flask_babel import gettext as _
from werkzeug.formparser import FormDataParser
from werkzeug.http import parse_options_header
from werkzeug.routing import IntegerConverter
from werkzeug.sansio.multipart import Data, Epilogue, Field, MultipartDecoder, NeedData

# The largest INTEGER column value on PostgreSQL (SQLite's are wider): every id and number.
MAX_INT = 2**31 - 1
NUL = "\x00"
# Fields a form sends once per checked box; any other field sent twice is not our form's.
MULTI_VALUED = frozenset({"minor", "comment"})
URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


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
        # Translators: Form error when pasted text contains an invisible NUL character; keep "NUL" and "U+0000" as they are. Read by anyone using the site.
        abort(400, _("Text cannot contain the NUL character (U+0000). Remove it and try again."))


def undecodable(encoded: bytes) -> bool:
    """Werkzeug keeps a query or form value that is not UTF-8 as its %-escapes, which would
    be stored as if someone had typed them."""
    try:
        unquote_to_bytes(encoded.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def multipart_fields(body: bytes, boundary: bytes) -> Iterator[bytes]:
    """The raw value of every text field of a multipart body (files are left out: their
    importers check them)."""
    decoder = MultipartDecoder(boundary)
    decoder.receive_data(body)
    decoder.receive_data(None)
    in_field, chunks = False, []
    event = decoder.next_event()
    while not isinstance(event, Epilogue | NeedData):
        if isinstance(event, Data) and in_field:
            chunks.append(event.data)
            if not event.more_data:
                yield b"".join(chunks)
        elif not isinstance(event, Data):
            in_field, chunks = isinstance(event, Field), []
        event = decoder.next_event()


def multipart_undecodable() -> bool:
    """Werkzeug decodes a multipart text field that is not UTF-8 with replacement
    characters, so a title sent in Latin-1 would be stored with its letters lost. The body
    is read (and kept for the form parser) only after the size limit let it through."""
    boundary = parse_options_header(request.content_type or "")[1].get("boundary")
    if not boundary:
        return False
    try:
        fields = list(multipart_fields(request.get_data(cache=True), boundary.encode("latin-1")))
    except ValueError:
        return False  # a malformed body is the form parser's to refuse
    return any(not utf8(value) for value in fields)


def utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def refuse_invalid_utf8() -> None:
    encoded = [request.query_string]
    if request.mimetype == URLENCODED:
        encoded.append(request.get_data(cache=True))
    bad_urlencoded = any(undecodable(part) for text in encoded for part in text.split(b"&"))
    if bad_urlencoded or (request.mimetype == MULTIPART and multipart_undecodable()):
        # Translators: Error message when a request's text is not valid UTF-8; keep "UTF-8" as is. Read by anyone using the site.
        abort(400, _("The request is not valid UTF-8 text. Check its encoding and try again."))


def refuse_repeated_fields() -> None:
    """A field sent twice, where the form has one value: WTForms would keep the first
    silently."""
    for fields in (request.args, request.form):
        for name, values in fields.lists():
            if len(values) > 1 and name not in MULTI_VALUED:
                # Translators: Error message when a form field arrives twice; %(name)s is the technical name of the field. Read by anyone using the site.
                abort(400, _("The field “%(name)s” was sent more than once.", name=name))


def valid_page(value: str) -> bool:
    return value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_INT


def check_page() -> None:
    # `?page=` means a page number on every list; an empty one (from a form) means page 1.
    page = request.args.get("page", "")
    if page and not valid_page(page):
        # Translators: Error message for an invalid page number in a list's address; %(max)d is the largest page number allowed. Read by anyone using the site.
        abort(400, _("Page numbers are whole numbers from 1 to %(max)d.", max=MAX_INT))


class ClosingFormDataParser(FormDataParser):
    """Werkzeug leaves the temporary files of a multipart body's uploads open when it refuses
    a later part (a text field over the form memory limit: 413): close them."""

    def parse(self, stream, mimetype, content_length, options=None):
        opened: list[IO[bytes]] = []
        self.stream_factory = _tracked(self.stream_factory, opened)
        try:
            return super().parse(stream, mimetype, content_length, options)
        except Exception:
            for file in opened:
                file.close()
            raise


def _tracked(factory: Callable[..., IO[bytes]], opened: list) -> Callable[..., IO[bytes]]:
    def open_and_track(*args, **kwargs) -> IO[bytes]:
        opened.append(file := factory(*args, **kwargs))
        return file

    return open_and_track


class ConsultRequest(Request):
    form_data_parser_class = ClosingFormDataParser


def register_converters(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedIntegerConverter


def init_app(app: Flask) -> None:
    app.request_class = ConsultRequest
    app.before_request(refuse_invalid_utf8)
    app.before_request(refuse_nul)
    app.before_request(refuse_repeated_fields)
    app.before_request(check_page)
