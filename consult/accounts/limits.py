"""Rate limits on signing in, registering and changing a password."""

from flask import Response, request
from flask_limiter.util import get_remote_address

from consult.accounts.names import canonical_username
from consult.ratelimits import account_key, combined, shared

# Longer than any username: a longer name can only be a guess, and keys stay short.
LOGIN_NAME_KEY_LENGTH = 64


def login_name() -> str:
    # The canonical name, as the account lookup uses: every spelling of a
    # username (`STAFF`, `ſtaff`, `ｓｔａｆｆ`) counts against the one account.
    return canonical_username(request.form.get("username") or "")[:LOGIN_NAME_KEY_LENGTH]


def login_name_key() -> str:
    return "login:" + login_name()


def login_name_and_address_key() -> str:
    return f"login:{login_name()}|{get_remote_address()}"


def sign_in_refused(response: Response) -> bool:
    # A refused sign-in shows the form again with 422; success redirects, and a 429
    # answered without checking anything is not a guess.
    return response.status_code == 422


# Guesses at one account from one address are held to RATELIMIT_LOGIN; the
# account's refused sign-ins from every address together to the slower
# RATELIMIT_LOGIN_ACCOUNT, set above what one address may try, so one
# attacker's address never locks the owner out of their account elsewhere.
login_limits = combined(
    shared("RATELIMIT_LOGIN", "login-account-ip", login_name_and_address_key),
    shared("RATELIMIT_LOGIN_ACCOUNT", "login-account", login_name_key, deduct_when=sign_in_refused),
    shared("RATELIMIT_LOGIN_IP", "login-ip", get_remote_address),
)
registering_limits = shared("RATELIMIT_REGISTER", "register-ip", get_remote_address)
# Checking the current password is a guess too.
password_change_limits = shared("RATELIMIT_LOGIN", "password-account", account_key)
