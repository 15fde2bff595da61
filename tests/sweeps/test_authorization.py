"""The authorization matrix: every rule and method of the URL map, for every role, against
the table in tests/sweeps/routes.py. A route without an entry fails: add one.

Writes are valid submissions (CSRF is off here; tests/sweeps/test_csrf.py covers it) whose
work is rolled back after each request, so every cell sees the same data set; a
fingerprint of the database proves nothing was kept.
"""

import pytest

from tests.sweeps.routes import ROLES, TABLE
from tests.sweeps.sweep import (
    Rollback,
    cases,
    fingerprint,
    form_of,
    outcome_of,
    routes,
    send,
    signed_in_cookie,
    url_of,
    without_entry,
)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False}


def test_every_route_has_an_entry(app):
    assert without_entry(routes(app)) == []


def test_every_entry_is_a_route_and_names_every_role(app):
    assert set(TABLE) <= set(routes(app)), set(TABLE) - set(routes(app))
    for key, entry_cases in TABLE.items():
        for case in entry_cases:
            assert set(case.expect) == set(ROLES), key


@pytest.mark.parametrize("role", ROLES)
def test_each_route_answers_the_role_as_the_table_says(app, dataset, role):
    Rollback(app)
    cookie = signed_in_cookie(app, dataset.usernames.get(role))
    before = fingerprint()
    mismatches, cells = [], 0
    for endpoint, method, case in cases(routes(app)):
        url = url_of(app, endpoint, case, dataset)
        response = send(app, cookie, method, url, form_of(case, dataset))
        cells += 1
        if outcome_of(response) != case.expect[role]:
            got = f"{response.status_code} {response.location or ''}".strip()
            mismatches.append(f"{method} {url}: expected {case.expect[role].value}, got {got}")
    assert mismatches == [], f"{role}: {len(mismatches)} of {cells} cells differ"
    assert without_entry(routes(app)) == []
    assert fingerprint() == before, "a request kept a write: the matrix's cells are not isolated"
