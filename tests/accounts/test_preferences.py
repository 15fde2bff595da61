"""Preferences on the account: language and time zone apply on every device; the
order is the account's choice, then this browser's, then Accept-Language (or UTC)."""

from consult.extensions import db
from consult.zones import ZONE_COOKIE
from tests.accounts.helpers import reload


def shown_zone(client) -> str:
    """The zone the account page says times are in."""
    html = client.get("/account").get_data(as_text=True)
    return html.split("Dates and times are shown in ", 1)[1].split(".</p>", 1)[0]


def test_preferences_are_saved_on_the_account(client, auth, staff):
    auth.login("staff")
    response = client.post(
        "/account/preferences", data={"locale": "de", "timezone": "Europe/Berlin"}
    )
    assert response.status_code == 302
    stored = reload(staff)
    assert (stored.locale, stored.timezone) == ("de", "Europe/Berlin")


def test_the_accounts_choice_applies_on_another_device(app, client, auth, staff):
    staff.locale, staff.timezone = "de", "Asia/Tokyo"
    db.session.commit()
    other_device = app.test_client()
    other_device.set_cookie(ZONE_COOKIE, "America/New_York")
    other_device.post("/login", data={"username": "staff", "password": "correct horse battery"})
    html = other_device.get("/account", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="de"' in html
    assert "Japan (Ortszeit) (Asia/Tokyo)" in html


def test_an_empty_zone_follows_the_browser(client, auth, staff):
    staff.timezone = "Asia/Tokyo"
    db.session.commit()
    auth.login("staff")
    client.post("/account/preferences", data={"locale": "", "timezone": ""})
    assert reload(staff).timezone is None
    client.set_cookie(ZONE_COOKIE, "Europe/Berlin")
    assert shown_zone(client) == "Germany (Berlin) Time (Europe/Berlin)"
    html = client.get("/account").get_data(as_text=True)
    assert 'selected value="">Use my browser&#39;s time zone (Germany (Berlin) Time)' in html


def test_an_unknown_zone_is_refused_readably(client, auth, staff):
    auth.login("staff")
    response = client.post(
        "/account/preferences", data={"locale": "en", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert reload(staff).timezone is None


def test_an_invalid_zone_cookie_is_ignored(client, auth, staff):
    auth.login("staff")
    for planted in ("Mars/Olympus", "../../etc/passwd", "", "posixrules"):
        client.set_cookie(ZONE_COOKIE, planted)
        assert shown_zone(client) == "Coordinated Universal Time (UTC) (UTC)"


def test_the_browser_zone_cookie_sets_the_zone_for_everyone(client, published):
    client.set_cookie(ZONE_COOKIE, "Asia/Tokyo")
    client.get("/")
    html = client.get("/policies/guidelines/revisions/1").get_data(as_text=True)
    assert 'title="Japan Standard Time"' in html or "JST" in html


def test_choosing_a_language_signed_in_saves_it_on_the_account(client, auth, staff):
    auth.login("staff")
    client.post("/language", data={"locale": "es", "next": "/"})
    assert reload(staff).locale == "es"


def test_choosing_a_language_signed_out_stays_in_the_browser(client, staff):
    client.post("/language", data={"locale": "es", "next": "/"})
    assert reload(staff).locale is None
    html = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="es"' in html


def test_accept_language_applies_without_a_choice(client, staff):
    html = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="fr"' in html
