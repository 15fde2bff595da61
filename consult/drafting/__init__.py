"""Staff drafting workflow and the `drafts` CLI group."""

from flask import Flask


def register(app: Flask) -> None:
    from consult import hooks
    from consult.drafting.cli import drafts_cli
    from consult.drafting.messages import MESSAGES
    from consult.drafting.views import bp, revision_page_context
    from consult.errors import register_messages

    app.register_blueprint(bp)
    register_messages(MESSAGES)
    hooks.add_partial(app, "revision.header", "drafting/_staff_actions.html")
    hooks.add_context(app, "revision", revision_page_context)
    app.cli.add_command(drafts_cli)
