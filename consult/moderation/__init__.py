"""Moderation: flags, the moderators' queue, hiding and restoring comments, blocking accounts."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.moderation.views import bp

    app.register_blueprint(bp)
