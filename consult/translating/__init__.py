"""Translations: translator workspace, outdated detection, reading in any language."""
from flask import Flask


def register(app: Flask) -> None:
    from consult.drafting.cli import drafts_cli
    from consult.translating.cli import import_translation_command
    from consult.translating.views import api_bp, bp

    app.register_blueprint(bp)
    app.register_blueprint(api_bp)
    drafts_cli.add_command(import_translation_command)
