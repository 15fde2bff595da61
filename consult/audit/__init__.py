"""Audit log: every import, publish, delete and role change, readable by staff."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.audit.labels import action_label, shown_details, target_label
    from consult.audit.views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        audit_action=action_label, audit_details=shown_details, audit_target=target_label
    )
