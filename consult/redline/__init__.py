"""Redlines: compare any two revisions, one clause's history, downloads."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.redline.views import bp

    app.register_blueprint(bp)
