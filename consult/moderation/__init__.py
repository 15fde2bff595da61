"""Moderation: flags, the moderators' queue, hiding and restoring comments, blocking accounts."""

from flask import Flask


def register(app: Flask) -> None:
    from consult import hooks
    from consult.errors import register_messages
    from consult.moderation.blocks import is_blocked
    from consult.moderation.errors import MESSAGES
    from consult.moderation.services import hide_when_flagged_enough
    from consult.moderation.views import bp
    from consult.signals import comment_flagged, writing_refused

    app.register_blueprint(bp)
    hooks.add_partial(app, "comment.actions", "moderation/_comment_actions.html")
    writing_refused.connect(is_blocked)
    register_messages(MESSAGES)
    comment_flagged.connect(hide_when_flagged_enough)
