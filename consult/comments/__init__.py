"""Comments per clause: threads that follow a clause through revisions, replies, endorsements,
suggested wording, the consultation window, and staff triage (dispositions, responses)."""

from flask import Flask


def register(app: Flask) -> None:
    from consult import hooks
    from consult.comments import (  # noqa: F401  (routes on bp)
        export_views,
        mine_views,
        triage_views,
        window_views,
    )
    from consult.comments.messages import MESSAGES
    from consult.comments.presenter import template_helpers
    from consult.comments.summary import summary_helpers
    from consult.comments.triage import mark_addressed
    from consult.comments.views import bp
    from consult.errors import register_messages
    from consult.signals import revision_published

    app.register_blueprint(bp)
    register_messages(MESSAGES)
    app.context_processor(template_helpers)
    app.context_processor(summary_helpers)
    hooks.add_partial(app, "revision.header", "comments/_revision_window.html")
    hooks.add_partial(app, "revision.header", "comments/_staff_links.html")
    hooks.add_partial(app, "revision.clause_bottom", "comments/_clause_summary.html")
    revision_published.connect(mark_addressed)
