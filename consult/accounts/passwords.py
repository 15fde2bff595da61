"""Password rules and checks: long enough, not too long, hard to guess, and the same
work whether or not the account exists."""

import secrets
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from consult.accounts.errors import AccountCode, AccountError

MIN_PASSWORD_LENGTH = 10
# Far beyond any passphrase; it bounds the work of hashing what a form sends.
MAX_PASSWORD_LENGTH = 1024
# zxcvbn scores 0–4; 3 is "safely unguessable": it takes about 10⁸ guesses.
MIN_PASSWORD_SCORE = 3
# zxcvbn refuses longer input (its matching grows fast with length); a longer
# password is at least as hard to guess as its beginning.
SCORED_LENGTH = 72


def check_password(password: str, personal: tuple[str, ...] = ()) -> None:
    """Refuse a new password that is too short, too long or easy to guess;
    `personal` (username, display name) counts as easy to guess."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(AccountCode.PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(AccountCode.PASSWORD_TOO_LONG, maximum=MAX_PASSWORD_LENGTH)
    hints = [word for word in personal if word]
    if zxcvbn(password[:SCORED_LENGTH], user_inputs=hints)["score"] < MIN_PASSWORD_SCORE:
        raise AccountError(AccountCode.PASSWORD_TOO_WEAK)


def hash_password(password: str) -> str:
    return generate_password_hash(password)


@cache
def unknown_account_hash() -> str:
    """A hash no password matches, made like a real one, so checking a password
    for an unknown account costs what a wrong password does."""
    return hash_password(secrets.token_urlsafe(32))


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Always hashes once: `stored_hash` None (no such account) checks the dummy hash."""
    matched = check_password_hash(stored_hash or unknown_account_hash(), password)
    return matched and stored_hash is not None
