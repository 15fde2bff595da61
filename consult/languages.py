"""Language tags without Flask: one stored spelling, and which catalog serves a reader.

Both rules are driven by CLDR data shipped with Babel (language and territory aliases,
likely subtags), so a new catalog or a newly deprecated tag needs no code change here.
"""

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global


def parse_language(tag: str) -> Locale | None:
    """A Babel locale for a BCP 47 tag such as `pt-BR` (or a catalog name such as
    `pt_BR`), or None if Babel does not know it."""
    try:
        return Locale.parse(str(tag).strip().replace("_", "-"), sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def undeprecated(tag: str) -> str:
    """`tag` with CLDR's replacements for deprecated subtags: `iw-IL` → `he-IL`,
    `in` → `id`, `sh` → `sr-Latn`, `BU` → `MM`. Subtags the tag spells out win
    over those an alias implies (`sh-Cyrl` stays Cyrillic)."""
    subtags = tag.strip().replace("_", "-").split("-")
    replacement = get_global("language_aliases").get(subtags[0].lower())
    if replacement is None:
        return "-".join(subtags[:1] + [territory_alias(part) for part in subtags[1:]])
    language, *implied = replacement.split("_")
    rest = [territory_alias(part) for part in subtags[1:]]
    spelled = {kind_of(part) for part in rest}
    kept = [part for part in implied if kind_of(part) not in spelled]
    return "-".join([language, *sorted(kept + rest, key=subtag_order)])


def kind_of(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return "script"
    if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
        return "territory"
    return "variant"


def subtag_order(subtag: str) -> int:
    return ("script", "territory", "variant").index(kind_of(subtag))


def territory_alias(subtag: str) -> str:
    if kind_of(subtag) != "territory":
        return subtag
    replacements = get_global("territory_aliases").get(subtag.upper())
    return replacements[0] if replacements else subtag


@lru_cache(maxsize=1024)
def canonical_tag(tag: str) -> str | None:
    """The one stored spelling of a language tag (`pt_br` → `pt-BR`, `iw` → `he`),
    or None when Babel does not know it."""
    if not tag or not tag.strip():
        return None
    locale = parse_language(undeprecated(tag))
    if locale is None:
        return None
    parts = (locale.language, locale.script, locale.territory, locale.variant)
    return "-".join(part for part in parts if part)


@lru_cache(maxsize=1024)
def maximised(tag: str) -> tuple[str, str, str]:
    """(language, script, territory) with CLDR's likely subtags filled in:
    `pt` → (pt, Latn, BR), `zh-TW` → (zh, Hant, TW), `zh-Hans` → (zh, Hans, CN)."""
    locale = parse_language(tag)
    if locale is None:
        return ("", "", "")
    likely = get_global("likely_subtags")
    candidates = [
        f"{locale.language}_{locale.script}" if locale.script else "",
        f"{locale.language}_{locale.territory}" if locale.territory else "",
        locale.language,
    ]
    filled = next((likely[key] for key in candidates if key in likely), locale.language)
    language, script, territory = (filled.split("_") + ["", ""])[:3]
    return (locale.language, locale.script or script, locale.territory or territory)


@dataclass(frozen=True)
class Negotiation:
    """The catalog chosen for a reader, and the first language they asked for that
    exists only in another script (zh-TW when only zh_Hans exists) — they are told,
    rather than silently given a script they may not read."""

    catalog: str | None
    missing: str | None = None


def negotiate(accepted: list[tuple[str, float]], catalogs: list[str]) -> Negotiation:
    """The best of `catalogs` (names such as `pt_BR`) for the `accepted` tags, taken
    in order of quality. A catalog serves a tag of the same language and script; among
    those, the one of the tag's own region first. A different script never serves."""
    missing = None
    for tag, quality in sorted(accepted, key=lambda item: -item[1]):
        wanted = canonical_tag(tag) if tag != "*" and quality > 0 else None
        if wanted is None:
            continue
        catalog = best_of(wanted, catalogs)
        if catalog is not None:
            return Negotiation(catalog, missing)
        if missing is None and same_language_catalogs(wanted, catalogs):
            missing = "-".join(maximised(wanted)[:2])
    return Negotiation(None, missing)


def best_of(tag: str, offered: list[str]) -> str | None:
    """The one of `offered` (catalog names or tags) a reader of `tag` reads: same language
    and script, the same region first (`pt-PT` reads `pt-BR`, `zh-TW` does not read `zh-Hans`)."""
    language, script, territory = maximised(tag)
    serving = [name for name in offered if maximised(name)[:2] == (language, script)]
    exact = [name for name in serving if maximised(name)[2] == territory]
    return (exact or serving or [None])[0]


def same_language_catalogs(tag: str, catalogs: list[str]) -> list[str]:
    return [name for name in catalogs if maximised(name)[0] == maximised(tag)[0]]
