"""Consultation window times typed across a daylight-saving change: a time the clocks jump
over is refused, and a time they pass twice is never guessed — staff choose which."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from consult.comments.models import ConsultationWindow
from consult.extensions import db
from consult.zones import ZONE_COOKIE, WallTime, clock_change, occurrences, wall_time_kind

WINDOW_PATH = "/policies/guidelines/consultation"
BERLIN = "Germany (Berlin) Time (Europe/Berlin)"
# 2027 in Berlin: the clocks go forward at 02:00 on 28 March, back at 03:00 on 31 October.
GAP = "2027-03-28T02:30"
TWICE = "2027-10-31T02:30"
FIRST = "2027-10-31T00:30:00+00:00"  # 02:30 summer time (UTC+2)
SECOND = "2027-10-31T01:30:00+00:00"  # 02:30 winter time (UTC+1)
LATER = "2027-12-01T09:00"


@pytest.fixture
def in_berlin(published, staff, auth):
    """Staff signed in, their account's time zone Berlin."""
    staff.timezone = "Europe/Berlin"
    db.session.commit()
    auth.login("staff")


def post_window(client, opens_at: str, closes_at: str = LATER, **choices: str):
    return client.post(
        WINDOW_PATH, data={"revision": "", "opens_at": opens_at, "closes_at": closes_at, **choices}
    )


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def stored() -> list[tuple[datetime | None, datetime | None]]:
    db.session.expire_all()
    windows = db.session.scalars(sa.select(ConsultationWindow))
    return [(w.opens_at, w.closes_at) for w in windows]


def radios(html: str, name: str) -> list[str]:
    """The values of the radio buttons named `name`, checked ones marked with a *."""
    inputs = re.findall(rf'<input ([^>]*)name="{name}"([^>]*)>', html)
    return [
        re.search(r'value="([^"]*)"', after)[1] + ("*" if "checked" in before + after else "")
        for before, after in inputs
    ]


@pytest.mark.parametrize("field", ["opens_at", "closes_at"])
def test_a_time_the_clocks_skip_is_refused_and_nothing_is_stored(client, in_berlin, field):
    times = {"opens_at": "2027-03-01T09:00", "closes_at": LATER, field: GAP}
    response = post_window(client, **times)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert (
        f"<li>Mar 28, 2027, 2:30\u202fAM does not exist in {BERLIN}: the clocks go forward "
        "1 hour then. Choose another time.</li>"
    ) in html.split(f'id="{field}-errors">', 1)[1]
    assert 'type="radio"' not in html
    assert stored() == []


@pytest.mark.parametrize("field", ["opens_at", "closes_at"])
def test_a_time_that_happens_twice_asks_which_and_stores_nothing(client, in_berlin, field):
    times = {"opens_at": "2027-10-01T09:00", "closes_at": LATER, field: TWICE}
    response = post_window(client, **times)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert (
        f"Oct 31, 2027, 2:30\u202fAM happens twice in {BERLIN}: the clocks go back 1 hour then. "
        "Choose which one you mean below."
    ) in html
    assert "<legend>Which Oct 31, 2027, 2:30\u202fAM do you mean?</legend>" in html
    assert radios(html, f"{field}_choice") == [FIRST, SECOND]
    assert "2:30\u202fAM GMT+02:00 (Central European Summer Time), the first time" in html
    assert "2:30\u202fAM GMT+01:00 (Central European Standard Time), the second time" in html
    other = "closes_at" if field == "opens_at" else "opens_at"
    assert f'name="{other}_choice"' not in html  # only where it is needed
    assert stored() == []


@pytest.mark.parametrize(
    ("choice", "instant"),
    [
        (FIRST, datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),
        (SECOND, datetime(2027, 10, 31, 1, 30, tzinfo=UTC)),
    ],
)
def test_the_chosen_instant_is_stored(client, in_berlin, choice, instant):
    response = post_window(client, "2027-10-01T09:00", TWICE, closes_at_choice=choice)
    assert response.status_code == 302
    assert stored() == [(datetime(2027, 10, 1, 7, 0, tzinfo=UTC), instant)]


def test_both_times_can_happen_twice(client, in_berlin):
    choices = {"opens_at_choice": "2027-10-31T00:00:00+00:00", "closes_at_choice": SECOND}
    response = post_window(client, "2027-10-31T02:00", TWICE, **choices)
    assert response.status_code == 302
    assert stored() == [(utc(2027, 10, 31, 0, 0), utc(2027, 10, 31, 1, 30))]


def test_a_choice_made_for_another_time_is_asked_again(client, in_berlin):
    """The choice names instants: one left from 02:15 does not decide for 02:30."""
    response = post_window(
        client, "2027-10-01T09:00", TWICE, closes_at_choice="2027-10-31T00:15:00+00:00"
    )
    assert response.status_code == 422
    assert radios(response.get_data(as_text=True), "closes_at_choice") == [FIRST, SECOND]
    assert stored() == []


@pytest.mark.parametrize(
    ("opens_at", "instant"),
    [
        ("2027-03-28T01:59", datetime(2027, 3, 28, 0, 59, tzinfo=UTC)),  # just before the jump
        ("2027-03-28T03:00", datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),  # just after it
        ("2027-10-31T01:59", datetime(2027, 10, 30, 23, 59, tzinfo=UTC)),  # before the repeat
        ("2027-10-31T03:00", datetime(2027, 10, 31, 2, 0, tzinfo=UTC)),  # after it
        ("2027-07-01T09:00", datetime(2027, 7, 1, 7, 0, tzinfo=UTC)),
    ],
)
def test_ordinary_times_are_stored_without_a_question(client, in_berlin, opens_at, instant):
    response = post_window(client, opens_at, closes_at_choice=FIRST)  # a stray choice: ignored
    assert response.status_code == 302
    assert stored() == [(instant, datetime(2027, 12, 1, 8, 0, tzinfo=UTC))]


