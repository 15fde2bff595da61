"""Stable pseudonyms for comment authors, for readers who may not learn who wrote what.

An HMAC of the account id with the app's secret: the same author gets the same pseudonym
in every listing (so a reader can tell that two comments share an author), nobody without
the secret can recover the id from it, and it changes only if the secret does.
"""

import hashlib
import hmac

from flask import current_app

# Keeps these digests apart from any other HMAC the secret signs.
PURPOSE = b"consult.comment-author:"
LENGTH = 16


def author_pseudonym(user_id: int | None) -> str | None:
    """The author's pseudonym; None for an account that no longer exists."""
    if user_id is None:
        return None
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, PURPOSE + str(user_id).encode(), hashlib.sha256).hexdigest()
    return f"author-{digest[:LENGTH]}"
