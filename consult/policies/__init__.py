"""Reading policies: the home page, a policy, a revision."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.policies import guards
    from consult.policies.views import bp

    guards.install()
    app.register_blueprint(bp)
