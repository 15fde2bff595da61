"""Reading policies: the home page, a policy, a revision."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.errors import register_messages
    from consult.policies import guards
    from consult.policies.messages import MESSAGES
    from consult.policies.views import bp

    guards.install()
    register_messages(MESSAGES)
    app.register_blueprint(bp)
