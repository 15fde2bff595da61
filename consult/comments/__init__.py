"""Comments per clause: threads that follow a clause through revisions, replies, endorsements,
suggested wording, the consultation window, and staff triage (dispositions, responses)."""

from flask import Flask


def register(app: Flask) -> None:
    from consult import hooks
    from consult.audit.labels import register_value_labels
    from consult.comments import (  # noqa: F401  (routes on bp)
        adoption_views,
        export_views,
        mine_views,
        report_views,
        statistics_views,
        triage_views,
        window_views,
    )
    from consult.comments.adoption_messages import MESSAGES as ADOPTION_MESSAGES
    from consult.comments.cli import comments_cli
    from consult.comments.generations import listen
    from consult.comments.labels import DISPOSITION_LABELS
    from consult.comments.messages import MESSAGES
    from consult.comments.presenter import template_helpers
    from consult.comments.provenance import provenance_helpers
    from consult.comments.rendered import init_app as init_rendered
    from consult.comments.summary import summary_helpers
    from consult.comments.tallies import init_app as init_tallies
    from consult.comments.triage import mark_addressed
    from consult.comments.views import bp
    from consult.errors import register_messages
    from consult.signals import revision_published

    app.register_blueprint(bp)
    app.cli.add_command(comments_cli)
    register_messages(MESSAGES)
    register_messages(ADOPTION_MESSAGES)
    register_value_labels(("from", "to"), DISPOSITION_LABELS)
    app.context_processor(template_helpers)
    app.context_processor(provenance_helpers)
    app.context_processor(summary_helpers)
    hooks.add_partial(app, "revision.header", "comments/_revision_window.html")
    hooks.add_partial(app, "revision.header", "comments/_staff_links.html")
    hooks.add_partial(app, "revision.header", "comments/_report_links.html")
    hooks.add_partial(app, "revision.clause_bottom", "comments/_clause_summary.html")
    hooks.add_partial(app, "revision.clause_bottom", "comments/_clause_origin.html")
    hooks.add_partial(app, "clause.after_text", "comments/_clause_origin.html")
    revision_published.connect(mark_addressed)
    listen()
    init_tallies(app)
    init_rendered(app)
