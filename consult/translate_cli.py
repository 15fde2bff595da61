"""`flask translate extract|update|compile|check`: the interface catalogs' workflow.

After adding or changing interface strings: `flask translate extract`, then
`flask translate update`, translate every new entry in every
translations/<lang>/LC_MESSAGES/messages.po, then `flask translate compile` and
`flask translate check` (what tests/test_catalogs.py verifies).
"""

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from consult import catalogs

translate = AppGroup("translate", help="Extract, update, compile and check the catalogs.")

directory_option = click.option(
    "--directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=catalogs.TRANSLATIONS,
    show_default=True,
    help="The catalogs' directory (holding messages.pot and one folder per language).",
)


@translate.command("extract")
@directory_option
def extract_command(directory: Path) -> None:
    """Collect the interface's messages into messages.pot."""
    catalogs.extract(directory / catalogs.TEMPLATE.name)
    click.echo(f"Extracted {len(catalogs.load(directory / catalogs.TEMPLATE.name))} messages.")


@translate.command("update")
@directory_option
def update_command(directory: Path) -> None:
    """Merge messages.pot into every catalog: new entries are left empty, never guessed."""
    catalogs.update(directory)


@translate.command("compile")
@directory_option
def compile_command(directory: Path) -> None:
    """Compile every catalog into the .mo files the app reads (they are committed)."""
    catalogs.compile_all(directory)


@translate.command("check")
@directory_option
def check_command(directory: Path) -> None:
    """Fail unless every catalog has every message the code holds, translated, with no
    fuzzy entry, the source's placeholders and an up-to-date .mo file."""
    template = catalogs.fresh_template()
    languages = translated_languages()
    problems = [
        problem
        for lang in languages
        for problem in catalogs.catalog_problems(template, lang, directory)
    ]
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problems in the catalogs.")
    click.echo(f"{len(languages)} catalogs complete ({len(template)} messages).")


def translated_languages() -> list[str]:
    source = current_app.config["BABEL_DEFAULT_LOCALE"]
    return [lang for lang in current_app.config["LANGUAGES"] if lang != source]


def init_app(app: Flask) -> None:
    app.cli.add_command(translate)
