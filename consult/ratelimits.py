"""Rate limits on posting, flagging, signing in and registering, per account and per IP address.

Limits come from settings (RATELIMIT_COMMENT, …) read at request time, so a
deployment or a test changes them without code; RATELIMIT_ENABLED=false turns
them all off and RATELIMIT_STORAGE_URI chooses memory:// or redis://….
"""

from collections.abc import Callable

from flask import Response, current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from consult.accounts.names import canonical_username
from consult.errors import MESSAGES
from consult.extensions import limiter

# Longer than any username: a longer name can only be a guess, and keys stay short.
LOGIN_NAME_KEY_LENGTH = 64


def account_key() -> str:
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


def login_name() -> str:
    # The canonical name, as the account lookup uses: every spelling of a
    # username (`STAFF`, `ſtaff`, `ｓｔａｆｆ`) counts against the one account.
    return canonical_username(request.form.get("username") or "")[:LOGIN_NAME_KEY_LENGTH]


def login_name_key() -> str:
    return "login:" + login_name()


def login_name_and_address_key() -> str:
    return f"login:{login_name()}|{get_remote_address()}"


def sign_in_refused(response: Response) -> bool:
    # A refused sign-in shows the form again; success redirects, and a 429
    # answered without checking anything is not a guess.
    return response.status_code == 200


def setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def message() -> str:
    return str(MESSAGES[429])


def shared(name: str, scope: str, key_func: Callable[[], str], **options):
    return limiter.shared_limit(
        setting(name), scope, key_func=key_func, methods=["POST"], error_message=message, **options
    )


def combined(*decorators) -> Callable:
    def apply(view: Callable) -> Callable:
        for decorate in reversed(decorators):
            view = decorate(view)
        return view

    return apply


posting_limits = combined(
    shared("RATELIMIT_COMMENT", "comment-account", account_key),
    shared("RATELIMIT_COMMENT_IP", "comment-ip", get_remote_address),
)
endorsing_limits = combined(
    shared("RATELIMIT_ENDORSE", "endorse-account", account_key),
    shared("RATELIMIT_COMMENT_IP", "endorse-ip", get_remote_address),
)
flagging_limits = combined(
    shared("RATELIMIT_FLAG", "flag-account", account_key),
    shared("RATELIMIT_COMMENT_IP", "flag-ip", get_remote_address),
)
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
