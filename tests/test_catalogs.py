"""The interface's gettext catalogs in `translations/` are complete, consistent and compiled.

After adding or changing interface strings, from the project root
(consult/translate_cli.py; the pybabel options live in consult/catalogs.py):

    flask --app wsgi translate extract
    flask --app wsgi translate update
    (translate every new entry in translations/*/LC_MESSAGES/messages.po)
    flask --app wsgi translate compile
    flask --app wsgi translate check     # what this file checks, as a list

Every message carries a translator comment: `# Translators: …` on the line right before
the call in Python, `{# Translators: … #}` right before it in a template (one message per
line, or Babel gives the comment to the first one only). An ambiguous short label takes a
context: `pgettext("comment state", "Hidden")`, `{% trans "comment state" %}Hidden{% endtrans %}`.

A new language: `pybabel init -i translations/messages.pot -d translations -l <lang>`
(sets the Plural-Forms header), then add the tag to LANGUAGES in consult/config.py.
The .mo files are committed, so a fresh clone needs no compile step.
"""

import gettext
import io

import flask_babel
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from flask import render_template_string

from consult import create_app
from consult.catalogs import (
    TEMPLATE,
    extract,
    ids,
    load,
    mo_path,
    placeholders,
    po_path,
    stray_percent,
    strings,
)
from consult.config import DEFAULTS

SOURCE_LANGUAGE = DEFAULTS["BABEL_DEFAULT_LOCALE"]
LANGUAGES = [tag for tag in DEFAULTS["LANGUAGES"] if tag != SOURCE_LANGUAGE]


@pytest.fixture(scope="module")
def template() -> Catalog:
    return load(TEMPLATE)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Catalog:
    """The messages as the code holds them now, extracted with the documented options."""
    output = tmp_path_factory.mktemp("extract") / "messages.pot"
    extract(output)
    return load(output)


def key(message: Message) -> tuple:
    return (message.context, message.id)


def contents(catalog: Catalog) -> dict[tuple, tuple]:
    """What a translator sees of each message; line numbers are left out, they move with any edit."""
    return {
        key(message): (message.python_format, tuple(message.auto_comments))
        for message in catalog
        if message.id
    }


def test_template_is_freshly_extracted(template, extracted):
    committed, fresh = contents(template), contents(extracted)
    stale = {
        "missing from messages.pot": sorted(map(str, fresh.keys() - committed.keys())),
        "no longer in the code": sorted(map(str, committed.keys() - fresh.keys())),
        "changed": sorted(
            str(k) for k in fresh.keys() & committed.keys() if fresh[k] != committed[k]
        ),
    }
    assert not any(stale.values()), f"run `pybabel extract` (see the docstring): {stale}"


def test_every_message_has_a_translator_comment(extracted):
    uncommented = [
        (key(message), message.locations[0])
        for message in extracted
        if message.id and not " ".join(message.auto_comments).strip()
    ]
    assert not uncommented, f"add a `Translators:` comment before each of {uncommented}"


def test_every_configured_language_has_a_catalog():
    assert LANGUAGES, "no interface language besides the source language"
    for lang in LANGUAGES:
        assert po_path(lang).is_file(), f"missing catalog for {lang}"
        assert mo_path(lang).is_file(), f"{lang} is not compiled"


