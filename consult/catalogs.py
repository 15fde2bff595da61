"""The interface's gettext catalogs: extracting, updating and compiling them with the
project's one set of options, and the checks a catalog must pass before it ships
(`flask translate …`, consult/translate_cli.py; tests/test_catalogs.py checks the same)."""

import contextlib
import gettext
import io
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from consult.config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"

EXTRACT_OPTIONS = [
    "-F",
    "babel.cfg",
    "-k",
    "_l",
    "-k",
    "lazy_gettext",
    "-k",
    "lazy_pgettext:1c,2",
    "--add-comments=Translators:",
    "--project=Consult",
    "--version=0.1.0",
    "--copyright-holder=Consult contributors",
]

# A Python %-format conversion: `%(name)s`, `%d`, `%%`, ...
FORMAT_SPEC = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<type>[diouxXeEfFgGcrsa%])"
)


def pybabel(*arguments: str) -> None:
    # Paths in the template are relative to the working directory: keep them `consult/…`.
    with contextlib.chdir(PROJECT_ROOT):
        CommandLineInterface().run(["pybabel", "--quiet", *arguments])


def extract(template: Path) -> None:
    pybabel("extract", *EXTRACT_OPTIONS, "-o", str(template), ".")


def update(directory: Path) -> None:
    # No fuzzy matching: a guessed translation must be checked by a human anyway, and an
    # empty one is harder to ship by mistake than a plausible wrong one.
    template = str(directory / TEMPLATE.name)
    pybabel("update", "-i", template, "-d", str(directory), "--no-fuzzy-matching")


def compile_all(directory: Path) -> None:
    pybabel("compile", "-d", str(directory))


def po_path(lang: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / lang / "LC_MESSAGES" / "messages.po"


def mo_path(lang: str, directory: Path = TRANSLATIONS) -> Path:
    return po_path(lang, directory).with_suffix(".mo")


def load(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def placeholders(text: str) -> set[str]:
    """The named conversions of a %-format string, e.g. {"%(count)d"}; `%%` is a literal."""
    found = set()
    for match in FORMAT_SPEC.finditer(text):
        if match["type"] == "%":
            continue
        found.add(f"%({match['name']}){match['type']}" if match["name"] is not None else match[0])
    return found


def stray_percent(text: str) -> bool:
    """A `%` that is neither `%%` nor a complete conversion breaks the % formatting."""
    return "%" in FORMAT_SPEC.sub("", text)


def fresh_template() -> Catalog:
    """The messages the code holds now, extracted to a scratch file."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "messages.pot"
        extract(path)
        return load(path)


def catalog_problems(template: Catalog, lang: str, directory: Path) -> Iterator[str]:
    """What keeps `lang`'s catalog from shipping, one line each."""
    if not po_path(lang, directory).is_file():
        yield f"{lang}: no catalog (pybabel init -l {lang})"
        return
    catalog = load(po_path(lang, directory), lang)
    expected = {message.id for message in template if message.id}
    present = {message.id for message in catalog if message.id}
    yield from (f"{lang}: missing {msgid!r}" for msgid in sorted(expected - present, key=str))
    yield from (f"{lang}: stale {msgid!r}" for msgid in sorted(present - expected, key=str))
    for message in catalog:
        if message.id:
            yield from message_problems(catalog, message, lang)
    if not compiled_is_current(catalog, mo_path(lang, directory)):
        yield f"{lang}: the compiled .mo is out of date (flask translate compile)"


def message_problems(catalog: Catalog, message: Message, lang: str) -> Iterator[str]:
    if message.fuzzy:
        yield f"{lang}: fuzzy {message.id!r}"
    forms = strings(message)
    if message.pluralizable and len(forms) != catalog.num_plurals:
        yield f"{lang}: {len(forms)} plural forms instead of {catalog.num_plurals} {message.id!r}"
    if not all(form.strip() for form in forms):
        yield f"{lang}: untranslated {message.id!r}"
    wanted = set().union(*(placeholders(text) for text in ids(message)))
    for index, form in enumerate(forms):
        found = placeholders(form)
        # A form used for a single number (Arabic zero, one, two) may spell the number
        # out instead of showing it; it may not add placeholders.
        spelled = message.pluralizable and index < len(forms) - 1
        if stray_percent(form) or not (found <= wanted if spelled else found == wanted):
            yield f"{lang}: placeholders differ in {form!r} for {message.id!r}"


def compiled_is_current(catalog: Catalog, compiled_path: Path) -> bool:
    # The header ("" entry) names the Babel version that compiled it; only messages count.
    if not compiled_path.is_file():
        return False
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)._catalog
    with compiled_path.open("rb") as f:
        on_disk = gettext.GNUTranslations(f)._catalog
    on_disk.pop("", None)
    expected.pop("", None)
    return on_disk == expected
