"""Language tags: one rule for every place that accepts one (consult.i18n.canonical_language)."""

import pytest

from consult.i18n import canonical_language


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("pt_br", "pt-BR"),
        ("PT-br", "pt-BR"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("zh_Hant", "zh-Hant"),
        ("de", "de"),
        (" fr ", "fr"),
        ("iw", "he"),
        ("iw-IL", "he-IL"),
        ("in", "id"),
        ("ji", "yi"),
        ("mo", "ro"),
    ],
)
def test_tags_have_one_stored_spelling(raw: str, stored: str) -> None:
    assert canonical_language(raw) == stored


@pytest.mark.parametrize("raw", ["", None, "klingon-xx-yy", "not a tag", "x"])
def test_unknown_tags_are_none(raw) -> None:
    assert canonical_language(raw) is None


def test_every_area_stores_the_same_spelling(app) -> None:
    from consult.accounts.services import known_language
    from consult.comments.services import normalised_language
    from consult.translating.services import language_tag

    for raw in ("pt_br", "sr-latn-rs", "zh_hant_tw", "iw", "in-id"):
        assert known_language(raw) == normalised_language(raw) == language_tag(raw)


def test_sentences_name_a_language_in_the_interfaces_language(app) -> None:
    """Issue 15: "verfasst auf Englisch", not "verfasst auf English"; pickers keep autonyms."""
    from flask_babel import force_locale

    from consult.i18n import language_name, language_name_in_interface

    with app.test_request_context(), force_locale("de"):
        assert language_name_in_interface("en") == "Englisch"
        assert language_name_in_interface("ar") == "Arabisch"
        assert language_name("en") == "English"
    with app.test_request_context(), force_locale("ar"):
        assert language_name_in_interface("en") == "الإنجليزية"


def test_a_translated_inline_redline_tags_each_side_with_its_language() -> None:
    """The English fallback deleted where the Arabic translation is inserted reads as
    English, not as Arabic."""
    from consult.i18n import language_attributes
    from consult.redline.render import Labels, redline_html

    labels = Labels(
        "insertion:",
        "deletion:",
        "(end)",
        inserted_attributes=str(language_attributes("ar")),
        deleted_attributes=str(language_attributes("en")),
    )
    html = redline_html([("delete", "Be kind."), ("insert", "كن لطيفا.")], labels)
    assert '<del lang="en" dir="ltr">' in html and '<ins lang="ar" dir="rtl">' in html
