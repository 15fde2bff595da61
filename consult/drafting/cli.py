"""`flask drafts import SLUG FILE.md…` imports documents as revisions; `drafts verify` checks hashes."""

import sys
from pathlib import Path

import click
from flask import current_app

from consult.drafting.importing import ImportOptions, decode_markdown, import_into
from consult.drafting.renderings import prune_renderings
from consult.errors import message_of
from consult.extensions import db
from consult.policies.errors import PolicyError
from consult.policies.integrity import verify_all
from consult.redline.stored import prune_comparisons


@click.group("drafts")
def drafts_cli() -> None:
    """Import and manage policy drafts."""


def read_document(path: Path) -> str:
    return decode_markdown(path.read_bytes(), current_app.config["MAX_IMPORT_BYTES"])


@drafts_cli.command("import")
@click.argument("slug")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--title", help="Revision title (default: the document's own).")
@click.option("--language", help="Source language, BCP 47 (default: front matter, else en).")
@click.option("--summary", default="", help="Change summary (default: 'Imported from FILE').")
@click.option("--publish", is_flag=True, help="Publish each imported revision.")
def import_command(
    slug: str,
    files: tuple[Path, ...],
    title: str | None,
    language: str | None,
    summary: str,
    publish: bool,
) -> None:
    """Import FILES into policy SLUG in order (created when new); all or nothing."""
    results = []
    with click.progressbar(files, label="Importing", file=sys.stderr, show_pos=True) as bar:
        for path in bar:
            options = ImportOptions(
                title=title,
                language=language,
                publish=publish,
                change_summary=summary or f"Imported from {path.name}",
            )
            results.append((path, import_file(slug, path, options)))
    db.session.commit()
    for path, revision in results:
        state = revision.state.value
        click.echo(
            f"{path.name}: revision {revision.number} ({state}), {len(revision.clauses)} clauses"
        )


def import_file(slug: str, path: Path, options: ImportOptions):
    try:
        return import_into(None, slug, read_document(path), options)
    except PolicyError as error:
        db.session.rollback()
        raise click.ClickException(f"{path}: {message_of(error)} Nothing was imported.") from None


@drafts_cli.command("verify")
def verify_command() -> None:
    """Recompute every stored clause hash, content hash and chain hash; name any mismatch."""
    report = verify_all()
    for mismatch in report.mismatches:
        click.echo(str(mismatch))
    counts = (
        f"policies: {report.policies}, revisions: {report.revisions}, clauses: {report.clauses}"
    )
    if report.mismatches:
        click.echo(f"Mismatches: {len(report.mismatches)} ({counts}).", err=True)
        sys.exit(1)
    click.echo(f"Every stored hash matches ({counts}).")


@drafts_cli.command("prune-renderings")
def prune_renderings_command() -> None:
    """Delete stored renderings that no published revision's pages show (drafts' previews)."""
    pruned, comparisons = prune_renderings(), prune_comparisons()
    db.session.commit()
    click.echo(f"Pruned {pruned} stored renderings.")
    click.echo(f"Pruned {comparisons} stored comparisons.")
