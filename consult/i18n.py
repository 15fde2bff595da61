"""Interface language, time zone and text direction."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from markupsafe import Markup

from consult.extensions import babel


def select_locale() -> str:
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    available = current_app.config["LANGUAGES"]
    chosen = session.get("locale")
    if chosen in available:
        return chosen
    return (
        request.accept_languages.best_match(available) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone() -> str | None:
    return session.get("timezone") if has_request_context() else None


def parse_language(tag: str) -> Locale | None:
    """A Babel locale for a BCP 47 tag such as `pt-BR`, or None if Babel does not know it."""
    try:
        return Locale.parse(tag.strip(), sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def canonical_language(tag: str | None) -> str | None:
    """The one stored spelling of a language tag (`pt_br` → `pt-BR`, `sr-latn-rs` →
    `sr-Latn-RS`), or None when Babel does not know it. Every tag the app accepts —
    accounts' languages, comments, translations, imports — goes through here."""
    locale = parse_language((tag or "").replace("_", "-"))
    if locale is None:
        return None
    parts = (locale.language, locale.script, locale.territory, locale.variant)
    return "-".join(part for part in parts if part)


# Pages ask once per clause, and parsing a locale costs more than rendering the attribute.
@lru_cache(maxsize=256)
def language_direction(tag: str) -> str:
    locale = parse_language(tag)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


@lru_cache(maxsize=256)
def language_attributes(tag: str) -> Markup:
    """` lang="…" dir="…"` for an element holding text in language `tag`."""
    return Markup(' lang="%s" dir="%s"') % (tag, language_direction(tag))


# The name does not depend on the reader's locale; the report and the statistics page ask
# for it once per clause and language.
@lru_cache(maxsize=512)
def language_name(tag: str) -> str:
    """A language's name in that language (what a speaker looks for in a list)."""
    locale = parse_language(tag)
    return locale.get_display_name(locale) if locale is not None else tag


def interface_languages() -> list[tuple[str, str]]:
    return [(tag, language_name(tag)) for tag in current_app.config["LANGUAGES"]]


def page_language() -> dict[str, str]:
    tag = str(get_locale()).replace("_", "-")
    return {"lang": tag, "dir": language_direction(tag)}


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.context_processor(
        lambda: {
            "page_language": page_language(),
            "interface_languages": interface_languages(),
            "language_direction": language_direction,
            "language_attributes": language_attributes,
            "language_name": language_name,
        }
    )
