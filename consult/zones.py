"""The reader's time zone: where it comes from, and every date and time shown in it.

The zone is, in order, the signed-in account's choice, the browser's zone (kept in
the `tz` cookie by static/timezone.js from `Intl`), then UTC. Pages show times
through `moment` only, so each one is in that zone and names it; machines (exports,
the API) keep UTC ISO 8601.
"""

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

import pytz
from babel.dates import (
    format_date,
    format_time,
    format_timedelta,
    get_datetime_format,
    get_timezone_gmt,
    get_timezone_location,
    get_timezone_name,
)
from flask import has_request_context, request
from flask_babel import get_locale, get_timezone
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from consult.types import utcnow

ZONE_COOKIE = "tz"
DEFAULT_ZONE = "UTC"
# Continents of the tz database's names, in the reader's language for the picker's groups.
REGIONS = {
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Africa": _l("Africa"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user. Covers North, Central and South America.
    "America": _l("Americas"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Antarctica": _l("Antarctica"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Arctic": _l("Arctic"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Asia": _l("Asia"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user. Islands in the Atlantic.
    "Atlantic": _l("Atlantic Ocean"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Australia": _l("Australia"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user.
    "Europe": _l("Europe"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user. Islands in the Indian Ocean.
    "Indian": _l("Indian Ocean"),
    # Translators: Region heading grouping time zones in the time zone picker on the account page (a continent or ocean of the tz database), read by every signed-in user. Islands in the Pacific.
    "Pacific": _l("Pacific Ocean"),
}


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    """Zones both the system's zoneinfo and pytz (which Flask-Babel converts with) know."""
    return frozenset(available_timezones() & pytz.all_timezones_set)


def valid_zone(name: str | None) -> str | None:
    """`name` when it is a zone we can convert to, else None (a cookie is anyone's text)."""
    return name if name in known_zones() else None


def browser_zone() -> str | None:
    return valid_zone(request.cookies.get(ZONE_COOKIE)) if has_request_context() else None


def zone_label(moment: datetime) -> str:
    """The zone's abbreviation when it has a well-known one (CET, JST, EST), else its
    offset from GMT in the reader's language ("GMT+03:00")."""
    abbreviation = moment.tzname() or ""
    if abbreviation.isalpha():
        return abbreviation
    return get_timezone_gmt(moment, locale=get_locale())


def current_zone() -> str:
    """The reader's zone's identifier ("Europe/Berlin"), as Flask-Babel chose it."""
    return get_timezone().zone


def local(moment: datetime) -> datetime:
    # zoneinfo rather than Flask-Babel's pytz: pytz stops applying summer time after 2037,
    # and times typed on forms are read with zoneinfo (see `occurrences`).
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(current_zone()))


def wall_text(wall: datetime, width: str = "medium") -> str:
    """A date and time to the minute as it reads on a clock, without a zone: "Mar 28,
    2027, 2:30 AM"."""
    locale = get_locale()
    pattern = get_datetime_format(width, locale=locale).replace("'", "")
    day = format_date(wall, width, locale=locale)
    return pattern.replace("{1}", day).replace("{0}", format_time(wall, "short", locale=locale))


def moment_text(moment: datetime, width: str = "medium") -> str:
    """Date, time to the minute and zone: "3 Dec 2026, 09:00 CET"."""
    shown = local(moment)
    # Translators: A date and time followed by its time zone, shown everywhere a moment appears; %(moment)s is the formatted date and time, %(zone)s an abbreviation such as CET or an offset such as GMT+03:00. Reorder only if your language puts the zone first.
    return _("%(moment)s %(zone)s", moment=wall_text(shown, width), zone=zone_label(shown))


def utc_iso(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


# A triage page shows hundreds of times in one zone: name it once per zone, season and
# language (a bounded set: the tz database's zones, two seasons, the interface languages).
LONG_NAMES: dict[tuple[str, str, str], str] = {}


def long_zone_name(shown: datetime) -> str:
    key = (str(shown.tzinfo), shown.tzname() or "", str(get_locale()))
    if key not in LONG_NAMES:
        LONG_NAMES[key] = get_timezone_name(shown, width="long", locale=get_locale())
    return LONG_NAMES[key]


class WallTime(StrEnum):
    """What a time read off a clock in a zone stands for: one instant; none, when the
    clocks jump over it (going forward); or two, when they pass it twice (going back)."""

    ORDINARY = "ordinary"
    NONEXISTENT = "nonexistent"
    AMBIGUOUS = "ambiguous"


def wall_time_kind(wall: datetime, zone: str) -> WallTime:
    """`wall` (naive) in `zone`: nonexistent when converting it to UTC and back changes it;
    ambiguous when its first and second passing (`fold` 0 and 1) have different offsets.
    OverflowError when its UTC instant is outside the calendar (hours from year 1 or 9999)."""
    first = wall.replace(tzinfo=ZoneInfo(zone), fold=0)
    back = first.astimezone(UTC).astimezone(first.tzinfo)
    if back.replace(tzinfo=None, fold=0) != wall.replace(tzinfo=None, fold=0):
        return WallTime.NONEXISTENT
    if first.utcoffset() != first.replace(fold=1).utcoffset():
        return WallTime.AMBIGUOUS
    return WallTime.ORDINARY


def occurrences(wall: datetime, zone: str) -> tuple[datetime, ...]:
    """The UTC instants `wall` (naive) stands for in `zone`, earlier first: none, one or two."""
    kind = wall_time_kind(wall, zone)
    if kind is WallTime.NONEXISTENT:
        return ()
    folds = (0, 1) if kind is WallTime.AMBIGUOUS else (0,)
    first = wall.replace(tzinfo=ZoneInfo(zone))
    return tuple(first.replace(fold=fold).astimezone(UTC) for fold in folds)


def clock_change(wall: datetime, zone: str) -> timedelta:
    """How far the clocks move at a change around `wall` (naive) in `zone`: the gap's or
    the repeated span's length; zero away from a change."""
    first = wall.replace(tzinfo=ZoneInfo(zone), fold=0)
    return abs(first.utcoffset() - first.replace(fold=1).utcoffset())


def moment(value: datetime | None, width: str = "medium") -> Markup:
    """`<time>` with the UTC instant for machines and the local time, zone named, for people;
    its title is the zone's full name. The width lets static/timezone.js show it again in
    the browser's zone on a page the server had to write in UTC."""
    if value is None:
        return Markup("")
    shown = local(value)
    title = long_zone_name(shown)
    return Markup('<time datetime="%s" title="%s" data-width="%s">%s</time>') % (
        utc_iso(value),
        title,
        width,
        moment_text(value, width),
    )


def relative(value: datetime, now: datetime | None = None) -> str:
    """ "in 3 days", "5 minutes ago", in the reader's language."""
    delta: timedelta = value - (now or utcnow())
    return format_timedelta(delta, add_direction=True, locale=get_locale())


def zone_name(zone: str) -> str:
    """A zone as people know it, in the reader's language: "Germany (Berlin) Time"."""
    if zone == DEFAULT_ZONE:
        # Translators: Name of the UTC time zone in the time zone picker and in 'Dates and times are shown in …'; read by every user.
        return _("Coordinated Universal Time (UTC)")
    return get_timezone_location(pytz.timezone(zone), locale=get_locale())


def current_zone_name() -> str:
    """The zone this page's times are in, by name and identifier: "Germany (Berlin) Time
    (Europe/Berlin)"."""
    zone = get_timezone().zone
    # Translators: The current time zone as shown on the account page and forms; %(name)s is the zone's name in the reader's language (e.g. 'Germany (Berlin) Time'), %(zone)s its identifier (e.g. Europe/Berlin).
    return _("%(name)s (%(zone)s)", name=zone_name(zone), zone=zone)


@lru_cache(maxsize=32)
def grouped_zones(locale: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The picker's zones for `locale`: (region, ((zone, name), …)) in the tz database's
    order of regions, names sorted; only canonical zones (no `US/Eastern` aliases)."""
    groups: dict[str, list[tuple[str, str]]] = {region: [] for region in REGIONS}
    for zone in sorted(known_zones() & set(pytz.common_timezones)):
        region = zone.partition("/")[0]
        if region in groups:
            name = get_timezone_location(pytz.timezone(zone), locale=locale)
            groups[region].append((zone, name))
    return tuple(
        (region, tuple(sorted(zones, key=lambda pair: pair[1]))) for region, zones in groups.items()
    )


def zone_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices for a WTForms SelectField, grouped by region (rendered as <optgroup>); the
    empty choice follows the browser."""
    browser = browser_zone()
    follow = (
        # Translators: First choice in the time zone picker on the account page: follow the zone the browser reports; %(zone)s is that zone's name.
        _("Use my browser's time zone (%(zone)s)", zone=zone_name(browser))
        if browser
        # Translators: First choice in the time zone picker on the account page when the browser has not reported a zone; follow the browser's zone.
        else _("Use my browser's time zone")
    )
    defaults = [("", follow), (DEFAULT_ZONE, zone_name(DEFAULT_ZONE))]
    choices = {
        str(REGIONS[region]): list(zones) for region, zones in grouped_zones(str(get_locale()))
    }
    # Translators: Heading of the first group in the time zone picker (following the browser, or UTC), above the continents; read by every signed-in user.
    return {str(_("Default")): defaults} | choices
