"""Audit log: every import, publish, delete and role change, readable by staff."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.audit.views import bp

    app.register_blueprint(bp)
