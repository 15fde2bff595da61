"""Demo accounts and content, loaded with `flask demo load`."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.demo.cli import demo_cli
    from consult.demo.messages import MESSAGES
    from consult.errors import register_messages

    app.cli.add_command(demo_cli)
    register_messages(MESSAGES)
