"""Settings: defaults, then `CONSULT_*` environment variables, then the caller's mapping."""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, Any] = {
    "MAX_IMPORT_BYTES": 2 * 1024 * 1024,
    "LANGUAGES": ["en", "fr", "de", "es", "ar", "pt_BR", "ja", "zh_Hans", "ru", "id", "he", "fa"],
    "BABEL_DEFAULT_LOCALE": "en",
    "BABEL_DEFAULT_TIMEZONE": "UTC",
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    # Served over HTTPS (usually behind a TLS-terminating proxy): HSTS and Secure cookies.
    "TLS": False,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
    "ITEMS_PER_PAGE": 50,
    # Comments and moderation.
    "COMMENT_MAX_LENGTH": 5000,
    "COMMENT_EDIT_MINUTES": 15,
    "COMMENT_AUTO_HIDE_FLAGS": 0,
    "COMMENT_LANGUAGES": [
        "en",
        "fr",
        "de",
        "es",
        "ar",
        "pt",
        "pt-BR",
        "it",
        "nl",
        "pl",
        "ru",
        "uk",
        "tr",
        "fa",
        "he",
        "hi",
        "bn",
        "ur",
        "id",
        "ms",
        "vi",
        "th",
        "zh-Hans",
        "zh-Hant",
        "ja",
        "ko",
        "sw",
        "am",
        "yo",
        "ha",
        "el",
        "sv",
        "cs",
        "ro",
        "hu",
        "fi",
        "da",
        "nb",
        "ca",
        "eu",
        "tl",
    ],
    # Always set: Flask-Limiter keeps the previous app's value when a setting is absent.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_COMMENT": "10 per minute;100 per day",
    "RATELIMIT_COMMENT_IP": "30 per minute",
    "RATELIMIT_FLAG": "10 per minute",
    "RATELIMIT_ENDORSE": "60 per minute",
    # Per username from one address; per username from all addresses (refused
    # sign-ins only, set above what one address may try); per address.
    "RATELIMIT_LOGIN": "5 per minute;30 per hour;100 per day",
    "RATELIMIT_LOGIN_ACCOUNT": "50 per hour;200 per day",
    "RATELIMIT_LOGIN_IP": "30 per minute",
    "RATELIMIT_REGISTER": "10 per hour;50 per day",
}


class ConfigError(RuntimeError):
    """The app cannot start with these settings."""


def database_uri(url: str) -> str:
    """Point bare PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def default_database_uri(app: Flask) -> str:
    return "sqlite:///" + str(Path(app.instance_path) / "consult.sqlite3")


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("CONSULT")
    for name in ("SECRET_KEY", "DATABASE_URL"):
        if os.environ.get(name):
            app.config[name] = os.environ[name]
    app.config.update(overrides or {})
    if app.config["TLS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    # Werkzeug stops oversized bodies before they are read; the import form
    # checks MAX_IMPORT_BYTES itself to give a precise message.
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_IMPORT_BYTES"] + 1024 * 1024
    # A translation import whose headings differ sends the document back as a form field
    # (multipart, so not %-escaped) to be confirmed: a field must hold a whole import.
    app.config["MAX_FORM_MEMORY_SIZE"] = max(
        app.config.get("MAX_FORM_MEMORY_SIZE") or 0, app.config["MAX_IMPORT_BYTES"] + 64 * 1024
    )
    url = app.config.get("DATABASE_URL") or default_database_uri(app)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", database_uri(url))
    require_secret_key(app)
    # Always absolute: a relative path resolves against the package and
    # silently finds no catalogs.
    # (A test adds a generated catalog's directory before this one, separated by ";".)
    directories = app.config.get("BABEL_TRANSLATION_DIRECTORIES") or "translations"
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(
        str(PROJECT_ROOT / directory) for directory in directories.split(";")
    )


def require_secret_key(app: Flask) -> None:
    if not app.config.get("SECRET_KEY"):
        if app.config.get("TESTING"):
            app.config["SECRET_KEY"] = "testing"
            return
        raise ConfigError(
            "SECRET_KEY is not set. Set SECRET_KEY (or CONSULT_SECRET_KEY) to a long random "
            "string; the demo command generates one in the instance folder."
        )
