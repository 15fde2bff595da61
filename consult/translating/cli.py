"""`flask drafts import-translation SLUG REVISION LANG FILE.md`."""

from pathlib import Path

import click

from consult.accounts.services import find_user
from consult.drafting.cli import read_document
from consult.extensions import db
from consult.policies.errors import PolicyError
from consult.policies.services import get_policy, get_revision
from consult.translating.importing import Matching, import_translation
from consult.translating.messages import error_lines
from consult.translating.services import language_tag
from drafts import StructureErrorCode


@click.command("import-translation")
@click.argument("slug")
@click.argument("number", metavar="REVISION", type=int)
@click.argument("language", metavar="LANG")
@click.argument(
    "path", metavar="FILE.md", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--translator", help="Username credited as translator (default: none).")
@click.option(
    "--match-by-order",
    is_flag=True,
    help="Pair headings by order when the counts match, even where their levels differ.",
)
def import_translation_command(
    slug: str, number: int, language: str, path: Path, translator: str | None, match_by_order: bool
) -> None:
    """Import FILE.md as the LANG translation of revision REVISION of policy SLUG.

    The document must have the same headings, in the same order and at the same
    levels, as the revision (with --match-by-order, levels may differ); otherwise
    nothing is stored.
    """
    matching = Matching.BY_ORDER if match_by_order else Matching.EXACT
    try:
        result = run_import(slug, number, language, path, translator, matching)
    except PolicyError as error:
        db.session.rollback()
        raise click.ClickException("\n".join([f"{path}:", *refusal_lines(error)])) from None
    db.session.commit()
    click.echo(
        f"{path.name}: {result.saved} clauses translated into {result.language}, "
        f"{result.unchanged} already up to date (revision {number} of {slug})."
    )


def refusal_lines(error: PolicyError) -> list[str]:
    lines = [*error_lines(error), "Nothing was imported."]
    if error.code is StructureErrorCode.LEVELS_DIFFER:
        lines.append("To pair the headings by order whatever their levels, add --match-by-order.")
    return lines


def run_import(
    slug: str,
    number: int,
    language: str,
    path: Path,
    translator: str | None,
    matching: Matching,
):
    actor = find_user(translator) if translator else None
    if translator and actor is None:
        raise click.ClickException(f"There is no user “{translator}”.")
    revision = get_revision(get_policy(slug), number, include_drafts=True)
    text = read_document(path)
    return import_translation(actor, revision, language_tag(language), text, matching)
