"""The read-only JSON API, version 1."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.api import comments, translations  # noqa: F401  (routes on the same blueprint)
    from consult.api.views import bp

    app.register_blueprint(bp)
