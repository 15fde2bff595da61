"""`flask export-all FILE` and `flask import-all FILE` (`-` is standard output / input)."""

import click
import sqlalchemy as sa

from consult.backup.dump import export_all
from consult.backup.restore import import_all
from consult.backup.values import BackupError
from consult.extensions import db


def reason(error: Exception) -> str:
    # A database error's own text, without the statement and its (many) parameters.
    return str(getattr(error, "orig", None) or error)


def summary(counts: dict[str, int]) -> str:
    return f"{sum(counts.values())} rows in {len(counts)} tables"


@click.command("export-all")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
def export_all_command(file: str) -> None:
    """Write every table to FILE as JSON lines, from one consistent snapshot."""
    # atomic: a failed export leaves no partial file where a good one may have been.
    with click.open_file(file, "w", encoding="utf-8", atomic=file != "-") as out:
        try:
            counts = export_all(out)
        except BackupError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"Exported {summary(counts)}.", err=True)


@click.command("import-all")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
def import_all_command(file: str) -> None:
    """Load a backup made by export-all into this empty database; all or nothing."""
    with click.open_file(file, encoding="utf-8") as lines:
        try:
            counts = import_all(db.session.connection(), lines)
        except (BackupError, sa.exc.SQLAlchemyError, UnicodeDecodeError) as error:
            db.session.rollback()
            raise click.ClickException(f"{reason(error)} Nothing was imported.") from None
    db.session.commit()
    click.echo(f"Imported {summary(counts)}.", err=True)
