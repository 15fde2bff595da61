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
