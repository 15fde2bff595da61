"""Redlines: compare any two revisions, one clause's history, downloads."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.redline import services
    from consult.redline.views import bp

    services.init_app(app)
    app.register_blueprint(bp)
