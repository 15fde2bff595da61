"""Every signal of the app, in one place: how a lower area talks to the areas above it.

A lower area sends; the areas above connect their receivers in their own
`register(app)`, so the sender never imports them (see tests/test_layering.py).
Receivers are plain functions of the sender and keyword arguments, as blinker
calls them; they run inside the sender's transaction and only flush.
"""

from blinker import Namespace

_signals = Namespace()

revision_published = _signals.signal("revision-published")
"""Sent by drafting after a revision is published; sender: the Revision,
`minor_keys`: the clauses whose edit staff marked minor."""

comment_flagged = _signals.signal("comment-flagged")
"""Sent by comments after a reader flags a comment; sender: the Comment."""

writing_refused = _signals.signal("writing-refused")
"""Asked before an account writes (posts, replies, edits, endorses); sender: the User.
A receiver answers True to refuse; any True refuses."""


def is_writing_refused(user) -> bool:
    return any(answer for _receiver, answer in writing_refused.send(user))
