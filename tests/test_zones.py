"""Times in the reader's zone: conversion both ways across daylight-saving changes,
the zone named, and the cookie checked."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import session

from consult.comments.window_times import as_local, as_utc
from consult.zones import ZONE_COOKIE, moment, moment_text, relative, valid_zone


@pytest.fixture
def in_zone(app):
    """A request whose reader is in `zone` (as the browser's cookie says), in English."""

    def enter(zone: str, locale: str = "en"):
        context = app.test_request_context(
            headers={"Cookie": f"{ZONE_COOKIE}={zone}", "Accept-Language": locale}
        )
        context.push()
        contexts.append(context)

    contexts = []
    yield enter
    for context in reversed(contexts):
        context.pop()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Winter: Berlin is UTC+1; summer: UTC+2.
        (datetime(2026, 12, 3, 9, 0), datetime(2026, 12, 3, 8, 0, tzinfo=UTC)),
        (datetime(2026, 7, 3, 9, 0), datetime(2026, 7, 3, 7, 0, tzinfo=UTC)),
        # The last hour before and the first after the spring change (29 March 2026, 02:00).
        (datetime(2026, 3, 29, 1, 59), datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),
        (datetime(2026, 3, 29, 3, 0), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        # After the autumn change (25 October 2026, 03:00 → 02:00).
        (datetime(2026, 10, 25, 4, 0), datetime(2026, 10, 25, 3, 0, tzinfo=UTC)),
    ],
)
def test_times_typed_in_berlin_are_stored_in_utc(in_zone, typed, stored):
    in_zone("Europe/Berlin")
    assert as_utc(typed) == stored
    assert as_local(stored) == typed


def test_the_zone_is_named_with_its_abbreviation_in_winter_and_summer(in_zone):
    in_zone("Europe/Berlin")
    assert moment_text(datetime(2026, 12, 3, 8, 0, tzinfo=UTC)) == "Dec 3, 2026, 9:00\u202fAM CET"
    assert moment_text(datetime(2026, 7, 3, 7, 0, tzinfo=UTC)) == "Jul 3, 2026, 9:00\u202fAM CEST"


def test_a_zone_without_an_abbreviation_is_named_by_its_offset(in_zone):
    in_zone("Asia/Dubai")
    assert moment_text(datetime(2026, 12, 3, 8, 0, tzinfo=UTC)).endswith("GMT+04:00")


def test_moment_keeps_utc_for_machines_and_the_zone_for_people(in_zone):
    in_zone("Asia/Tokyo", "de")
    html = str(moment(datetime(2026, 12, 3, 8, 0, tzinfo=UTC)))
    assert html == (
        '<time datetime="2026-12-03T08:00:00+00:00" title="Japanische Normalzeit" data-width="medium">'
        "03.12.2026, 17:00 JST</time>"
    )


def test_relative_times_are_in_the_readers_language(in_zone):
    in_zone("UTC", "de")
    now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    assert relative(now + timedelta(days=3), now) == "in 3 Tagen"
    assert relative(now - timedelta(minutes=5), now) == "vor 5 Minuten"


@pytest.mark.parametrize(
    "name", ["", None, "Mars/Olympus", "Europe/Berlin; Path=/", "../zoneinfo", "posixrules"]
)
def test_names_that_are_not_zones_are_refused(name):
    assert valid_zone(name) is None


def test_real_zones_are_accepted():
    assert valid_zone("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"


def test_the_session_zone_outranks_the_cookie(in_zone):
    in_zone("Asia/Tokyo")
    session["timezone"] = "Europe/Berlin"
    assert moment_text(datetime(2026, 12, 3, 8, 0, tzinfo=UTC)).endswith("CET")
