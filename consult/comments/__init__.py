"""Comments per clause: threads, replies, endorsements, suggested wording, the consultation window."""

from flask import Flask


def register(app: Flask) -> None:
    from consult import hooks
    from consult.comments import window_views  # noqa: F401  (routes on the same blueprint)
    from consult.comments.messages import MESSAGES
    from consult.comments.presenter import template_helpers
    from consult.comments.summary import summary_helpers
    from consult.comments.views import bp
    from consult.errors import register_messages

    app.register_blueprint(bp)
    register_messages(MESSAGES)
    app.context_processor(template_helpers)
    app.context_processor(summary_helpers)
    hooks.add_partial(app, "revision.header", "comments/_revision_window.html")
    hooks.add_partial(app, "revision.clause_bottom", "comments/_clause_summary.html")
