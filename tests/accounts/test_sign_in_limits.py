"""Signing in keys on the canonical username (NFKC + casefold) everywhere, slows an attacker
without locking the owner out, and costs the same whether or not the account exists."""

from unittest import mock

import pytest

from consult.accounts import passwords
from consult.accounts.names import canonical_username
from consult.accounts.services import authenticate
from tests.accounts.helpers import signed_in_user_id
from tests.factories import PASSWORD

ATTACKER = "203.0.113.7"
OWNER = "198.51.100.4"
# Each reads as `staff` once NFKC-normalised and casefolded (long s, ligatures,
# fullwidth letters, Kelvin-style compatibility forms, title case).
SPELLINGS = ["ſtaff", "staﬀ", "ﬆaff", "ＳＴＡＦＦ", "ｓｔａｆｆ", "STAFF", "Staﬀ", "ſtaﬀ"]


def sign_in(client, username="staff", password=PASSWORD, address=ATTACKER):
    return client.post(
        "/login",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_is_the_one_canonical_name(spelling):
    assert canonical_username(spelling) == "staff"


@pytest.mark.parametrize("spelling", ["ｓｔａｆｆ", "ＳＴＡＦＦ"])
def test_a_compatibility_spelling_signs_in_to_the_same_account(client, staff, spelling):
    assert sign_in(client, spelling).status_code == 302
    assert signed_in_user_id(client) == str(staff.id)


def test_spellings_share_one_bucket(app, client, staff):
    app.config["RATELIMIT_LOGIN"] = "3 per minute"
    for spelling in SPELLINGS[:3]:
        assert sign_in(client, spelling, "wrong password").status_code == 422
    assert sign_in(client, SPELLINGS[3]).status_code == 429
    assert signed_in_user_id(client) is None


def test_an_attackers_guesses_do_not_lock_the_owner_out(client, staff):
    # The default settings: ten wrong guesses from one address.
    statuses = [sign_in(client, password=f"guess {n}").status_code for n in range(10)]
    assert statuses[0] == 422 and statuses[-1] == 429
    assert sign_in(client, address=OWNER).status_code == 302
    assert signed_in_user_id(client) == str(staff.id)


def test_the_attacker_is_slowed_even_with_the_right_password(app, client, staff):
    for n in range(5):
        sign_in(client, password=f"guess {n}")
    assert sign_in(client).status_code == 429


def test_refused_sign_ins_from_every_address_count_against_the_account(app, client, staff):
    app.config["RATELIMIT_LOGIN_ACCOUNT"] = "4 per hour"
    for n in range(4):
        assert sign_in(client, "ſtaff", "wrong", address=f"192.0.2.{n}").status_code == 422
    assert sign_in(client, address="192.0.2.200").status_code == 429
    # Another account is not slowed down.
    assert sign_in(client, "nobody", "wrong", address="192.0.2.201").status_code == 422


def test_successful_sign_ins_do_not_count_against_the_account(app, client, auth, staff):
    # The owner signing in from many places (phone, office, library) is never slowed down.
    app.config["RATELIMIT_LOGIN_ACCOUNT"] = "2 per hour"
    for n in range(12):
        assert sign_in(client, address=f"192.0.2.{n}").status_code == 302
        auth.logout()
    assert sign_in(client, "staff", "wrong", address="192.0.2.99").status_code == 422


@pytest.fixture
def hash_checks():
    """How many password hashes `authenticate` checks."""
    with mock.patch.object(
        passwords, "check_password_hash", wraps=passwords.check_password_hash
    ) as checks:
        yield checks


def test_an_unknown_account_costs_one_hash_like_a_wrong_password(staff, hash_checks):
    passwords.unknown_account_hash()  # made once per process, before the first check
    assert authenticate("staff", "not the password") is None
    wrong_password = hash_checks.call_count
    hash_checks.reset_mock()
    assert authenticate("nobody-here", "not the password") is None
    assert hash_checks.call_count == wrong_password == 1


def test_the_dummy_hash_is_made_like_a_real_one(staff):
    assert passwords.unknown_account_hash().split("$")[0] == staff.password_hash.split("$")[0]
    assert authenticate("nobody-here", "") is None
