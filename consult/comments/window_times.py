"""Times staff type on the consultation window form, read in their time zone.

A time the clocks jump over (spring forward) is refused; a time they pass twice (fall
back) is never guessed: the form asks which of the two instants is meant, with a choice
whose values are those instants in UTC, so a choice left over from another time typed
before does not count.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_time, format_timedelta, get_timezone_gmt
from flask_babel import get_locale
from flask_babel import gettext as _
from wtforms import DateTimeLocalField, RadioField
from wtforms.validators import ValidationError

from consult.zones import (
    clock_change,
    current_zone,
    current_zone_name,
    long_zone_name,
    occurrences,
    utc_iso,
    wall_text,
)


def as_utc(wall: datetime | None) -> datetime | None:
    """A time typed in the staff member's zone as an aware UTC datetime (its first passing
    when the clocks pass it twice; None when they skip it or nothing was typed)."""
    found = occurrences(wall, current_zone()) if wall is not None else ()
    return found[0] if found else None


def as_local(moment: datetime | None) -> datetime | None:
    """A stored instant as the staff member's clock reads it (naive, for the form)."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(current_zone())).replace(tzinfo=None)


def passing_label(instant: datetime, second: bool) -> str:
    shown = instant.astimezone(ZoneInfo(current_zone()))
    locale = get_locale()
    values = {
        "time": format_time(shown, "short", locale=locale),
        "offset": get_timezone_gmt(shown, locale=locale),
        "zone": long_zone_name(shown),
    }
    if second:
        # Translators: Option on the consultation window form, for staff, when the time they typed happens twice because the clocks go back: its second passing. %(time)s is the time (e.g. 2:30 AM), %(offset)s its offset from UTC (e.g. GMT+01:00), %(zone)s the zone's name at that moment (e.g. Central European Standard Time).
        return _("%(time)s %(offset)s (%(zone)s), the second time", **values)
    # Translators: Option on the consultation window form, for staff, when the time they typed happens twice because the clocks go back: its first passing. %(time)s is the time (e.g. 2:30 AM), %(offset)s its offset from UTC (e.g. GMT+02:00), %(zone)s the zone's name at that moment (e.g. Central European Summer Time).
    return _("%(time)s %(offset)s (%(zone)s), the first time", **values)


def offer(choice: RadioField, wall: datetime, instants: tuple[datetime, ...]) -> None:
    """Show `choice` with the two instants `wall` stands for."""
    choice.choices = [
        (utc_iso(instant), passing_label(instant, second=index == 1))
        for index, instant in enumerate(instants)
    ]
    # Translators: Heading of the choice between the two moments a time happens on the night the clocks go back, on the consultation window form for staff; %(time)s is the date and time typed (e.g. Oct 31, 2027, 2:30 AM).
    choice.label.text = _("Which %(time)s do you mean?", time=wall_text(wall))


def settle(field: DateTimeLocalField, choice: RadioField) -> None:
    """Refuse a typed time the clocks skip; offer the choice for one they pass twice and
    refuse it until one of its two instants is chosen."""
    wall = field.data
    if wall is None:
        return
    zone = current_zone()
    try:
        instants = occurrences(wall, zone)
    except OverflowError:
        # Within hours of year 1 or 9999, the UTC instant falls outside the calendar.
        # Translators: Error under the Opens or Closes field of the consultation window form, for staff, when the date typed is at the very start or end of the calendar (year 1 or 9999) and cannot be stored.
        outside = _("This date cannot be stored. Choose one between the years 2 and 9998.")
        raise ValidationError(outside) from None
    if len(instants) == 1:
        return
    shift = format_timedelta(clock_change(wall, zone), locale=get_locale())
    values = {"time": wall_text(wall), "zone": current_zone_name(), "shift": shift}
    if not instants:
        # Translators: Error under the Opens or Closes field of the consultation window form, for staff, when the time typed does not exist because the clocks go forward (daylight saving time starts) at that moment; %(time)s is the date and time typed, %(zone)s the time zone's name and identifier (e.g. Germany (Berlin) Time (Europe/Berlin)), %(shift)s how far the clocks move (e.g. 1 hour).
        gap = _(
            "%(time)s does not exist in %(zone)s: the clocks go forward %(shift)s then. "
            "Choose another time.",
            **values,
        )
        raise ValidationError(gap)
    offer(choice, wall, instants)
    if choice.data not in {value for value, _label in choice.choices}:
        # Translators: Error under the Opens or Closes field of the consultation window form, for staff, when the time typed happens twice because the clocks go back (daylight saving time ends) at that moment; a choice between the two follows. %(time)s is the date and time typed, %(zone)s the time zone's name and identifier, %(shift)s how far the clocks move (e.g. 1 hour).
        twice = _(
            "%(time)s happens twice in %(zone)s: the clocks go back %(shift)s then. "
            "Choose which one you mean below.",
            **values,
        )
        raise ValidationError(twice)


def chosen_instant(field: DateTimeLocalField, choice: RadioField) -> datetime | None:
    """The UTC instant of a field `settle` accepted: the one chosen when there were two."""
    if field.data is None:
        return None
    instants = occurrences(field.data, current_zone())
    if len(instants) == 2:
        return next(instant for instant in instants if utc_iso(instant) == choice.data)
    return instants[0]


def show(field: DateTimeLocalField, choice: RadioField, moment: datetime | None) -> None:
    """Fill `field` with a stored instant; when its time happens twice, with the choice
    already made, so saving the form unchanged keeps the same instant."""
    field.data = as_local(moment)
    if moment is None:
        return
    instants = occurrences(field.data, current_zone())
    if len(instants) == 2:
        offer(choice, field.data, instants)
        choice.data = utc_iso(moment)
