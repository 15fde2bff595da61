"""Which interface catalog serves a reader (consult.languages.negotiate), and deprecated
tags read as their replacements (consult.languages.canonical_tag)."""

import pytest

from consult.i18n import missing_script_notice, page_language, select_locale
from consult.languages import Negotiation, canonical_tag, negotiate

# The twelve interface catalogs issue 15 asks for, named as their directories are.
CATALOGS = ["en", "fr", "de", "es", "ar", "pt_BR", "ja", "zh_Hans", "ru", "id", "he", "fa"]


@pytest.mark.parametrize(
    ("accept", "catalog", "missing"),
    [
        ("pt-BR", "pt_BR", None),
        ("pt", "pt_BR", None),
        ("pt-PT", "pt_BR", None),
        ("pt-AO", "pt_BR", None),
        ("pt_br", "pt_BR", None),
        ("zh-CN", "zh_Hans", None),
        ("zh-SG", "zh_Hans", None),
        ("zh-Hans", "zh_Hans", None),
        ("zh-Hans-HK", "zh_Hans", None),
        ("zh", "zh_Hans", None),
        ("zh-TW", None, "zh-Hant"),
        ("zh-HK", None, "zh-Hant"),
        ("zh-MO", None, "zh-Hant"),
        ("zh-Hant", None, "zh-Hant"),
        ("zh-TW, ja;q=0.8", "ja", "zh-Hant"),
        ("zh-TW, zh-CN;q=0.5", "zh_Hans", "zh-Hant"),
        ("iw", "he", None),
        ("iw-IL", "he", None),
        ("in", "id", None),
        ("en-GB", "en", None),
        ("fr-CA", "fr", None),
        ("de;q=0.5, fr;q=0.9", "fr", None),
        ("ko, de;q=0.3", "de", None),
        ("ko", None, None),
        ("*", None, None),
        ("fr;q=0, de;q=0.1", "de", None),
        ("sr-Latn, ru;q=0.9", "ru", None),
    ],
)
def test_negotiation(accept: str, catalog: str | None, missing: str | None) -> None:
    assert negotiate(parse_accept(accept), CATALOGS) == Negotiation(catalog, missing)


def parse_accept(header: str) -> list[tuple[str, float]]:
    accepted = []
    for item in header.split(","):
        tag, _, quality = item.strip().partition(";q=")
        accepted.append((tag, float(quality or 1)))
    return accepted


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("iw", "he"),
        ("iw-IL", "he-IL"),
        ("iw_il", "he-IL"),
        ("in", "id"),
        ("in-ID", "id-ID"),
        ("ji", "yi"),
        ("mo", "ro"),
        ("tl", "fil"),
        ("sh", "sr-Latn"),
        ("sh-Cyrl", "sr-Cyrl"),
        ("he", "he"),
    ],
)
def test_deprecated_tags_are_replaced(raw: str, stored: str) -> None:
    assert canonical_tag(raw) == stored


@pytest.fixture
def app_config(app_config: dict) -> dict:
    return {**app_config, "LANGUAGES": CATALOGS}


@pytest.mark.parametrize(
    ("accept", "catalog", "lang"),
    [("pt-PT", "pt_BR", "pt-BR"), ("zh-SG", "zh_Hans", "zh-Hans"), ("iw", "he", "he")],
)
def test_the_page_names_its_language_in_bcp_47(app, accept, catalog, lang) -> None:
    with app.test_request_context(headers={"Accept-Language": accept}):
        assert select_locale() == catalog
        assert page_language()["lang"] == lang
        assert missing_script_notice() is None


def test_traditional_chinese_readers_are_told_it_is_missing(app, client) -> None:
    page = client.get("/", headers={"Accept-Language": "zh-TW"}).get_data(as_text=True)
    assert '<html lang="en"' in page
    assert "The interface is not yet available in Chinese (Traditional)" in page
    assert '<option value="zh_Hans" lang="zh-Hans"' in page


def test_a_chosen_language_silences_the_notice(app, client) -> None:
    response = client.post("/language", data={"locale": "pt-BR", "next": "/"})
    assert response.status_code == 302
    page = client.get("/", headers={"Accept-Language": "zh-TW"}).get_data(as_text=True)
    assert '<html lang="pt-BR"' in page
    assert "not yet available" not in page
    assert '<option value="pt_BR" lang="pt-BR" selected' in page


@pytest.mark.parametrize("spelling", ["fr", "FR", "iw", "pt_br"])
def test_the_picker_accepts_any_spelling_of_a_catalog(app, client, spelling) -> None:
    assert client.post("/language", data={"locale": spelling}).status_code == 302


@pytest.mark.parametrize("spelling", ["", "ko", "zh-Hant", "nonsense"])
def test_the_picker_refuses_missing_catalogs(app, client, spelling) -> None:
    assert client.post("/language", data={"locale": spelling}).status_code == 400
