"""`flask translate …` (consult/translate_cli.py), run on a scratch copy of translations/."""

import shutil

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import write_po

from consult import catalogs


@pytest.fixture
def scratch(tmp_path):
    directory = tmp_path / "translations"
    shutil.copytree(catalogs.TRANSLATIONS, directory)
    return directory


@pytest.fixture
def committed_template(monkeypatch):
    # Extracting takes seconds; the failure tests only need the committed template.
    monkeypatch.setattr(catalogs, "fresh_template", lambda: catalogs.load(catalogs.TEMPLATE))


def rewrite(directory, lang, change) -> None:
    path = catalogs.po_path(lang, directory)
    catalog = catalogs.load(path, lang)
    change(catalog)
    with path.open("wb") as f:
        write_po(f, catalog)


def test_check_passes_on_the_shipped_catalogs(runner):
    result = runner.invoke(args=["translate", "check"])
    assert result.exit_code == 0, result.output
    assert "catalogs complete" in result.output


def test_check_names_every_problem(runner, scratch, committed_template):
    def spoil_french(catalog):
        catalog["Sign in"].flags.add("fuzzy")
        catalog["Saved the roles of %(name)s."].string = "Rôles enregistrés."
        catalog.delete("Saved your display name.")

    rewrite(scratch, "fr", spoil_french)
    catalogs.mo_path("de", scratch).unlink()
    result = runner.invoke(args=["translate", "check", "--directory", str(scratch)])
    assert result.exit_code == 1
    assert "fr: fuzzy 'Sign in'" in result.output
    assert "fr: placeholders differ in 'Rôles enregistrés.'" in result.output
    assert "fr: missing 'Saved your display name.'" in result.output
    assert "de: the compiled .mo is out of date" in result.output
    assert "es:" not in result.output


def test_update_adds_new_messages_empty_and_compile_writes_mo(runner, scratch):
    template = catalogs.load(scratch / "messages.pot")
    template["Sing in"] = Message("Sing in")  # close to "Sign in": fuzzy matching would guess
    with (scratch / "messages.pot").open("wb") as f:
        write_po(f, template)
    assert runner.invoke(args=["translate", "update", "--directory", str(scratch)]).exit_code == 0
    added = catalogs.load(catalogs.po_path("fr", scratch), "fr")["Sing in"]
    assert added.string == "" and not added.fuzzy
    catalogs.mo_path("fr", scratch).unlink()
    assert runner.invoke(args=["translate", "compile", "--directory", str(scratch)]).exit_code == 0
    assert catalogs.mo_path("fr", scratch).is_file()


def test_extract_writes_the_committed_template(runner, scratch):
    result = runner.invoke(args=["translate", "extract", "--directory", str(scratch)])
    assert result.exit_code == 0, result.output
    template = catalogs.load(scratch / "messages.pot")
    assert template.project == "Consult"
    assert all(filename.startswith("consult/") for m in template for filename, _ in m.locations)
    assert {m.id for m in template} == {m.id for m in catalogs.load(catalogs.TEMPLATE)}
