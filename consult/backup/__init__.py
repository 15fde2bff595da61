"""Backup: `flask export-all FILE` and `flask import-all FILE`, every table as JSON lines."""

from flask import Flask


def register(app: Flask) -> None:
    from consult.backup.cli import export_all_command, import_all_command

    app.cli.add_command(export_all_command)
    app.cli.add_command(import_all_command)
