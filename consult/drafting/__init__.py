"""Staff drafting workflow and the `drafts` CLI group."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.drafting.cli import drafts_cli
    from consult.drafting.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(drafts_cli)