def test_a_stray_choice_does_not_make_a_skipped_time_valid(client, in_berlin):
    response = post_window(client, GAP, opens_at_choice=FIRST)
    assert response.status_code == 422
    assert stored() == []


def test_the_browsers_zone_applies_without_an_account_choice(client, published, staff, auth):
    auth.login("staff")
    client.set_cookie(ZONE_COOKIE, "America/New_York")  # forward on 14 March 2027 at 02:00
    response = post_window(client, "2027-03-14T02:30")
    assert response.status_code == 422
    assert (
        "does not exist in United States (New York) Time (America/New_York)"
        in response.get_data(as_text=True)
    )
    assert post_window(client, "2027-03-14T03:30").status_code == 302
    assert stored() == [
        (datetime(2027, 3, 14, 7, 30, tzinfo=UTC), datetime(2027, 12, 1, 14, 0, tzinfo=UTC))
    ]


def test_a_stored_time_that_happens_twice_is_shown_with_its_choice_made(client, in_berlin):
    post_window(client, "2027-10-01T09:00", TWICE, closes_at_choice=SECOND)
    html = client.get(WINDOW_PATH).get_data(as_text=True)
    assert 'value="2027-10-31 02:30:00"' in html
    assert radios(html, "closes_at_choice") == [FIRST, f"{SECOND}*"]
    assert 'name="opens_at_choice"' not in html
    # Saved again unchanged, it keeps the same instant.
    resubmitted = post_window(client, "2027-10-01T09:00", TWICE, closes_at_choice=SECOND)
    assert resubmitted.status_code == 302
    assert stored()[0][1] == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


def test_the_question_is_in_the_staff_members_language(client, in_berlin, staff):
    staff.locale = "fr"
    db.session.commit()
    html = post_window(client, GAP).get_data(as_text=True)
    assert (
        "28 mars 2027, 02:30 n’existe pas en heure : Allemagne (Berlin) (Europe/Berlin), car "
        "les horloges avancent alors de 1\u00a0heure. Choisissez une autre heure."
    ) in html
    asked = post_window(client, "2027-10-01T09:00", TWICE).get_data(as_text=True)
    assert "<legend>Lequel des deux 31 oct. 2027, 02:30 voulez-vous dire ?</legend>" in asked
    assert "02:30 UTC+02:00 (heure d’été d’Europe centrale), la première fois" in asked


def test_summer_time_after_2037_is_read_and_shown_alike(client, in_berlin):
    """pytz stops applying summer time after 2037; zoneinfo, which reads forms, does not."""
    assert post_window(client, "2040-07-01T09:00", "2040-12-01T09:00").status_code == 302
    assert stored() == [
        (datetime(2040, 7, 1, 7, 0, tzinfo=UTC), datetime(2040, 12, 1, 8, 0, tzinfo=UTC))
    ]
    html = client.get("/policies/guidelines").get_data(as_text=True)
    assert "July 1, 2040, 9:00\u202fAM CEST" in html


@pytest.mark.parametrize(
    ("wall", "zone", "kind", "instants", "shift"),
    [
        (datetime(2027, 3, 28, 2, 30), "Europe/Berlin", WallTime.NONEXISTENT, (), 60),
        (
            datetime(2027, 10, 31, 2, 30),
            "Europe/Berlin",
            WallTime.AMBIGUOUS,
            (utc(2027, 10, 31, 0, 30), utc(2027, 10, 31, 1, 30)),
            60,
        ),
        (datetime(2027, 7, 1, 9, 0), "Europe/Berlin", WallTime.ORDINARY, (utc(2027, 7, 1, 7),), 0),
        # Southern hemisphere: Sydney goes back on 4 April 2027 (03:00 → 02:00).
        (
            datetime(2027, 4, 4, 2, 30),
            "Australia/Sydney",
            WallTime.AMBIGUOUS,
            (utc(2027, 4, 3, 15, 30), utc(2027, 4, 3, 16, 30)),
            60,
        ),
        # Lord Howe Island moves by half an hour (02:00 → 01:30).
        (
            datetime(2027, 4, 4, 1, 45),
            "Australia/Lord_Howe",
            WallTime.AMBIGUOUS,
            (utc(2027, 4, 3, 14, 45), utc(2027, 4, 3, 15, 15)),
            30,
        ),
        (datetime(2027, 10, 31, 2, 30), "UTC", WallTime.ORDINARY, (utc(2027, 10, 31, 2, 30),), 0),
    ],
)
def test_wall_times_are_classified_by_fold(wall, zone, kind, instants, shift):
    assert wall_time_kind(wall, zone) is kind
    assert occurrences(wall, zone) == instants
    assert clock_change(wall, zone) == timedelta(minutes=shift)


@pytest.mark.parametrize(
    ("zone", "typed"),
    [("America/New_York", "9999-12-31T23:59"), ("Asia/Tokyo", "0001-01-01T00:00")],
)
def test_a_time_with_no_utc_instant_is_refused(client, published, staff, auth, zone, typed):
    """Within hours of the calendar's ends, the UTC instant falls outside it."""
    auth.login("staff")
    client.set_cookie(ZONE_COOKIE, zone)
    response = post_window(client, typed, "")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert (
        "This date cannot be stored. Choose one between the years 2 and 9998."
        in html.split('id="opens_at-errors">', 1)[1]
    )
    assert stored() == []
