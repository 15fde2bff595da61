"""Demo accounts and content, loaded with `flask demo load`."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.demo.cli import demo_cli

    app.cli.add_command(demo_cli)
