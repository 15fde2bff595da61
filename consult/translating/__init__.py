"""Translations: translator workspace, outdated detection, reading in any language."""

from flask import Flask


def template_helpers() -> dict:
    from flask_login import current_user

    from consult.translating.comments import may_translate, translation_of

    return {
        "comment_translation": translation_of,
        "may_translate_comment": lambda comment: may_translate(current_user, comment),
    }


def register(app: Flask) -> None:
    from consult import hooks
    from consult.drafting.cli import drafts_cli
    from consult.errors import register_messages
    from consult.signals import revision_published
    from consult.translating import (  # noqa: F401  (routes on bp)
        comment_views,
        import_views,
        title_views,
    )
    from consult.translating.carryover import carry_over
    from consult.translating.cli import import_translation_command
    from consult.translating.following import (
        compare_page_context,
        history_page_context,
        report_page_context,
    )
    from consult.translating.messages import MESSAGES
    from consult.translating.views import bp, revision_page_context, thread_page_context

    app.register_blueprint(bp)
    register_messages(MESSAGES)
    app.context_processor(template_helpers)
    hooks.add_context(app, "revision", revision_page_context)
    hooks.add_context(app, "thread", thread_page_context)
    hooks.add_context(app, "history", history_page_context)
    hooks.add_context(app, "compare", compare_page_context)
    hooks.add_context(app, "report", report_page_context)
    hooks.add_partial(app, "revision.header", "translating/_reading.html")
    hooks.add_partial(app, "revision.clause_top", "translating/_clause_state.html")
    hooks.add_partial(app, "comment.after_body", "translating/_comment_translation.html")
    hooks.add_partial(app, "publish.form", "translating/_minor_edits.html")
    drafts_cli.add_command(import_translation_command)
    revision_published.connect(carry_over)
