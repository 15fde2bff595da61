"""Interface language, time zone and text direction."""

from functools import lru_cache

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from consult import zones
from consult.extensions import babel
from consult.languages import Negotiation, canonical_tag, negotiate, parse_language


def account_setting(name: str) -> str | None:
    """A preference saved on the signed-in account (`locale`, `timezone`), if any."""
    if current_user and current_user.is_authenticated:
        return getattr(current_user, name, None)
    return None


def select_locale() -> str:
    """The account's choice, then this browser's (the session's), then Accept-Language."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    available = current_app.config["LANGUAGES"]
    for chosen in (account_setting("locale"), session.get("locale")):
        if chosen in available:
            return chosen
    return negotiated().catalog or current_app.config["BABEL_DEFAULT_LOCALE"]


def negotiated() -> Negotiation:
    """The interface catalog the browser's Accept-Language asks for (regional
    fallbacks included), and the language it asked for that exists only in another
    script."""
    return negotiate(list(request.accept_languages), current_app.config["LANGUAGES"])


def catalog_for(tag: str) -> str | None:
    """The interface catalog named by `tag` in any spelling (`pt-BR`, `pt_br`, `iw`)."""
    wanted = canonical_tag(tag)
    by_tag = {canonical_tag(name): name for name in current_app.config["LANGUAGES"]}
    return by_tag.get(wanted) if wanted is not None else None


def missing_script_notice() -> str | None:
    """The language (in the interface's language) a reader's browser asked for first
    but that exists only in another script — e.g. Traditional Chinese when only
    Simplified exists — unless they chose a language themselves."""
    if not has_request_context():
        return None
    available = current_app.config["LANGUAGES"]
    if account_setting("locale") in available or session.get("locale") in available:
        return None
    missing = negotiated().missing
    return language_name_in_interface(missing) if missing else None


def carried_reading_language() -> str | None:
    """The reading language this request asked for with `?lang=`, for links to carry to
    the next page (threads, history, compare, report): a canonical tag, `""` for the
    source text chosen explicitly, None when not asked (the next page then follows the
    interface language again)."""
    if not has_request_context() or "lang" not in request.args:
        return None
    raw = request.args["lang"]
    return canonical_language(raw) if raw.strip() else ""


def select_timezone() -> str:
    """The account's zone, then the browser's (its cookie), then UTC."""
    return known_zone() or zones.DEFAULT_ZONE


def known_zone() -> str | None:
    """The account's zone or the browser's (its cookie); None before either is known."""
    if not has_request_context():
        return None
    chosen = zones.valid_zone(account_setting("timezone")) or zones.valid_zone(
        session.get("timezone")
    )
    return chosen or zones.browser_zone()


def canonical_language(tag: str | None) -> str | None:
    """The one stored spelling of a language tag (`pt_br` → `pt-BR`, `sr-latn-rs` →
    `sr-Latn-RS`, deprecated `iw-IL` → `he-IL`), or None when Babel does not know it.
    Every tag the app accepts — accounts' languages, comments, translations, imports,
    `?lang=`, API filters — goes through here."""
    return canonical_tag(tag) if isinstance(tag, str) else None


# Pages ask once per clause, and parsing a locale costs more than rendering the attribute.
@lru_cache(maxsize=256)
def language_direction(tag: str) -> str:
    locale = parse_language(tag)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


@lru_cache(maxsize=256)
def language_attributes(tag: str) -> Markup:
    """` lang="…" dir="…"` for an element holding text in language `tag`."""
    return Markup(' lang="%s" dir="%s"') % (tag, language_direction(tag))


def isolated(text: str, tag: str | None = None) -> Markup:
    """`text` someone wrote, set apart from the interface sentence around it (`<bdi>`), in
    language `tag` when it is known: a right-to-left name keeps its place in a left-to-right
    sentence, and the reverse."""
    if tag:
        return Markup("<bdi%s>%s</bdi>") % (language_attributes(tag), text)
    return Markup("<bdi>%s</bdi>") % text


# The name does not depend on the reader's locale; the report and the statistics page ask
# for it once per clause and language.
@lru_cache(maxsize=512)
def language_name(tag: str) -> str:
    """A language's name in that language (what a speaker looks for in a list)."""
    locale = parse_language(tag)
    return locale.get_display_name(locale) if locale is not None else tag


def language_name_in_interface(tag: str) -> str:
    """A language's name in the reader's interface language, for sentences ("verfasst auf
    Englisch", not "verfasst auf English"); pickers keep `language_name`'s autonyms."""
    locale = parse_language(tag)
    if locale is None:
        return tag
    return locale.get_display_name(get_locale()) or tag


def interface_languages() -> list[tuple[str, str]]:
    return [(tag, language_name(tag)) for tag in current_app.config["LANGUAGES"]]


def page_language() -> dict[str, str]:
    # Catalogs are named Babel-style (`zh_Hans`); the `lang` attribute wants BCP 47.
    catalog = str(get_locale())
    tag = catalog.replace("_", "-")
    return {"lang": tag, "dir": language_direction(tag), "catalog": catalog}


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.jinja_env.filters["moment"] = zones.moment
    app.jinja_env.filters["relative"] = zones.relative
    # A global, so macros imported without the context (_form.html's field) reach it too.
    app.jinja_env.globals["language_direction"] = language_direction
    app.jinja_env.filters["isolated"] = isolated
    app.context_processor(
        lambda: {
            "page_language": page_language(),
            "times_written_in": None if known_zone() else zones.DEFAULT_ZONE,
            "interface_languages": interface_languages(),
            "language_attributes": language_attributes,
            "language_name": language_name,
            "missing_script_notice": missing_script_notice(),
            "reading_lang": carried_reading_language(),
            "current_zone_name": zones.current_zone_name,
            "language_name_in_interface": language_name_in_interface,
        }
    )
