"""Rate limits, per account and per IP address: the mechanism, and posting, endorsing
and flagging (signing in and registering: consult.accounts.limits).

Limits come from settings (RATELIMIT_COMMENT, …) read at request time, so a
deployment or a test changes them without code; RATELIMIT_ENABLED=false turns
them all off and RATELIMIT_STORAGE_URI chooses memory:// or redis://….
"""

from collections.abc import Callable

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from consult.errors import MESSAGES
from consult.extensions import limiter


def account_key() -> str:
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


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