def test_template_holds_only_application_strings(template):
    assert len(template) > 0
    for message in template:
        if not message.id:
            continue
        for filename, _line in message.locations:
            assert filename.startswith("consult/"), (filename, message.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(template, lang):
    catalog = load(po_path(lang), lang)
    assert not catalog.fuzzy, f"{lang}: the catalog header is marked fuzzy"
    expected = {key(message) for message in template if message.id}
    present = {key(message) for message in catalog if message.id}
    assert not expected - present, f"{lang}: run `pybabel update`; missing {expected - present}"
    assert not present - expected, f"{lang}: run `pybabel update`; stale {present - expected}"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{lang}: fuzzy entry {message.id!r}"
        forms = strings(message)
        if message.pluralizable:
            assert len(forms) == catalog.num_plurals, (lang, message.id, catalog.num_plurals)
        assert all(form.strip() for form in forms), f"{lang}: untranslated {message.id!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_carries_the_translator_comments(template, lang):
    comments = {key(message): message.auto_comments for message in template if message.id}
    catalog = load(po_path(lang), lang)
    for message in catalog:
        if message.id:
            assert message.auto_comments == comments[key(message)], f"{lang}: run `pybabel update`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match(lang):
    catalog = load(po_path(lang), lang)
    for message in catalog:
        if not message.id:
            continue
        wanted = set().union(*(placeholders(text) for text in ids(message)))
        forms = strings(message)
        for index, form in enumerate(forms):
            assert not stray_percent(form), f"{lang}: stray % in {form!r}"
            found = placeholders(form)
            if message.pluralizable and index < len(forms) - 1:
                # A form used for a single number (Arabic zero, one, two) may spell
                # the number out instead of showing it; it may not add placeholders.
                assert found <= wanted, (lang, message.id, index, form)
            else:
                assert found == wanted, (lang, message.id, index, form)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_is_up_to_date(lang):
    # The header ("" entry) names the Babel version that compiled it; only messages count.
    compiled = io.BytesIO()
    write_mo(compiled, load(po_path(lang), lang))
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)._catalog
    with mo_path(lang).open("rb") as f:
        on_disk = gettext.GNUTranslations(f)._catalog
    on_disk.pop("", None)
    expected.pop("", None)
    assert on_disk == expected, f"{lang}: run `pybabel compile -d translations`"


EXPECTED = {
    "fr": ("Se connecter", "Cette révision compte 3 clauses.", "Cette révision compte 1 clause."),
    "de": ("Anmelden", "Diese Revision hat 3 Klauseln.", "Diese Revision hat 1 Klausel."),
    "es": ("Iniciar sesión", "Esta revisión tiene 3 cláusulas.", "Esta revisión tiene 1 cláusula."),
    "ar": ("تسجيل الدخول", "تحتوي هذه المراجعة على 3 بنود.", "تحتوي هذه المراجعة على بند واحد."),
    "ja": ("ログイン", "この版には 3 個の条項があります。", "この版には 1 個の条項があります。"),
    "zh_Hans": ("登录", "此修订版有 3 个条款。", "此修订版有 1 个条款。"),
    "ru": ("Войти", "В этой редакции 3 пункта.", "В этой редакции 1 пункт."),
    "he": ("כניסה", "בגרסה הזו יש 3 סעיפים.", "בגרסה הזו יש סעיף אחד."),
    "fa": ("ورود", "این نسخه 3 بند دارد.", "این نسخه 1 بند دارد."),
    "pt_BR": ("Entrar", "Esta revisão tem 3 cláusulas.", "Esta revisão tem 1 cláusula."),
    "id": ("Masuk", "Revisi ini memiliki 3 klausul.", "Revisi ini memiliki 1 klausul."),
}


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flask_babel_finds_the_catalogs(app, lang):
    sign_in, many, one = EXPECTED[lang]
    # Browsers send BCP 47 (`pt-BR`); catalogs are named Babel-style (`pt_BR`).
    with app.test_request_context(headers={"Accept-Language": lang.replace("_", "-")}):
        assert str(flask_babel.get_locale()) == lang
        assert flask_babel.gettext("Sign in") == sign_in
        plural = (
            "{% trans count=n %}This revision has {{ count }} clause.{% pluralize %}"
            "This revision has {{ count }} clauses.{% endtrans %}"
        )
        assert render_template_string(plural, n=3) == many
        assert render_template_string(plural, n=1) == one


def test_source_language_is_untranslated(app):
    with app.test_request_context(headers={"Accept-Language": SOURCE_LANGUAGE}):
        assert flask_babel.gettext("Sign in") == "Sign in"
