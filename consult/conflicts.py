"""Two requests saving the same thing at the same moment (two imports, two publishes, two
registrations of one name): the database keeps one, and the other gets a readable 409 with
nothing of it stored, whether the collision shows at a service's flush or at the commit."""

import sqlite3

import sqlalchemy as sa
from flask import Flask, session
from flask_babel import lazy_gettext as _l
from psycopg import errors as pg
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import Conflict

from consult.errors import handle_http_error
from consult.extensions import db

# Translators: Error message shown to anyone whose save collided with another person's save at the same instant; calm and precise, tells them to reload.
MESSAGE = _l(
    "Someone else saved the same thing at the same moment, so nothing of yours was stored. "
    "Reload the page to see what is there now."
)
DATABASE_ERRORS = (sa.exc.IntegrityError, sa.exc.OperationalError, StaleDataError)

# A duplicate, a row deleted meanwhile, the immutability triggers (raised as the generic
# integrity class), or a lock lost to another transaction. NOT NULL and CHECK violations
# are bugs, not collisions: they stay 500s.
POSTGRESQL_CONFLICTS = (
    pg.UniqueViolation,
    pg.ForeignKeyViolation,
    pg.SerializationFailure,
    pg.DeadlockDetected,
    pg.LockNotAvailable,
)
SQLITE_CONFLICTS = {
    sqlite3.SQLITE_CONSTRAINT_UNIQUE,
    sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY,
    sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY,
    sqlite3.SQLITE_CONSTRAINT_TRIGGER,
}


def is_conflict(error: Exception) -> bool:
    if isinstance(error, StaleDataError):
        return True
    cause = getattr(error, "orig", None)
    if isinstance(cause, sqlite3.Error):
        return sqlite_conflict(getattr(cause, "sqlite_errorcode", 0))
    if type(cause) is pg.IntegrityConstraintViolation:
        return True
    return isinstance(cause, POSTGRESQL_CONFLICTS)


def sqlite_conflict(code: int) -> bool:
    # The low byte is the primary code: SQLITE_BUSY is "database is locked".
    return code in SQLITE_CONFLICTS or code & 0xFF == sqlite3.SQLITE_BUSY


def conflict_response(error: Exception):
    """A collision answers 409 (the error page rolls the session back); anything else
    stays the error it is."""
    if not is_conflict(error):
        raise error
    # Before the message is translated: choosing its language reads the signed-in
    # account's preference, which a session left in the failed transaction cannot load.
    db.session.rollback()
    return handle_http_error(Conflict(str(MESSAGE)))


def commit_failed(error: Exception):
    # The view's success message was never true.
    session.pop("_flashes", None)
    return conflict_response(error)


def init_app(app: Flask) -> None:
    for kind in DATABASE_ERRORS:
        app.register_error_handler(kind, conflict_response)
